// Envelopes by target class (weapons/target_envelope.hpp) in fire control (c2/fire_control.hpp) and
// the expected Pk (c2/kill_probability.hpp). Reference: the table itself - a PIP just inside a row's
// limit is accepted, just outside it is not (out of reach beyond the maximum range; refused with
// the reason target_class otherwise), and the row is chosen by the target's speed band. Interceptor:
// a kinematic flyout (1000 m/s after a 1 s boost) reaching 100 km, class envelope 2-100 km, 10 m-27 km.
#include <gtest/gtest.h>

#include "c2/kill_probability.hpp"
#include "c2/shot_refusal.hpp"
#include "weapons/flyout/kinematic_flyout.hpp"

namespace skyshield {
namespace {

InterceptorClass interceptor() {
  InterceptorClass c;
  c.min_range_m = 2e3;
  c.max_range_m = 100e3;
  c.min_altitude_m = 10.0;
  c.max_altitude_m = 27e3;
  c.max_flight_time_s = 200.0;
  c.vertical_launch = false;  // no turnover rule in the way
  c.pk_in_lethal_radius = {0.9, 0.8, 0.8, 0.7};
  c.flyout = std::make_shared<KinematicFlyout>(KinematicProfile{1000.0, 1000.0, 1.0, 100e3});
  auto& rows = c.envelopes.rows;
  rows[static_cast<int>(ThreatClass::Aircraft)] = {{kNoSpeedLimit, 2e3, 80e3, 10.0, 27e3, 0.85}};
  rows[static_cast<int>(ThreatClass::Drone)] = {{kNoSpeedLimit, 2e3, 30e3, 10.0, 10e3, 0.75}};
  rows[static_cast<int>(ThreatClass::CruiseMissile)] = {{kNoSpeedLimit, 2e3, 50e3, 10.0, 27e3, 0.75}};
  rows[static_cast<int>(ThreatClass::BallisticMissile)] = {{2000.0, 3e3, 40e3, 2e3, 25e3, 0.6},
                                                           {3000.0, 3e3, 20e3, 5e3, 20e3, 0.4}};
  return c;
}

// A target holding still at (0, y, z) of the launcher's frame (speed 0) or moving across at `speed`
// (along x): the PIP is where it is at the intercept.
InterceptSolution solve(const InterceptorClass& c, ThreatClass target, double y, double z, double speed = 0.0) {
  TargetPath path(Vec3(0.0, y, z), Vec3(speed, 0.0, 0.0), 0.0, false, 0.0, 0.0);
  path.set_target_class(target);
  return solve_intercept(path, c, Vec3::Zero(), 0.0, 0.0, 1e9);
}

TEST(TargetEnvelope, MaximumRangePerTargetClass) {
  const InterceptorClass c = interceptor();
  // Aircraft: 80 km. At 5 km altitude the slant range is hypot(y, 5 km) (the altitude adds the
  // earth's drop y^2 / 2R, ~0.5 km at 80 km: inside the 27 km ceiling).
  EXPECT_TRUE(solve(c, ThreatClass::Aircraft, 79.7e3, 5e3).feasible);
  const InterceptSolution out = solve(c, ThreatClass::Aircraft, 80.2e3, 5e3);
  EXPECT_FALSE(out.feasible);
  EXPECT_EQ(out.why, EnvelopeCheck::OutOfReach);  // beyond: not engageable yet, not a refusal
  EXPECT_EQ(refusal_of(out, c, Vec3::Zero(), ShotRules{}), Refusal::None);
  // Drones: 30 km with the same flyout.
  EXPECT_TRUE(solve(c, ThreatClass::Drone, 29.5e3, 1e3).feasible);
  EXPECT_FALSE(solve(c, ThreatClass::Drone, 30.5e3, 1e3).feasible);
  // Without a target class (the class-wide envelope only) the flyout's 100 km holds.
  TargetPath path(Vec3(0.0, 90e3, 5e3), Vec3::Zero(), 0.0, false, 0.0, 0.0);
  EXPECT_TRUE(solve_intercept(path, c, Vec3::Zero(), 0.0, 0.0, 1e9).feasible);
}

TEST(TargetEnvelope, AltitudeBandAndMinimumRangeAreRefusals) {
  const InterceptorClass c = interceptor();
  // Drone ceiling 10 km: just below accepted, just above refused (the class's own ceiling is 27 km).
  EXPECT_TRUE(solve(c, ThreatClass::Drone, 10e3, 9.9e3).feasible);
  const InterceptSolution high = solve(c, ThreatClass::Drone, 10e3, 10.1e3);
  EXPECT_EQ(high.why, EnvelopeCheck::TargetClass);
  EXPECT_EQ(refusal_of(high, c, Vec3::Zero(), ShotRules{}), Refusal::TargetClass);
  EXPECT_STREQ(to_string(Refusal::TargetClass), "target_class");
  // Ballistic floor 2 km (band 1) and minimum range 3 km.
  EXPECT_TRUE(solve(c, ThreatClass::BallisticMissile, 20e3, 2.1e3).feasible);
  EXPECT_EQ(solve(c, ThreatClass::BallisticMissile, 20e3, 1.9e3).why, EnvelopeCheck::TargetClass);
  EXPECT_EQ(solve(c, ThreatClass::BallisticMissile, 0.0, 2.9e3).why, EnvelopeCheck::TargetClass);
  EXPECT_TRUE(solve(c, ThreatClass::BallisticMissile, 0.0, 3.1e3).feasible);
}

TEST(TargetEnvelope, BallisticRowBySpeedBand) {
  const InterceptorClass c = interceptor();
  const char* reason = "";
  // 30 km out at 10 km: inside band 1 (<= 2 km/s, 40 km), beyond band 2 (2-3 km/s, 20 km), and no
  // band above 3 km/s: refused as too fast.
  EXPECT_EQ(target_class_check(c, ThreatClass::BallisticMissile, 1999.0, 30e3, 10e3, &reason), EnvelopeCheck::Ok);
  EXPECT_EQ(target_class_check(c, ThreatClass::BallisticMissile, 2001.0, 30e3, 10e3, &reason), EnvelopeCheck::OutOfReach);
  EXPECT_EQ(target_class_check(c, ThreatClass::BallisticMissile, 2001.0, 19e3, 10e3, &reason), EnvelopeCheck::Ok);
  EXPECT_EQ(target_class_check(c, ThreatClass::BallisticMissile, 3001.0, 10e3, 10e3, &reason), EnvelopeCheck::TargetClass);
  EXPECT_STREQ(reason, "target faster than the class's envelope for its class");
  // The same through fire control: a ballistic target crossing at 3.5 km/s 10 km out is refused
  // (a 5 km/s flyout here, so that the intercept converges against so fast a target).
  InterceptorClass quick = c;
  quick.flyout = std::make_shared<KinematicFlyout>(KinematicProfile{5000.0, 5000.0, 1.0, 100e3});
  EXPECT_EQ(solve(quick, ThreatClass::BallisticMissile, 10e3, 10e3, 3500.0).why, EnvelopeCheck::TargetClass);
  EXPECT_TRUE(solve(quick, ThreatClass::BallisticMissile, 10e3, 10e3, 2500.0).feasible);
  // A class without a table (built in code) applies no target-class limit.
  InterceptorClass bare = c;
  bare.envelopes = EnvelopeTable{};
  EXPECT_EQ(target_class_check(bare, ThreatClass::BallisticMissile, 9000.0, 10e3, 10e3, &reason), EnvelopeCheck::Ok);
}

TEST(TargetEnvelope, ExpectedPkIsTheTableRow) {
  const InterceptorClass c = interceptor();
  Track tr;
  tr.P.setZero();  // a perfect track: the handover probability is 1, the expected Pk the table's
  tr.x.segment<3>(0) = Vec3(0.0, 20e3, 10e3);
  InterceptSolution s = solve(c, ThreatClass::BallisticMissile, 20e3, 10e3);
  ASSERT_TRUE(s.feasible);
  tr.x.segment<3>(3) = Vec3(0.0, 0.0, -1500.0);
  EXPECT_DOUBLE_EQ(engagement_pk(c, ThreatClass::BallisticMissile, tr, s, Vec3::Zero()), 0.6);
  tr.x.segment<3>(3) = Vec3(0.0, 0.0, -2500.0);
  EXPECT_DOUBLE_EQ(engagement_pk(c, ThreatClass::BallisticMissile, tr, s, Vec3::Zero()), 0.4);
  EXPECT_DOUBLE_EQ(engagement_pk(c, ThreatClass::Aircraft, tr, s, Vec3::Zero()), 0.85);
  // No table: the warhead's zero-miss pk, as before.
  InterceptorClass bare = c;
  bare.envelopes = EnvelopeTable{};
  EXPECT_DOUBLE_EQ(engagement_pk(bare, ThreatClass::BallisticMissile, tr, s, Vec3::Zero()), 0.7);
}

}  // namespace
}  // namespace skyshield
