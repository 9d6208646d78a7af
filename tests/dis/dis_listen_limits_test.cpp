// Hostile DIS input (issue 27): a marking that is not UTF-8 still gives a run with all its outputs;
// the receiver binds the loopback interface unless told otherwise; new entities stop at the limit;
// states no threat can have (the earth's centre) are dropped, not leaked; a flood of datagrams does
// not hold a step back. Every input is made here, fresh.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "core/error.hpp"
#include "core/geo.hpp"
#include "dis/codec.hpp"
#include "dis/dis_link.hpp"
#include "dis/entity_types.hpp"
#include "dis/udp.hpp"
#include "record/czml.hpp"
#include "record/summary.hpp"
#include "record/writers.hpp"
#include "scenario/loader.hpp"
#include "sim/engine.hpp"

using namespace skyshield;
using namespace skyshield::dis;

namespace {

EntityStatePdu cruise_missile(std::uint16_t entity, const Vec3& pos, const char* marking = "CM") {
  EntityStatePdu p;
  p.header.exercise_id = 1;
  p.entity = {7, 8, entity};
  p.force = ForceId::Opposing;
  p.type = threat_entity_type(ThreatClass::CruiseMissile, false);
  p.location = {pos.x(), pos.y(), pos.z()};
  p.velocity = {0.0f, 0.0f, -200.0f};
  p.marking = make_marking(marking);
  return p;
}

const Vec3 kAloft = ecef_from_geodetic({-25.0, 135.0, 1000.0});

}  // namespace

TEST(DisHostile, MarkingsBecomePrintableAsciiNames) {
  EntityMarking m;
  const char raw[11] = {'\xff', '\xfe', 'A', ',', '"', '\\', '\n', 'b', ' ', ' ', '\0'};
  std::copy(raw, raw + 11, m.characters.begin());
  // 2 non-ASCII bytes, , " \ and a newline each '_'; trailing spaces dropped
  EXPECT_EQ(marking_name(m), "__A____b");  // new API
  Listener l(DisIdentity{1, 1, 1});
  EntityStatePdu p = cruise_missile(1, kAloft);
  p.marking = m;
  l.take(encode(p), 0.0);
  const std::vector<ExternalUpdate> u = l.updates(0.0);
  ASSERT_EQ(u.size(), 1u);
  EXPECT_EQ(u[0].name, "dis:__A____b");
}

// The reported failure: one PDU whose marking is not UTF-8 made summary.json throw
// (json type_error.316) and the run end with no outputs at all.
TEST(DisHostile, ANonUtf8MarkingStillGivesEveryOutput) {
  const Scenario s = load_scenario(SKYSHIELD_SOURCE_DIR "/tests/dis/data/listen.yaml");
  DisLinkOptions opt;
  opt.listening = true;
  bool sent = false;
  DisLink link(opt, {}, [&]() -> std::optional<std::vector<std::uint8_t>> {
    if (sent) return std::nullopt;
    sent = true;
    return encode(cruise_missile(1, kAloft, "\xff\xfe\xc3("));  // not UTF-8 (0xff, and 0xc3 before '(')
  });
  RunOptions ro;
  ro.link = &link;
  ro.record_trajectories = false;
  const RunRecord run = run_scenario(s, ro);
  bool found = false;
  for (const ThreatRecord& t : run.threats) found |= t.name == "dis:___(";
  EXPECT_TRUE(found) << link.report();
  std::string json;
  ASSERT_NO_THROW(json = summary_json(run, summarize(run)));
  EXPECT_NE(json.find("\"dis:___(\""), std::string::npos);
}

// The writers' own guard, whatever the listener does: a name that is not UTF-8 (from a scenario, a
// file) is written with U+FFFD in its place (nlohmann error_handler_t::replace), never thrown on.
TEST(DisHostile, JsonWritersReplaceBytesThatAreNotUtf8) {
  const Scenario s = load_scenario(SKYSHIELD_SOURCE_DIR "/tests/dis/data/listen.yaml");
  DisLinkOptions opt;
  opt.listening = true;
  bool sent = false;
  DisLink link(opt, {}, [&]() -> std::optional<std::vector<std::uint8_t>> {
    if (sent) return std::nullopt;
    sent = true;
    return encode(cruise_missile(1, kAloft));
  });
  RunOptions ro;
  ro.link = &link;
  RunRecord run = run_scenario(s, ro);
  ASSERT_FALSE(run.threats.empty());
  run.threats[0].name = "bad\xff";
  std::string json;
  ASSERT_NO_THROW(json = summary_json(run, summarize(run)));
  EXPECT_NE(json.find("bad\xef\xbf\xbd"), std::string::npos);  // U+FFFD REPLACEMENT CHARACTER in UTF-8 (Unicode 15, table 3-7)
  ASSERT_NO_THROW(json = replay_czml(run));
}

