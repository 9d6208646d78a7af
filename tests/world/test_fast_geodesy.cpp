// The per-step geodesy of waypoint flight (world/fast_geodesy.hpp) against GeographicLib's exact
// direct and inverse problems (core/geo.hpp: Karney 2013, "Algorithms for geodesics", accurate to
// 15 nm), on random points, steps and lines over the whole ellipsoid below 80 deg of latitude.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "world/fast_geodesy.hpp"

using namespace skyshield;

namespace {
double azimuth_error(double a, double b) { return std::abs(std::remainder(a - b, 360.0)); }
}  // namespace

TEST(FastGeodesy, StepAgreesWithGeographicLibDirect) {
  std::mt19937 rng(1);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  double worst_50 = 0.0, worst_2k = 0.0;
  for (int i = 0; i < 20000; ++i) {
    const Geodetic a{-80.0 + 160.0 * u(rng), -180.0 + 360.0 * u(rng), 1234.0};
    const double az = -180.0 + 360.0 * u(rng);
    for (double s : {50.0 * u(rng), 2000.0 * u(rng)}) {
      const Geodetic fast = geodesic_step(a, az, s);
      const double miss = geodesic_inverse(fast, geodesic_direct(a, az, s)).distance_m;
      (s <= 50.0 ? worst_50 : worst_2k) = std::max(s <= 50.0 ? worst_50 : worst_2k, miss);
      EXPECT_EQ(fast.alt_m, 1234.0);
    }
  }
  // Midpoint rule: error ~ s^3 / R^2 (x tan(lat) terms); measured 1.2 mm at 2 km, 80 deg.
  EXPECT_LT(worst_50, 1e-6);
  EXPECT_LT(worst_2k, 2e-3);
  // Long moves and the poles are handed to GeographicLib itself.
  const Geodetic a{10.0, 20.0, 0.0};
  EXPECT_EQ(geodesic_step(a, 30.0, 5000.0).lat_deg, geodesic_direct(a, 30.0, 5000.0).lat_deg);
}

TEST(FastGeodesy, AimAgreesWithGeographicLibInverse) {
  std::mt19937 rng(2);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  double near_d = 0.0, near_az = 0.0, far_rel = 0.0, far_az = 0.0;
  for (int i = 0; i < 20000; ++i) {
    const Geodetic a{-80.0 + 160.0 * u(rng), -180.0 + 360.0 * u(rng), 0.0};
    const double dist = std::pow(10.0, 1.0 + 5.0 * u(rng));   // 10 m .. 1,000 km
    const Geodetic b = geodesic_direct(a, -180.0 + 360.0 * u(rng), dist);
    const GeodesicResult ref = geodesic_inverse(a, b), fast = geodesic_aim(a, b);
    if (ref.distance_m < 19000.0) {
      near_d = std::max(near_d, std::abs(fast.distance_m - ref.distance_m));
      near_az = std::max(near_az, azimuth_error(fast.azimuth_deg, ref.azimuth_deg));
    } else if (ref.distance_m > 21000.0) {
      far_rel = std::max(far_rel, std::abs(fast.distance_m / ref.distance_m - 1.0));
      far_az = std::max(far_az, azimuth_error(fast.azimuth_deg, ref.azimuth_deg));
    }
  }
  // Within 20 km (mid-latitude plane): measured 0.28 m (at ~20 km) and 5e-4 deg.
  EXPECT_LT(near_d, 0.5);
  EXPECT_LT(near_az, 1e-3);
  // Beyond (Andoyer-Lambert distance, auxiliary-sphere azimuth): measured 1.4e-6 and 0.097 deg.
  EXPECT_LT(far_rel, 2e-5);
  EXPECT_LT(far_az, 0.2);
  // Across the antimeridian and on the same point.
  const GeodesicResult across = geodesic_aim(Geodetic{0.0, 179.99, 0.0}, Geodetic{0.0, -179.99, 0.0});
  EXPECT_NEAR(across.distance_m, geodesic_inverse(Geodetic{0.0, 179.99, 0.0}, Geodetic{0.0, -179.99, 0.0}).distance_m, 0.01);
  EXPECT_NEAR(across.azimuth_deg, 90.0, 1e-6);
  EXPECT_EQ(geodesic_aim(Geodetic{5.0, 5.0, 0.0}, Geodetic{5.0, 5.0, 0.0}).distance_m, 0.0);
}
