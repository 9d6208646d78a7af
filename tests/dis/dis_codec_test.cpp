// The DIS codec against hand-assembled buffers (field offsets and widths of IEEE 1278.1-2012: Entity
// State PDU 144 bytes, Fire PDU 96, Detonation PDU 104, header 12; big-endian), byte-exact round
// trips of every PDU type, and the decoder's refusals.
#include <gtest/gtest.h>

#include <bit>
#include <cstring>

#include "dis/codec.hpp"

using namespace skyshield::dis;

namespace {

// Reads big-endian fields at a byte offset, independently of the codec's reader.
std::uint16_t be16(const std::vector<std::uint8_t>& b, std::size_t at) { return static_cast<std::uint16_t>(b[at] << 8 | b[at + 1]); }
std::uint32_t be32(const std::vector<std::uint8_t>& b, std::size_t at) {
  return static_cast<std::uint32_t>(b[at]) << 24 | static_cast<std::uint32_t>(b[at + 1]) << 16 |
         static_cast<std::uint32_t>(b[at + 2]) << 8 | b[at + 3];
}
std::uint64_t be64(const std::vector<std::uint8_t>& b, std::size_t at) {
  return static_cast<std::uint64_t>(be32(b, at)) << 32 | be32(b, at + 4);
}
float bef(const std::vector<std::uint8_t>& b, std::size_t at) { return std::bit_cast<float>(be32(b, at)); }
double bed(const std::vector<std::uint8_t>& b, std::size_t at) { return std::bit_cast<double>(be64(b, at)); }

EntityStatePdu sample_entity_state() {
  EntityStatePdu p;
  p.header.exercise_id = 7;
  p.header.timestamp = 0x12345678;
  p.entity = {1, 2, 300};
  p.force = ForceId::Opposing;
  p.type = {2, 9, 222, 1, 4, 5, 6};
  p.alternative_type = {1, 2, 225, 3, 0, 0, 0};
  p.velocity = {100.5f, -200.25f, 3.0f};
  p.location = {2845000.123, 2193000.5, 5252000.75};
  p.orientation = {0.5f, -1.25f, 3.0f};
  p.appearance = 0x00800018;
  p.dead_reckoning.algorithm = DeadReckoning::FVW;
  p.dead_reckoning.other[0] = 0xAB;
  p.dead_reckoning.other[14] = 0xCD;
  p.dead_reckoning.linear_acceleration = {1.0f, -9.81f, 0.25f};
  p.dead_reckoning.angular_velocity = {0.0f, 0.125f, -0.5f};
  p.marking = make_marking("CM-12");
  p.capabilities = 0xDEADBEEF;
  return p;
}

}  // namespace

TEST(DisCodec, EntityStateFieldsAtTheStandardsOffsets) {
  const std::vector<std::uint8_t> b = encode(sample_entity_state());
  ASSERT_EQ(b.size(), 144u);  // 1278.1-2012 7.2.2: 1152 bits without variable parameters
  // Header (6.2.66): version, exercise, type, family, timestamp, length, status, padding.
  EXPECT_EQ(b[0], 7);
  EXPECT_EQ(b[1], 7);
  EXPECT_EQ(b[2], 1);
  EXPECT_EQ(b[3], 1);
  EXPECT_EQ(be32(b, 4), 0x12345678u);
  EXPECT_EQ(be16(b, 8), 144);
  // Entity id at 12, force id at 18, number of variable parameters at 19.
  EXPECT_EQ(be16(b, 12), 1);
  EXPECT_EQ(be16(b, 14), 2);
  EXPECT_EQ(be16(b, 16), 300);
  EXPECT_EQ(b[18], 2);
  EXPECT_EQ(b[19], 0);
  // Entity type at 20: kind, domain, country (16 bits), category, subcategory, specific, extra.
  EXPECT_EQ(b[20], 2);
  EXPECT_EQ(b[21], 9);
  EXPECT_EQ(be16(b, 22), 222);
  EXPECT_EQ(b[24], 1);
  EXPECT_EQ(b[27], 6);
  EXPECT_EQ(be16(b, 30), 225);  // alternative type's country at 28 + 2
  // Linear velocity (3 x float32) at 36, location (3 x float64) at 48, orientation at 72.
  EXPECT_EQ(bef(b, 36), 100.5f);
  EXPECT_EQ(bef(b, 40), -200.25f);
  EXPECT_EQ(bed(b, 48), 2845000.123);
  EXPECT_EQ(bed(b, 64), 5252000.75);
  EXPECT_EQ(bef(b, 76), -1.25f);
  // Appearance at 84, dead reckoning at 88 (algorithm, 15 other bytes, acceleration at 104, angular
  // velocity at 116), marking at 128 (character set + 11 characters), capabilities at 140.
  EXPECT_EQ(be32(b, 84), 0x00800018u);
  EXPECT_EQ(b[88], 5);
  EXPECT_EQ(b[89], 0xAB);
  EXPECT_EQ(b[103], 0xCD);
  EXPECT_EQ(bef(b, 108), -9.81f);
  EXPECT_EQ(bef(b, 120), 0.125f);
  EXPECT_EQ(b[128], 1);
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(&b[129]), 5), "CM-12");
  EXPECT_EQ(b[134], 0);
  EXPECT_EQ(be32(b, 140), 0xDEADBEEFu);
}

