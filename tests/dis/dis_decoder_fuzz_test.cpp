// A fuzz-style test of the decoder and the listener (issue: >= 10,000 random and truncated
// packets, no crash): random bytes, and valid PDUs with random bit flips, truncations and length
// fields. Every packet the decoder accepts must encode back to the same bytes (apart from the
// length field, which may announce trailing bytes), and the listener must account for every packet.
#include <gtest/gtest.h>

#include <random>

#include "dis/codec.hpp"
#include "dis/entity_types.hpp"
#include "dis/listener.hpp"

using namespace skyshield::dis;

namespace {

std::vector<std::uint8_t> valid_pdu(std::mt19937_64& rng) {
  std::uniform_int_distribution<int> pick(0, 2);
  switch (pick(rng)) {
    case 0: {
      EntityStatePdu p;
      p.entity = {2, 3, static_cast<std::uint16_t>(rng() % 50 + 1)};
      p.type = threat_entity_type(skyshield::ThreatClass::CruiseMissile, false);
      p.location = {4.0e6, 1.0e6, 4.8e6};
      p.velocity = {100.0f, 0.0f, 0.0f};
      p.variable_parameters.resize(rng() % 3);
      return encode(p);
    }
    case 1: return encode(FirePdu{});
    default: {
      DetonationPdu p;
      p.variable_parameters.resize(rng() % 2);
      return encode(p);
    }
  }
}

}  // namespace

TEST(DisDecoderFuzz, RandomAndDamagedPacketsNeverCrashAndAcceptedOnesAreExact) {
  std::mt19937_64 rng(20261130);  // fixed: the same packets every run
  Listener listener(DisIdentity{});
  long long accepted = 0, refused = 0;
  constexpr int kPackets = 30000;
  for (int i = 0; i < kPackets; ++i) {
    std::vector<std::uint8_t> b;
    switch (i % 4) {
      case 0: {  // random bytes, random length
        b.resize(rng() % 300);
        for (auto& x : b) x = static_cast<std::uint8_t>(rng());
        if (b.size() > 3 && rng() % 2) {  // often with a plausible header, to get past the first checks
          b[0] = 7;
          b[2] = static_cast<std::uint8_t>(rng() % 4);
        }
        break;
      }
      case 1: {  // a valid PDU truncated anywhere
        b = valid_pdu(rng);
        b.resize(rng() % (b.size() + 1));
        break;
      }
      case 2: {  // a valid PDU with a few bits flipped
        b = valid_pdu(rng);
        for (int k = 0, n = static_cast<int>(rng() % 4) + 1; k < n; ++k) b[rng() % b.size()] ^= static_cast<std::uint8_t>(1u << (rng() % 8));
        break;
      }
      default: {  // a valid PDU whose length field or parameter count lies
        b = valid_pdu(rng);
        const std::uint16_t len = static_cast<std::uint16_t>(rng() % 400);
        b[8] = static_cast<std::uint8_t>(len >> 8);
        b[9] = static_cast<std::uint8_t>(len);
        if (b.size() > 19 && rng() % 2) b[19] = static_cast<std::uint8_t>(rng());
        break;
      }
    }
    const Decoded d = decode(b);
    if (d.error == DecodeError::None) {
      ++accepted;
      const std::vector<std::uint8_t> again = std::visit(
          [](const auto& p) -> std::vector<std::uint8_t> {
            if constexpr (std::is_same_v<std::decay_t<decltype(p)>, std::monostate>) {
              return {};
            } else {
              return encode(p);
            }
          },
          d.pdu);
      ASSERT_FALSE(again.empty()) << i;
      ASSERT_LE(again.size(), b.size()) << i;
      for (std::size_t k = 0; k < again.size(); ++k) {
        if (k == 8 || k == 9) continue;  // the length field
        ASSERT_EQ(again[k], b[k]) << "packet " << i << " byte " << k;
      }
    } else {
      ++refused;
      EXPECT_TRUE(std::holds_alternative<std::monostate>(d.pdu));
    }
    listener.take(b, i * 0.01);
  }
  listener.updates(kPackets * 0.01);
  const ListenerCounts& c = listener.counts();
  EXPECT_EQ(c.packets, kPackets);
  EXPECT_EQ(c.entity_states + c.malformed + c.other_pdus + c.foreign + c.not_threats + c.implausible + c.over_limit, c.packets);
  // Both outcomes are exercised in earnest.
  EXPECT_GT(accepted, 3000);
  EXPECT_GT(refused, 10000);
}
