// Waypoint flight: speed, turn-rate limit (coordinated-turn kinematics) and arrival.
#include <gtest/gtest.h>

#include <cmath>

#include "core/units.hpp"
#include "world/waypoint_motion.hpp"

using namespace skyshield;

TEST(Waypoint, StraightLegAtConstantSpeed) {
  const Geodetic a{-25.0, 135.0, 5000.0};
  const Geodetic b = [&] { Geodetic g = geodesic_direct(a, 30.0, 100e3); g.alt_m = 5000.0; return g; }();
  WaypointMotion m({a, b}, 250.0, 4.0, 50.0);
  const double dt = 0.05;
  int steps = 0;
  while (!m.step(dt)) ++steps;
  // 100 km at 250 m/s = 400 s.
  EXPECT_NEAR((steps + 1) * dt, 400.0, 0.1);
  EXPECT_NEAR(geodesic_inverse(m.position(), b).distance_m, 0.0, 1e-6);
}

TEST(Waypoint, TurnRateFollowsLoadFactor) {
  // A level coordinated turn at load factor n has rate g sqrt(n^2 - 1) / v (e.g. Anderson,
  // Aircraft Performance and Design, sec. 6.7). n = 2, v = 200 m/s -> 0.0849 rad/s.
  WaypointMotion m({{0, 0, 3000}, {0, 1, 3000}, {1, 1, 3000}}, 200.0, 2.0, 20.0);
  EXPECT_NEAR(m.turn_rate_rad_s(), kStandardGravity * std::sqrt(3.0) / 200.0, 1e-12);
  // Fly until the heading starts to change, then measure the rate over one second.
  const double dt = 0.05;
  double prev = m.heading_deg();
  for (int i = 0; i < 20000; ++i) {
    m.step(dt);
    if (std::abs(m.heading_deg() - prev) > 1e-9) break;
    prev = m.heading_deg();
  }
  const double h0 = m.heading_deg();
  for (int i = 0; i < 20; ++i) m.step(dt);
  EXPECT_NEAR(std::abs(m.heading_deg() - h0) * kDegToRad / 1.0, m.turn_rate_rad_s(), 1e-6);
}

TEST(Waypoint, ClimbLimitedAndVelocityConsistent) {
  const Geodetic a{10.0, 20.0, 100.0};
  Geodetic b = geodesic_direct(a, 90.0, 50e3);
  b.alt_m = 20000.0;  // needs 39.8 m/s over the 500 s leg: the 10 m/s limit binds
  WaypointMotion m({a, b}, 100.0, 3.0, 10.0);
  const double dt = 0.1;
  const Vec3 p0 = m.position_ecef();
  m.step(dt);
  // Climb rate limit 10 m/s: 1 m per 0.1 s.
  EXPECT_NEAR(m.position().alt_m - 100.0, 1.0, 1e-9);
  // The reported velocity matches the displacement of the step (to the curvature of the geodesic).
  const Vec3 v_fd = (m.position_ecef() - p0) / dt;
  EXPECT_NEAR((v_fd - m.velocity_ecef()).norm(), 0.0, 0.05);
  EXPECT_NEAR(m.velocity_ecef().norm(), 100.0, 1e-9);
}