TEST(DisCodec, FireFieldsAtTheStandardsOffsets) {
  FirePdu p;
  p.header.timestamp = 42;
  p.firing = {1, 1, 5};
  p.target = {1, 1, 9};
  p.munition = {1, 1, 77};
  p.event = {1, 1, 1234};
  p.fire_mission_index = 99;
  p.location = {1.5, -2.5, 6.4e6};
  p.descriptor.munition = {2, 1, 222, 1, 0, 0, 0};
  p.descriptor.warhead = 1000;
  p.descriptor.fuse = 3000;
  p.descriptor.quantity = 1;
  p.descriptor.rate = 0;
  p.velocity = {10.0f, 20.0f, 30.0f};
  p.range = 123456.0f;
  const std::vector<std::uint8_t> b = encode(p);
  ASSERT_EQ(b.size(), 96u);  // 1278.1-2012 7.3.2: 768 bits
  EXPECT_EQ(b[2], 2);        // PDU type Fire
  EXPECT_EQ(b[3], 2);        // family Warfare
  EXPECT_EQ(be16(b, 8), 96);
  EXPECT_EQ(be16(b, 16), 5);      // firing entity at 12
  EXPECT_EQ(be16(b, 22), 9);      // target at 18
  EXPECT_EQ(be16(b, 28), 77);     // munition at 24
  EXPECT_EQ(be16(b, 34), 1234);   // event id at 30: site, application, event number
  EXPECT_EQ(be32(b, 36), 99u);    // fire mission index
  EXPECT_EQ(bed(b, 56), 6.4e6);   // location at 40
  EXPECT_EQ(b[64], 2);            // descriptor at 64: entity type ...
  EXPECT_EQ(be16(b, 66), 222);
  EXPECT_EQ(be16(b, 72), 1000);   // ... warhead, fuse, quantity, rate
  EXPECT_EQ(be16(b, 74), 3000);
  EXPECT_EQ(be16(b, 76), 1);
  EXPECT_EQ(bef(b, 88), 30.0f);   // velocity at 80
  EXPECT_EQ(bef(b, 92), 123456.0f);
}

TEST(DisCodec, DetonationFieldsAtTheStandardsOffsets) {
  DetonationPdu p;
  p.firing = {3, 4, 5};
  p.target = {3, 4, 6};
  p.munition = {3, 4, 7};
  p.event = {3, 4, 8};
  p.velocity = {-1.0f, -2.0f, -3.0f};
  p.location = {4.0e6, 1.0e6, 4.8e6};
  p.descriptor.munition = {2, 1, 222, 1, 0, 0, 0};
  p.location_in_entity = {1.5f, 0.0f, -2.0f};
  p.result = DetonationResult::EntityProximateDetonation;
  const std::vector<std::uint8_t> b = encode(p);
  ASSERT_EQ(b.size(), 104u);  // 1278.1-2012 7.3.3: 832 bits without variable parameters
  EXPECT_EQ(b[2], 3);
  EXPECT_EQ(b[3], 2);
  EXPECT_EQ(be16(b, 16), 5);
  EXPECT_EQ(be16(b, 34), 8);
  EXPECT_EQ(bef(b, 44), -3.0f);       // velocity at 36
  EXPECT_EQ(bed(b, 48), 4.0e6);       // location at 48
  EXPECT_EQ(b[72], 2);                // descriptor at 72
  EXPECT_EQ(bef(b, 88), 1.5f);        // location in entity coordinates at 88
  EXPECT_EQ(b[100], 2);               // result
  EXPECT_EQ(b[101], 0);               // number of variable parameters
}