TEST(DisHostile, AStateAtTheEarthsCentreIsDroppedNotLeaked) {
  Listener l(DisIdentity{1, 1, 1});
  l.take(encode(cruise_missile(1, Vec3::Zero())), 0.0);                                   // ECEF (0, 0, 0)
  l.take(encode(cruise_missile(2, ecef_from_geodetic({-25.0, 135.0, -5e3}))), 0.0);       // 5 km underground
  l.take(encode(cruise_missile(3, ecef_from_geodetic({-25.0, 135.0, 3e6}))), 0.0);        // 3,000 km up
  EntityStatePdu fast = cruise_missile(4, kAloft);
  fast.velocity = {13e3f, 0.0f, 0.0f};                                                     // faster than escape velocity
  l.take(encode(fast), 0.0);
  EXPECT_TRUE(l.updates(0.0).empty());
  EXPECT_EQ(l.counts().implausible, 4);  // new API
  EXPECT_EQ(l.counts().entities, 0);
  l.take(encode(cruise_missile(5, ecef_from_geodetic({-25.0, 135.0, 0.0}))), 0.0);        // sea level: taken
  EXPECT_EQ(l.updates(0.0).size(), 1u);
}

TEST(DisHostile, NewEntitiesStopAtTheLimit) {
  Listener l(DisIdentity{1, 1, 1});
  const std::size_t limit = 200;  // kMaxExternalEntities, the documented limit (dis/listener.hpp)
  EXPECT_EQ(kMaxExternalEntities, limit);  // new API
  for (std::size_t i = 1; i <= limit + 500; ++i) l.take(encode(cruise_missile(static_cast<std::uint16_t>(i), kAloft)), 0.0);
  EXPECT_EQ(l.counts().entities, static_cast<long long>(limit));
  EXPECT_EQ(l.counts().over_limit, 500);  // new API
  EXPECT_EQ(l.updates(0.0).size(), limit);
  l.take(encode(cruise_missile(1, kAloft)), 1.0);  // a known entity still updates
  EXPECT_EQ(l.updates(1.0).size(), 1u);
}

TEST(DisHostile, AFloodDoesNotHoldAStepBack) {
  long long served = 0;
  const std::vector<std::uint8_t> packet = encode(cruise_missile(1, kAloft));
  DisLinkOptions opt;
  opt.listening = true;
  DisLink link(opt, {}, [&]() -> std::optional<std::vector<std::uint8_t>> {
    ++served;
    return packet;  // never runs dry
  });
  const int per_poll = 4096;  // kMaxPacketsPerPoll (dis/listener.hpp)
  EXPECT_EQ(kMaxPacketsPerPoll, per_poll);  // new API
  EXPECT_EQ(link.poll(0.0).size(), static_cast<std::size_t>(per_poll));
  EXPECT_EQ(served, per_poll);
}

// Whether a socket listens on every interface, from the kernel's table (/proc/net/udp: local address
// as hex IPv4:port, proc(5)), so that the check does not rely on the receiver's own account.
std::string kernel_local_address(std::uint16_t port) {
  std::ifstream in("/proc/net/udp");
  std::string line;
  std::getline(in, line);
  char want[8];
  std::snprintf(want, sizeof(want), ":%04X", port);
  while (std::getline(in, line)) {
    std::istringstream f(line);
    std::string slot, local;
    f >> slot >> local;
    if (local.size() == 13 && local.substr(8) == want) return local.substr(0, 8);
  }
  return "";
}

TEST(DisHostile, TheReceiverBindsLoopbackUnlessToldOtherwise) {
  UdpReceiver rx(0);
  EXPECT_EQ(kernel_local_address(rx.port()), "0100007F");  // 127.0.0.1, little-endian hex as the kernel prints it
  EXPECT_EQ(rx.address(), "127.0.0.1");  // new API
  UdpReceiver any(0, "0.0.0.0");  // new API
  EXPECT_EQ(kernel_local_address(any.port()), "00000000");  // new API
  EXPECT_THROW(UdpReceiver(0, "localhost:1"), InputError);  // new API
}
