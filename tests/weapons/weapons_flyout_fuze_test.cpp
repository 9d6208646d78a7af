// Flyout kinematics (constant-acceleration boost, then coast: s = v0 t + a t^2 / 2) and the
// closest approach inside a step, against brute-force sampling.
#include <gtest/gtest.h>

#include "weapons/fuze.hpp"
#include "weapons/interceptor_class.hpp"
#include "weapons/launcher.hpp"

namespace skyshield {
namespace {

InterceptorClass cls() {
  InterceptorClass c;
  c.launch_speed_mps = 50.0;
  c.max_speed_mps = 2050.0;
  c.boost_time_s = 10.0;
  return c;
}

TEST(Flyout, BoostThenCoastAnalytic) {
  const InterceptorClass c = cls();
  // a = (2050 - 50) / 10 = 200 m/s^2; s(10) = 50*10 + 100*100 = 10500 m; then 2050 m/s.
  EXPECT_DOUBLE_EQ(flyout_speed_mps(c, 5.0), 1050.0);
  EXPECT_DOUBLE_EQ(flyout_distance_m(c, 10.0), 10500.0);
  EXPECT_DOUBLE_EQ(flyout_distance_m(c, 30.0), 10500.0 + 2050.0 * 20.0);
  for (double t : {0.3, 4.0, 9.99, 10.0, 11.0, 120.0}) EXPECT_NEAR(flyout_time_s(c, flyout_distance_m(c, t)), t, 1e-9);
  EXPECT_EQ(flyout_distance_m(c, -1.0), 0.0);
}

TEST(Fuze, ClosestApproachMatchesBruteForce) {
  const Vec3 r0(1000.0, 40.0, -15.0), v(-4000.0, 1.0, 3.0);
  const double dt = 0.5;
  const ClosestApproach ca = closest_approach(r0, v, dt);
  double best = 1e18, best_t = 0;
  for (int i = 0; i <= 200000; ++i) {
    const double t = dt * i / 200000.0;
    const double d = (r0 + v * t).norm();
    if (d < best) best = d, best_t = t;
  }
  EXPECT_NEAR(ca.distance, best, 1e-3);
  EXPECT_NEAR(ca.t, best_t, 1e-5);
}

TEST(Fuze, NoTunnellingAtHypersonicClosingSpeed) {
  // 5 km/s closing, 0.05 s step: the objects start 120 m apart and end 130 m apart on the other
  // side; the sampled endpoints never come within 100 m but the true passage is 3 m away.
  const Vec3 r0(120.0, 3.0, 0.0), v(-5000.0, 0.0, 0.0);
  const ClosestApproach ca = closest_approach(r0, v, 0.05);
  EXPECT_GT(r0.norm(), 100.0);
  EXPECT_GT((r0 + v * 0.05).norm(), 100.0);
  EXPECT_NEAR(ca.distance, 3.0, 1e-9);
  EXPECT_NEAR(ca.t, 120.0 / 5000.0, 1e-12);
  // Receding: the closest point is the start of the step.
  EXPECT_EQ(closest_approach(Vec3(10, 0, 0), Vec3(5, 0, 0), 1.0).t, 0.0);
}

TEST(Launcher, TubesReactionAndInterval) {
  LauncherConfig c;
  c.site = Geodetic{-25.0, 135.0, 100.0};
  c.tubes = 2;
  c.reaction_time_s = 5.0;
  c.launch_interval_s = 3.0;
  Launcher l(c);
  ASSERT_TRUE(l.ready(0.0));
  EXPECT_DOUBLE_EQ(l.accept_order(0.0), 5.0);
  EXPECT_FALSE(l.ready(2.9));
  EXPECT_TRUE(l.ready(3.0));
  l.accept_order(3.0);
  EXPECT_EQ(l.rounds_left(), 0);
  EXPECT_FALSE(l.ready(100.0));
}

}  // namespace
}  // namespace skyshield
