// Fire control and threat evaluation against independent references: the predicted intercept
// point must satisfy the collision condition (target and interceptor reach it at the same time),
// checked against a brute-force scan of intercept times; closest point of approach of a straight
// track to an asset from plane geometry; ballistic impact point from the vacuum trajectory.
#include <gtest/gtest.h>

#include <cmath>

#include "c2/fire_control.hpp"
#include "c2/threat_evaluation.hpp"
#include "core/units.hpp"

namespace skyshield {
namespace {

InterceptorClass lr() {
  InterceptorClass c;
  c.min_range_m = 3e3;
  c.max_range_m = 250e3;
  c.min_altitude_m = 10.0;
  c.max_altitude_m = 27e3;
  c.launch_speed_mps = 50.0;
  c.max_speed_mps = 2000.0;
  c.boost_time_s = 10.0;
  c.max_flight_time_s = 200.0;
  return c;
}

Track track(const Vec3& p, const Vec3& v, double t = 100.0) {
  Track tr;
  tr.id = 1;
  tr.status = TrackStatus::Confirmed;
  tr.t = t;
  tr.x << p, v;
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
  EXPECT_NEAR(flyout_distance_m(c, s.time_of_flight_s), (s.pip_enu - launcher).norm(), 5.0);
  // Brute force: the first time at which flyout distance >= distance to the target.
  double t_bf = -1;
  for (double t = t_launch; t < t_launch + 300; t += 1e-3) {
    const Vec3 p = tr.position() + tr.velocity() * (t - tr.t);
    if (flyout_distance_m(c, t - t_launch) >= (p - launcher).norm()) { t_bf = t; break; }
  }
  EXPECT_NEAR(s.intercept_time_s, t_bf, 5e-3);
}

TEST(FireControl, EnvelopeChecks) {
  const InterceptorClass c = lr();
  const Vec3 launcher = Vec3::Zero();
  EXPECT_STREQ(solve_intercept(track(Vec3(0, 400e3, 9000), Vec3(0, 100, 0)), false, c, launcher, 100, 0, 1e9).reason,
               "out of range");
  EXPECT_STREQ(solve_intercept(track(Vec3(0, 100e3, 35000), Vec3(0, -300, 0)), false, c, launcher, 100, 0, 1e9).reason,
               "above max altitude");
  EXPECT_STREQ(solve_intercept(track(Vec3(0, 100e3, 5), Vec3(0, -300, 0)), false, c, launcher, 100, 0, 1e9).reason,
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
  EXPECT_EQ(a[2].asset_index, -1);
  EXPECT_EQ(a[2].priority, 0.0);
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
}

}  // namespace
}  // namespace skyshield
