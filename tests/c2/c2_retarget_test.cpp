// In-flight retargeting (c2/retarget.hpp): the collision course against the closed-form triangle,
// the reach test against the turn the airframe can make, and the choice of the new track.
#include <gtest/gtest.h>

#include <cmath>

#include "c2/fire_control.hpp"
#include "c2/retarget.hpp"
#include "core/units.hpp"

namespace skyshield {
namespace {

Track ballistic_track(int id, const Vec3& p, const Vec3& v) {
  Track tr;
  tr.id = id;
  tr.status = TrackStatus::Confirmed;
  tr.classified = ThreatClass::BallisticMissile;
  tr.t = 0.0;
  tr.x << p, v, Vec3::Zero();
  return tr;
}

InterceptorClass agile(double max_g) {
  InterceptorClass c;
  c.autopilot_tau_s = 0.25;
  c.seeker_tau_s = 0.1;
  c.airframe.max_lateral_g = max_g;
  c.airframe.cn_max = 1e3;          // aerodynamic limit far above the structural one: the structure binds
  c.airframe.reference_area_m2 = 1.0;
  return c;
}

TEST(Retarget, CollisionTimeMatchesTheTriangles) {
  // Head-on: |10000 - 1000 t| = 1000 t -> t = 5 s.
  EXPECT_NEAR(collision_time_s(Vec3(10000.0, 0.0, 0.0), Vec3(-1000.0, 0.0, 0.0), 1000.0), 5.0, 1e-9);
  // Crossing: target 10 km north moving east at 600 m/s, round at 1,000 m/s: (600 t)^2 + 10000^2 =
  // (1000 t)^2 -> t = 12.5 s (the 3-4-5 triangle: 7.5 km, 10 km, 12.5 km).
  EXPECT_NEAR(collision_time_s(Vec3(0.0, 10000.0, 0.0), Vec3(600.0, 0.0, 0.0), 1000.0), 12.5, 1e-9);
  // A target running away faster than the round: no collision.
  EXPECT_LT(collision_time_s(Vec3(10000.0, 0.0, 0.0), Vec3(2000.0, 0.0, 0.0), 1000.0), 0.0);
}

TEST(Retarget, ReachIsTheTurnTheAirframeCanMakeBeforeHoming) {
  // The crossing triangle above: the collision point (7.5, 10) km from a round flying east needs a
  // turn of atan2(10, 7.5) = 0.9273 rad. Time to go 12.5 s less the homing time 10 x (0.25 + 0.1) =
  // 3.5 s leaves 9 s: the turn needs a / 1.25 (turn margin) >= 0.9273 x 1000 / 9 = 103.0 m/s^2, i.e.
  // a >= 128.8 m/s^2 = 13.1 g of structural limit.
  const Track target = ballistic_track(2, Vec3(0.0, 10000.0, 5000.0), Vec3(600.0, 0.0, 0.0));
  const ShotRules rules;
  RoundInFlight r{0, 1, Vec3(0.0, 0.0, 5000.0), Vec3(1000.0, 0.0, 0.0), 5000.0, nullptr};
  const InterceptorClass strong = agile(14.0), weak = agile(12.0);
  ASSERT_NEAR(endgame_accel(strong, 5000.0, 1000.0), 14.0 * kStandardGravity, 1e-6);  // the structure binds
  r.cls = &strong;
  EXPECT_TRUE(can_retarget(r, target, rules));
  r.cls = &weak;
  EXPECT_FALSE(can_retarget(r, target, rules));
}

TEST(Retarget, ReRoutesToTheCloudsWarheadOnlyWhenTheOldTrackIsNoLongerBelieved) {
  const InterceptorClass c = agile(20.0);
  const ShotRules rules;
  // The round flies north toward the cloud; track 1 (its target) and track 2, 2 km apart, ahead; track
  // 3 a warhead-like track 60 km away (another cloud).
  const RoundInFlight round{7, 1, Vec3(0.0, 0.0, 10e3), Vec3(0.0, 1500.0, 500.0), 10e3, &c};
  const std::vector<Track> tracks{ballistic_track(1, Vec3(0.0, 40e3, 30e3), Vec3(0.0, -3000.0, -1500.0)),
                                  ballistic_track(2, Vec3(2e3, 40e3, 30e3), Vec3(0.0, -3000.0, -1500.0)),
                                  ballistic_track(3, Vec3(60e3, 40e3, 30e3), Vec3(0.0, -3000.0, -1500.0))};
  std::vector<Discrimination> d{{1, 0.05, 0.0, 4}, {2, 0.9, 0.0, 4}, {3, 0.99, 0.0, 4}};
  const std::vector<Retarget> out = plan_retargets({round}, tracks, d, 0.5, 30e3, rules, {});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].round, 7);
  EXPECT_EQ(out[0].from_track, 1);
  EXPECT_EQ(out[0].to_track, 2);  // track 3 is more likely a warhead but beyond the cloud's 30 km
  // Still believed (0.6 >= 0.5): the round stays on its track.
  d[0].p_lethal = 0.6;
  EXPECT_TRUE(plan_retargets({round}, tracks, d, 0.5, 30e3, rules, {}).empty());
  // The cloud's warhead already assessed killed: nothing to re-point to.
  d[0].p_lethal = 0.05;
  EXPECT_TRUE(plan_retargets({round}, tracks, d, 0.5, 30e3, rules, {2}).empty());
  // Threshold 0 (doctrine without discrimination): never.
  EXPECT_TRUE(plan_retargets({round}, tracks, d, 0.0, 30e3, rules, {}).empty());
}

}  // namespace
}  // namespace skyshield
