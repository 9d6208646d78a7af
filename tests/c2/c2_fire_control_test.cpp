// Fire control and threat evaluation against independent references: the predicted intercept
// point must satisfy the collision condition (target and interceptor reach it at the same time),
// checked against a brute-force scan of intercept times; closest point of approach of a straight
// track to an asset from plane geometry; ballistic impact point from the vacuum trajectory.
#include <gtest/gtest.h>

#include <cmath>

#include "c2/fire_control.hpp"
#include "c2/threat_evaluation.hpp"
#include "core/units.hpp"
#include "weapons/flyout/kinematic_flyout.hpp"

namespace skyshield {
namespace {

InterceptorClass lr() {
  InterceptorClass c;
  c.min_range_m = 3e3;
  c.max_range_m = 250e3;
  c.min_altitude_m = 10.0;
  c.max_altitude_m = 27e3;
  c.max_flight_time_s = 200.0;
  c.flyout = std::make_shared<KinematicFlyout>(KinematicProfile{50.0, 2000.0, 10.0, 250e3});
  return c;
}

// Distance the kinematic flyout covers to p: the straight line from the launcher.
double flyout_distance(const Vec3& p, const Vec3& launcher) { return (p - launcher).norm(); }

const KinematicProfile& profile(const InterceptorClass& c) {
  return static_cast<const KinematicFlyout&>(*c.flyout).profile();
}

Track track(const Vec3& p, const Vec3& v, double t = 100.0) {
  Track tr;
  tr.id = 1;
  tr.status = TrackStatus::Confirmed;
  tr.t = t;
  tr.x << p, v, Vec3::Zero();
  return tr;
}

TEST(FireControl, PipSatisfiesTheCollisionConditionAndMatchesBruteForce) {
  const InterceptorClass c = lr();
  const Track tr = track(Vec3(60e3, 150e3, 9000.0), Vec3(-120.0, -230.0, 0.0));
  const Vec3 launcher(1000.0, -500.0, 0.0);
  const double t_launch = 105.0;
  const InterceptSolution s = solve_intercept(tr, false, c, launcher, t_launch, 150.0, 1e9);
  ASSERT_TRUE(s.feasible) << s.reason;
  // Target at the PIP at the intercept time ...
  EXPECT_LT((tr.position() + tr.velocity() * (s.intercept_time_s - tr.t) - s.pip_enu).norm(), 1.0);
  // ... and the interceptor's flyout covers exactly the distance to it.
  EXPECT_NEAR(profile(c).distance(s.time_of_flight_s), flyout_distance(s.pip_enu, launcher), 5.0);
  // Brute force: the first time at which flyout distance >= distance to the target.
  double t_bf = -1;
  for (double t = t_launch; t < t_launch + 300; t += 1e-3) {
    const Vec3 p = tr.position() + tr.velocity() * (t - tr.t);
    if (profile(c).distance(t - t_launch) >= flyout_distance(p, launcher)) { t_bf = t; break; }
  }
  EXPECT_NEAR(s.intercept_time_s, t_bf, 5e-3);
}

TEST(FireControl, EnvelopeChecks) {
  const InterceptorClass c = lr();
  const Vec3 launcher = Vec3::Zero();
  EXPECT_STREQ(solve_intercept(track(Vec3(0, 400e3, 9000), Vec3(0, 100, 0)), false, c, launcher, 100, 0, 1e9).reason,
               "out of reach");
  EXPECT_STREQ(solve_intercept(track(Vec3(0, 100e3, 35000), Vec3(0, -300, 0)), false, c, launcher, 100, 0, 1e9).reason,
               "above max altitude");
  // 5 m above the ground at 100 km: the ENU up is the height less the earth's drop d^2 / 2R.
  const double drop = 100e3 * 100e3 / (2.0 * kMeanEarthRadius);
  EXPECT_STREQ(solve_intercept(track(Vec3(0, 100e3, 5 - drop), Vec3(0, -300, 0)), false, c, launcher, 100, 0, 1e9).reason,
               "below min altitude");
  EXPECT_STREQ(solve_intercept(track(Vec3(0, 100e3, 5000), Vec3(0, -300, 0)), false, c, launcher, 100, 0, 120.0).reason,
               "too late");
}

TEST(FireControl, BallisticPipIncludesGravityDrop) {
  const InterceptorClass c = lr();
  const Track tr = track(Vec3(0.0, 120e3, 40e3), Vec3(0.0, -1500.0, -800.0));
  const InterceptSolution s = solve_intercept(tr, true, c, Vec3::Zero(), 100.0, 0.0, 1e9);
  const double dt = s.intercept_time_s - tr.t;
  EXPECT_NEAR(s.pip_enu.z(), 40e3 - 800.0 * dt - 0.5 * kStandardGravity * dt * dt, 1.0);
}

// Launch window against the analytic collision geometry: a target at height h flying straight at
// the launcher at speed v, a constant-speed interceptor (speed s, no boost). The intercept happens at
// slant range d when the target's ground range is y = sqrt(d^2 - h^2), at t_int = t0 + (Y0 - y) / v,
// launched d / s earlier. The window opens at d = max range and closes at d = min range.
TEST(FireControl, LaunchWindowMatchesTheAnalyticEdges) {
  InterceptorClass c = lr();
  c.flyout = std::make_shared<KinematicFlyout>(KinematicProfile{1500.0, 1500.0, 1e-9, 120e3});
  c.min_range_m = 8e3;
  c.max_range_m = 120e3;
  c.min_altitude_m = 0.0;
  c.max_flight_time_s = 1000.0;
  const double h = 5000.0, v = 300.0, s = 1500.0, y0 = 300e3, t0 = 100.0;
  const Track tr = track(Vec3(0.0, y0, h), Vec3(0.0, -v, 0.0), t0);
  auto launch_at = [&](double d) { return t0 + (y0 - std::sqrt(d * d - h * h)) / v - d / s; };
  const LaunchWindow w = launch_window(tr, false, c, Vec3::Zero(), t0, t0 + 1000.0, 0.0, 1e9);
  ASSERT_TRUE(w.open);
  EXPECT_NEAR(w.earliest_s, launch_at(c.max_range_m), 2e-3);
  EXPECT_NEAR(w.latest_s, launch_at(c.min_range_m), 2e-3);
  // A deadline closes it earlier: latest launch = deadline - time of flight to the PIP at the deadline.
  const double deadline = t0 + 800.0;
  const double y_dl = y0 - v * (deadline - t0);
  const double d_dl = std::hypot(y_dl, h);
  const LaunchWindow wd = launch_window(tr, false, c, Vec3::Zero(), t0, t0 + 1000.0, 0.0, deadline);
  EXPECT_NEAR(wd.latest_s, deadline - d_dl / s, 2e-3);
  // Already open at the start of the horizon, and closed when the horizon ends before it opens.
  const LaunchWindow mid = launch_window(tr, false, c, Vec3::Zero(), t0 + 700.0, t0 + 1000.0, 0.0, 1e9);
  ASSERT_TRUE(mid.open);
  EXPECT_DOUBLE_EQ(mid.earliest_s, t0 + 700.0);
  EXPECT_FALSE(launch_window(tr, false, c, Vec3::Zero(), t0, t0 + 100.0, 0.0, 1e9).open);
}

TEST(ThreatEvaluation, ClosestApproachAndTimeToGo) {
  const std::vector<DefendedAsset> assets{{"base", Geodetic{}, 10.0, 3000.0}, {"port", Geodetic{}, 5.0, 3000.0}};
  const std::vector<Vec3> at{Vec3(0, 0, 0), Vec3(50e3, 0, 0)};
  // Straight at the base from 60 km at 250 m/s: CPA 0, 240 s to go.
  std::vector<Track> tracks{track(Vec3(0, 60e3, 0), Vec3(0, -250, 0))};
  tracks[0].classified = ThreatClass::CruiseMissile;
  // Passing 2 km east of the port (inside its radius): CPA 2 km; tgo = 80e3 / 200.
  tracks.push_back(track(Vec3(52e3, 80e3, 100), Vec3(0, -200, 0)));
  tracks[1].id = 2;
  tracks[1].classified = ThreatClass::CruiseMissile;
  // Flying away: no threat.
  tracks.push_back(track(Vec3(0, 60e3, 0), Vec3(0, 250, 0)));
  tracks[2].id = 3;
  tracks[2].classified = ThreatClass::CruiseMissile;
  const std::vector<ThreatAssessment> a = evaluate_threats(tracks, assets, at);
  ASSERT_EQ(a.size(), 3u);
  EXPECT_EQ(a[0].asset_index, 0);
  EXPECT_NEAR(a[0].cpa_m, 0.0, 1e-6);
  EXPECT_NEAR(a[0].time_to_go_s, 240.0, 1e-9);
  EXPECT_NEAR(a[0].priority, 10.0 / 240.0, 1e-12);
  EXPECT_EQ(a[1].asset_index, 1);
  EXPECT_NEAR(a[1].cpa_m, std::hypot(2e3, 100.0), 1e-6);
  EXPECT_NEAR(a[1].time_to_go_s, 400.0, 1e-9);
  EXPECT_LT((a[1].predicted_point_enu - Vec3(52e3, 0.0, 100.0)).norm(), 1e-6);  // abeam the port
  EXPECT_EQ(a[2].asset_index, -1);
  EXPECT_EQ(a[2].priority, 0.0);
  // Lethality scales the priority (value x lethality / time to go).
  ThreatLethality lethality = kUnitLethality;
  lethality[static_cast<int>(ThreatClass::CruiseMissile)] = 0.25;
  EXPECT_NEAR(evaluate_threats(tracks, assets, at, lethality)[0].priority, 0.25 * 10.0 / 240.0, 1e-12);
}

TEST(ThreatEvaluation, BallisticImpactPointInVacuum) {
  // From 30 km up, 1000 m/s down-range (toward -n) and 500 m/s down: impact when
  // 30e3 - 500 t - g t^2 / 2 = 0.
  const std::vector<DefendedAsset> assets{{"base", Geodetic{}, 10.0, 3000.0}};
  const double g = kStandardGravity;
  const double t_imp = (-500.0 + std::sqrt(500.0 * 500.0 + 2 * g * 30e3)) / g;
  std::vector<Track> tracks{track(Vec3(0, 1000.0 * t_imp + 1000.0, 30e3), Vec3(0, -1000, -500))};
  tracks[0].classified = ThreatClass::BallisticMissile;
  const std::vector<ThreatAssessment> a = evaluate_threats(tracks, assets, {Vec3::Zero()});
  EXPECT_EQ(a[0].asset_index, 0);
  EXPECT_NEAR(a[0].cpa_m, 1000.0, 1e-6);
  EXPECT_NEAR(a[0].time_to_go_s, t_imp, 1e-9);
  EXPECT_LT((a[0].predicted_point_enu - Vec3(0.0, 1000.0, 0.0)).norm(), 1e-6);  // impact point
}

TEST(FireControl, SolvesATargetClosingFasterThanTheInterceptorFlies) {
  // A target closing head-on at 4,500 m/s (an IRBM RV's re-entry speed) on an interceptor that flies
  // 2,000 m/s: the fixed point t <- launch + T(p(t)) diverges (|dT/dt| = 4500 / 2000 > 1) and the old
  // fire control found no solution. Level, at the launcher's height, straight at it: the kinematic
  // flyout covers 0.5 (50 + 2000) 10 = 10,250 m in its 10 s boost, then 2,000 m/s, so the collision
  // 10250 + 2000 (tau - 10) = 150000 - 4500 tau gives tau = 159750 / 6500 = 24.5769 s (algebra).
  const InterceptorClass c = lr();
  const Vec3 launcher(0.0, 0.0, 10e3);
  const Track tr = track(Vec3(0.0, 150e3, 10e3), Vec3(0.0, -4500.0, 0.0), 100.0);
  const InterceptSolution s = solve_intercept(tr, false, c, launcher, 100.0, 0.0, 1e9);
  ASSERT_TRUE(s.feasible) << s.reason;
  EXPECT_NEAR(s.time_of_flight_s, 159750.0 / 6500.0, 2e-3);
  EXPECT_NEAR(s.pip_enu.y(), 150e3 - 4500.0 * 159750.0 / 6500.0, 10.0);
  // A launch window against it opens at once (every launch until the target is inside the minimum range).
  const LaunchWindow w = launch_window(tr, false, c, launcher, 100.0, 120.0, 0.0, 1e9);
  EXPECT_TRUE(w.open);
  EXPECT_DOUBLE_EQ(w.earliest_s, 100.0);
}

}  // namespace
}  // namespace skyshield
