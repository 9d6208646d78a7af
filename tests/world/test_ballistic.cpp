// Ballistic free flight against the analytic Keplerian range equation and its flat-earth limit.
#include <gtest/gtest.h>

#include <cmath>

#include "core/units.hpp"
#include "world/ballistic_motion.hpp"

using namespace skyshield;

namespace {
// Integrates from radius r back down to radius r (a sphere, no ellipsoid) and returns the
// central angle travelled.
double integrate_range_angle(double v, double r, double gamma, double dt) {
  BallisticState s{Vec3(r, 0, 0), Vec3(v * std::sin(gamma), v * std::cos(gamma), 0)};
  double prev_r = r;
  for (int i = 0; i < 10000000; ++i) {
    BallisticState n = rk4_step(s, dt);
    if (n.pos.norm() < r && n.pos.norm() < prev_r) {
      // Linear interpolation of the crossing of radius r inside the last step.
      const double f = (s.pos.norm() - r) / (s.pos.norm() - n.pos.norm());
      const Vec3 p = s.pos + f * (n.pos - s.pos);
      return std::atan2(p.y(), p.x());
    }
    prev_r = n.pos.norm();
    s = n;
  }
  return -1.0;
}
}  // namespace

TEST(Ballistic, RangeAngleMatchesKeplerFormula) {
  // tan(psi/2) = nu sin g cos g / (1 - nu cos^2 g), nu = v^2 r / mu (Bate, Mueller & White, ch. 6;
  // Regan & Anandakrishnan sec. 2.4). Cases: SRBM-like 1.7 km/s, MRBM-like 3 km/s, IRBM-like 4.5 km/s.
  const double r = 6378137.0;
  for (double v : {1700.0, 3000.0, 4500.0}) {
    for (double gdeg : {30.0, 40.0, 45.0, 60.0}) {
      const double g = gdeg * kDegToRad;
      const double analytic = free_flight_range_angle(v, r, g);
      const double numeric = integrate_range_angle(v, r, g, 0.05);
      EXPECT_NEAR(numeric * r, analytic * r, 50.0) << "v=" << v << " gamma=" << gdeg;  // 50 m over 300-3000 km
    }
  }
}

TEST(Ballistic, FlatEarthLimit) {
  // For short ranges the free-flight range tends to v^2 sin(2 gamma) / g (vacuum, flat earth),
  // with g = mu / r^2. At v = 100 m/s the curvature correction (order nu = v^2 r / mu = 1.6e-4) is below 0.1 %.
  const double r = 6378137.0, v = 100.0, g = kEarthMu / (r * r);
  for (double gdeg : {20.0, 45.0, 70.0}) {
    const double gam = gdeg * kDegToRad;
    const double flat = v * v * std::sin(2 * gam) / g;
    EXPECT_NEAR(free_flight_range_angle(v, r, gam) * r, flat, 1e-3 * flat);
  }
}

TEST(Ballistic, BurnoutSpeedInvertsRangeAngle) {
  const double r = 6378137.0;
  for (double psi_km : {100.0, 300.0, 1000.0, 3000.0}) {
    const double psi = psi_km * 1e3 / r;
    const double g = minimum_energy_gamma(psi);
    const double v = burnout_speed_for_range(psi, r, g);
    EXPECT_NEAR(free_flight_range_angle(v, r, g), psi, 1e-12);
  }
}

TEST(Ballistic, MinimumEnergyAngleMinimisesSpeed) {
  // The minimum-energy flight-path angle 45 deg - psi/4 needs less speed than any neighbour angle.
  const double r = 6378137.0, psi = 500e3 / r;
  const double g = minimum_energy_gamma(psi);
  const double v = burnout_speed_for_range(psi, r, g);
  EXPECT_LT(v, burnout_speed_for_range(psi, r, g + 0.02));
  EXPECT_LT(v, burnout_speed_for_range(psi, r, g - 0.02));
}

TEST(Ballistic, MotionLandsOnAimPointOverEllipsoid) {
  // A 300 km shot across latitudes: the shooting correction must bring the impact onto the aim.
  const Geodetic launch{-22.5, 134.0, 0.0}, aim{-25.0, 135.0, 150.0};
  const double dt = 0.05;
  BallisticMotion m(launch, aim, 0.0, dt);
  int steps = 0;
  while (!m.step(dt) && steps < 100000) ++steps;
  ASSERT_TRUE(m.impacted());
  const Geodetic impact = geodetic_from_ecef(m.state().pos);
  EXPECT_LT(geodesic_inverse(impact, aim).distance_m, 150.0);  // within a few steps' travel of the aim
  // Flight time of a ~300 km minimum-energy shot is several minutes (about 4 min in vacuum).
  EXPECT_GT(steps * dt, 200.0);
  EXPECT_LT(steps * dt, 400.0);
}