TEST(DisCodec, RoundTripsByteExact) {
  EntityStatePdu es = sample_entity_state();
  VariableParameter vp;
  vp.record_type = 1;
  vp.data[3] = 0x42;
  es.variable_parameters = {vp, vp};
  FirePdu fire;
  fire.firing = {1, 1, 2};
  fire.location = {1, 2, 3};
  fire.range = 5.0f;
  DetonationPdu det;
  det.result = DetonationResult::GroundImpact;
  det.variable_parameters = {vp};

  const auto check = [](const auto& pdu, std::size_t size) {
    using T = std::decay_t<decltype(pdu)>;
    const std::vector<std::uint8_t> bytes = encode(pdu);
    ASSERT_EQ(bytes.size(), size);
    const Decoded d = decode(bytes);
    ASSERT_EQ(d.error, DecodeError::None);
    const T* back = std::get_if<T>(&d.pdu);
    ASSERT_NE(back, nullptr);
    T expected = pdu;
    expected.header.length = static_cast<std::uint16_t>(size);
    EXPECT_EQ(*back, expected);
    EXPECT_EQ(encode(*back), bytes);  // and back to the same bytes
  };
  check(es, 144 + 2 * 16);
  check(fire, 96);
  check(det, 104 + 16);
}

TEST(DisCodec, RefusesShortInconsistentAndForeignPackets) {
  std::vector<std::uint8_t> es = encode(sample_entity_state());
  // Every truncation of a valid PDU is refused without reading past the end.
  for (std::size_t n = 0; n < es.size(); ++n) {
    const Decoded d = decode(std::span<const std::uint8_t>(es.data(), n));
    EXPECT_EQ(d.error, DecodeError::Truncated) << n;
  }
  // A length field below the PDU's fixed size.
  std::vector<std::uint8_t> b = es;
  b[8] = 0;
  b[9] = 100;
  EXPECT_EQ(decode(b).error, DecodeError::BadLength);
  // Variable parameters announced but not there.
  b = es;
  b[19] = 3;
  EXPECT_EQ(decode(b).error, DecodeError::BadLength);
  // Protocol version 4 (layouts before 1278.1-1995) and a PDU type we do not decode.
  b = es;
  b[0] = 4;
  EXPECT_EQ(decode(b).error, DecodeError::BadVersion);
  b = es;
  b[2] = 20;  // Data PDU
  EXPECT_EQ(decode(b).error, DecodeError::UnsupportedType);
  // Bytes after the PDU's length (another PDU bundled behind it) are not read into it.
  b = es;
  b.insert(b.end(), 10, 0xFF);
  EXPECT_EQ(decode(b).error, DecodeError::None);
}

TEST(DisCodec, TimestampCountsUnitsOfTheHour) {
  // 1278.1-2012 6.2.88: 2^31 units per hour in the upper 31 bits; lowest bit 1 = absolute.
  EXPECT_EQ(dis_timestamp(0.0), 0u);
  EXPECT_EQ(dis_timestamp(1800.0) >> 1, 1u << 30);   // half an hour: half the range
  EXPECT_EQ(dis_timestamp(1800.0, true) & 1u, 1u);
  EXPECT_NEAR(seconds_past_hour(dis_timestamp(1234.5678)), 1234.5678, 2e-6);  // a unit is 1.68 us
  EXPECT_NEAR(seconds_past_hour(dis_timestamp(3600.0 + 10.0)), 10.0, 2e-6);  // wraps every hour
}
