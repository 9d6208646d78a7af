// Refusal of shots that cannot be made (c2/shot_refusal.hpp): each rule on a geometry built to break
// it, and a sound shot that none refuses. Interceptor: a kinematic flyout (constant 1000 m/s after a
// 1 s boost: time of flight = distance / speed to within the boost), vertical launch.
#include <gtest/gtest.h>

#include <cmath>

#include "c2/shot_refusal.hpp"
#include "core/units.hpp"
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
  c.vertical_launch = true;
  c.vertical_rise_s = 0.5;
  c.turnover_rate_dps = 60.0;
  c.autopilot_tau_s = 0.25;
  c.seeker_tau_s = 0.1;
  c.flyout = std::make_shared<KinematicFlyout>(KinematicProfile{1000.0, 1000.0, 1.0, 100e3});
  return c;
}

TEST(ShotRefusal, TurnoverAndMinimumFlightTimeFromTheClass) {
  const InterceptorClass c = interceptor();
  // A PIP at 30 deg elevation: 0.5 s rise + 60 deg at 60 deg/s = 1.5 s; homing 10 x (0.25 + 0.1) = 3.5 s.
  const Vec3 pip(0.0, 10e3 * std::cos(30.0 * kDegToRad), 10e3 * std::sin(30.0 * kDegToRad));
  EXPECT_NEAR(turnover_time_s(c, Vec3::Zero(), pip), 1.5, 1e-9);
  EXPECT_NEAR(min_flight_time_s(c, Vec3::Zero(), pip, ShotRules{}), 5.0, 1e-9);
  InterceptorClass hot = c;
  hot.vertical_launch = false;
  EXPECT_EQ(turnover_time_s(hot, Vec3::Zero(), pip), 0.0);
}

struct Shot {
  InterceptorClass cls = interceptor();
  ShotRules rules{};
  Refusal refuse(const Vec3& p, const Vec3& v, double deadline = 1e9) const {
    const TargetPath path(p, v, 0.0, false, 0.0, 0.0);
    const InterceptSolution s = solve_intercept(path, cls, Vec3::Zero(), 0.0, 0.0, deadline);
    return shot_refusal(path, s, cls, Vec3::Zero(), 0.0, 0.0, deadline, rules);
  }
};

TEST(ShotRefusal, ASoundShotIsNotRefused) {
  // 40 km out at 5 km, 250 m/s inbound: ~32 s of flight, a window of tens of seconds.
  EXPECT_EQ(Shot{}.refuse(Vec3(0, 40e3, 5e3), Vec3(0, -250, 0)), Refusal::None);
}

TEST(ShotRefusal, EachRuleRefusesTheShotThatBreaksIt) {
  Shot s;
  // Minimum flight time: 4 km out at 3 km up, inbound: ~4 s of flight < 0.5 + ~0.9 + 3.5 s.
  EXPECT_EQ(s.refuse(Vec3(0, 4e3, 3e3), Vec3(0, -100, 0)), Refusal::MinFlightTime);
  // Turnover: the same with a slow turnover (5 deg/s: ~11 s to turn 53 deg).
  Shot slow;
  slow.cls.turnover_rate_dps = 5.0;
  EXPECT_EQ(slow.refuse(Vec3(0, 4e3, 3e3), Vec3(0, -100, 0)), Refusal::Turnover);
  // Reaction time: the threat reaches its asset (deadline 10 s) before the ~32 s intercept.
  EXPECT_EQ(s.refuse(Vec3(0, 40e3, 5e3), Vec3(0, -250, 0), 10.0), Refusal::ReactionTime);
  // Altitude floor and ceiling, minimum range.
  EXPECT_EQ(s.refuse(Vec3(0, 40e3, -200.0), Vec3(0, -250, 0)), Refusal::AltitudeFloor);
  EXPECT_EQ(s.refuse(Vec3(0, 40e3, 29e3), Vec3(0, -250, 0)), Refusal::AltitudeCeiling);
  EXPECT_EQ(s.refuse(Vec3(0, 1.5e3, 0.5e3), Vec3(0, 0, 0)), Refusal::MinRange);
  // Out of reach is no refusal: not engageable yet.
  EXPECT_EQ(s.refuse(Vec3(0, 300e3, 5e3), Vec3(0, -250, 0)), Refusal::None);
}

TEST(ShotRefusal, AShotWhoseWindowClosesWithinThreeSecondsIsRefused) {
  // A target at 20 km, 300 m/s inbound, its asset deadline set so that the intercept is feasible now
  // but no longer 3 s later (each second of launch delay costs 1000 / 1300 s of intercept time, the
  // deadline is 1 s after the intercept now). The same shot with a deadline 10 s later is sound.
  Shot s;
  const Vec3 p(0, 20e3, 3e3), v(0, -300, 0);
  const TargetPath path(p, v, 0.0, false, 0.0, 0.0);
  const InterceptSolution now = solve_intercept(path, s.cls, Vec3::Zero(), 0.0, 0.0, 1e9);
  ASSERT_TRUE(now.feasible) << now.reason;
  EXPECT_EQ(s.refuse(p, v, now.intercept_time_s + 1.0), Refusal::ShortWindow);
  EXPECT_EQ(s.refuse(p, v, now.intercept_time_s + 10.0), Refusal::None);
  ShotRules off;
  off.min_window_s = 0.0;
  s.rules = off;
  EXPECT_EQ(s.refuse(p, v, now.intercept_time_s + 1.0), Refusal::None);
}

}  // namespace
}  // namespace skyshield
