// Listening: entities from another simulator's Entity State PDUs become threats; the listener's
// bookkeeping (timeouts, deactivation, foreign and malformed packets) by hand; and end to end over
// UDP loopback, a cruise missile flown by a test sender is engaged by the defence.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <limits>
#include <thread>

#include "core/geo.hpp"
#include "dis/codec.hpp"
#include "dis/dis_link.hpp"
#include "dis/entity_types.hpp"
#include "dis/udp.hpp"
#include "scenario/loader.hpp"
#include "sim/engine.hpp"

using namespace skyshield;
using namespace skyshield::dis;

namespace {

EntityStatePdu missile(std::uint16_t entity, const Vec3& pos, const Vec3& vel) {
  EntityStatePdu p;
  p.header.exercise_id = 1;
  p.entity = {7, 8, entity};
  p.force = ForceId::Opposing;
  p.type = threat_entity_type(ThreatClass::CruiseMissile, false);
  p.location = {pos.x(), pos.y(), pos.z()};
  p.velocity = {static_cast<float>(vel.x()), static_cast<float>(vel.y()), static_cast<float>(vel.z())};
  p.dead_reckoning.algorithm = DeadReckoning::FPW;
  p.marking = make_marking("CM-1");
  return p;
}

}  // namespace

TEST(DisListener, TakesThreatsDropsTheRestAndTimesOut) {
  Listener l(DisIdentity{1, 1, 1});
  const Vec3 p = ecef_from_geodetic({-25.0, 135.0, 1000.0});
  l.take(encode(missile(1, p, Vec3(0, 0, -200))), 0.0);
  std::vector<ExternalUpdate> u = l.updates(0.0);
  ASSERT_EQ(u.size(), 1u);
  EXPECT_EQ(u[0].kind, ExternalUpdate::Kind::State);
  EXPECT_EQ(u[0].name, "dis:CM-1");
  EXPECT_EQ(u[0].key, "dis:7:8:1");
  EXPECT_EQ(u[0].cls, ThreatClass::CruiseMissile);
  EXPECT_EQ(u[0].pos, p);
  // Not threats, not ours to take, not well-formed: counted and dropped.
  EntityStatePdu other = missile(2, p, Vec3::Zero());
  other.type = launcher_entity_type();
  l.take(encode(other), 1.0);                                       // a land platform
  other = missile(3, p, Vec3::Zero());
  other.header.exercise_id = 2;
  l.take(encode(other), 1.0);                                       // another exercise
  other = missile(4, p, Vec3::Zero());
  other.entity.site = 1;
  other.entity.application = 1;
  l.take(encode(other), 1.0);                                       // our own, looped back
  other = missile(5, p, Vec3::Zero());
  other.location.x = std::numeric_limits<double>::quiet_NaN();
  l.take(encode(other), 1.0);                                       // NaN position
  std::vector<std::uint8_t> cut = encode(missile(6, p, Vec3::Zero()));
  cut.resize(100);
  l.take(cut, 1.0);                                                 // truncated
  l.take(encode(FirePdu{}), 1.0);                                   // another PDU type
  EXPECT_TRUE(l.updates(1.0).empty());
  const ListenerCounts& c = l.counts();
  EXPECT_EQ(c.not_threats, 1);
  EXPECT_EQ(c.foreign, 2);
  EXPECT_EQ(c.malformed, 2);
  EXPECT_EQ(c.other_pdus, 1);
  EXPECT_EQ(c.entities, 1);
  // Silent for more than 12 s (2.4 heartbeats): gone, once.
  EXPECT_TRUE(l.updates(12.0).empty());
  u = l.updates(12.1);
  ASSERT_EQ(u.size(), 1u);
  EXPECT_EQ(u[0].kind, ExternalUpdate::Kind::Gone);
  EXPECT_TRUE(l.updates(20.0).empty());
  // Deactivated by its simulator: gone at once.
  EntityStatePdu off = missile(9, p, Vec3::Zero());
  off.marking = make_marking("CM-9");
  l.take(encode(off), 20.0);
  off.appearance = appearance::kDeactivated;
  l.take(encode(off), 21.0);
  u = l.updates(21.0);
  ASSERT_EQ(u.size(), 2u);
  EXPECT_EQ(u[1].kind, ExternalUpdate::Kind::Gone);
}

TEST(DisListen, AMissileFromAnotherSimulatorIsEngaged) {
  const Scenario s = load_scenario(SKYSHIELD_SOURCE_DIR "/tests/dis/data/listen.yaml");
  prepare_flyouts(s);  // before the clocks start: the tables take seconds to build
  UdpReceiver rx(0);   // any free port
  constexpr double kScale = 50.0;  // simulated seconds per wall second
  DisLinkOptions opt;
  opt.listening = true;
  opt.time_scale = kScale;
  DisLink link(opt, {}, [&] { return rx.receive(); });
  // The other simulator: a cruise missile 60 km north of the base at 1,000 m, inbound at 250 m/s,
  // one Entity State PDU per simulated second (dead reckoning FPW).
  const Geodetic base{-25.0, 135.0, 100.0};
  const Geodetic start = geodesic_direct(base, 0.0, 60e3);
  const Vec3 p0 = ecef_from_geodetic({start.lat_deg, start.lon_deg, 1000.0});
  const LocalFrame frame({start.lat_deg, start.lon_deg, 1000.0});
  const Vec3 v = frame.enu_to_ecef() * Vec3(0.0, -250.0, 0.0);
  std::atomic<bool> done{false};
  std::thread sender([&] {
    UdpSender tx({"127.0.0.1", rx.port()});
    const auto t0 = std::chrono::steady_clock::now();
    while (!done) {
      const double t = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() * kScale;
      tx.send(encode(missile(1, p0 + v * t, v)));
      std::this_thread::sleep_for(std::chrono::duration<double>(1.0 / kScale));
    }
  });
  RunOptions ro;
  ro.link = &link;
  ro.record_trajectories = false;
  const RunRecord run = run_scenario(s, ro);
  done = true;
  sender.join();
  const ThreatRecord* cm = nullptr;
  for (const ThreatRecord& t : run.threats)
    if (t.name == "dis:CM-1") cm = &t;
  ASSERT_NE(cm, nullptr) << link.report();
  EXPECT_TRUE(cm->external);
  EXPECT_EQ(cm->cls, ThreatClass::CruiseMissile);
  EXPECT_GE(cm->first_detection_s, 0.0);
  EXPECT_GE(cm->interceptors_fired, 1) << "engaged by the defence";
  EXPECT_EQ(link.received().malformed, 0);
  std::cout << "external missile: first detection " << cm->first_detection_s << " s, " << cm->interceptors_fired
            << " interceptors, outcome " << cm->outcome << "\n" << link.report();
}
