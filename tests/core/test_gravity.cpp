// Gravity with J2 and the rotating frame against WGS-84 normal gravity.
#include <gtest/gtest.h>

#include "core/geo.hpp"
#include "core/gravity.hpp"
#include "core/units.hpp"

using namespace skyshield;

TEST(Gravity, J2PlusCentrifugalMatchesWgs84NormalGravity) {
  // Somigliana normal gravity on the ellipsoid (NIMA TR8350.2, eq. 4-1 and table 3.4):
  // gamma_e = 9.7803253359 m/s^2 at the equator, gamma_p = 9.8321849378 m/s^2 at the poles,
  // gamma(phi) = gamma_e (1 + k sin^2 phi) / sqrt(1 - e^2 sin^2 phi), k = 0.00193185265241,
  // e^2 = 6.69437999014e-3. J2 alone omits J4 and higher (a few 1e-5 relative).
  const GravityModel m{true, true};
  for (double lat : {0.0, 30.0, 45.0, 60.0, 90.0}) {
    const Geodetic g{lat, 20.0, 0.0};
    const Vec3 p = ecef_from_geodetic(g);
    const double s2 = std::pow(std::sin(lat * kDegToRad), 2);
    const double somigliana = 9.7803253359 * (1 + 0.00193185265241 * s2) / std::sqrt(1 - 6.69437999014e-3 * s2);
    const Vec3 a = free_fall_acceleration(p, Vec3::Zero(), m);
    EXPECT_NEAR(a.norm(), somigliana, 2e-4) << lat;
    // Normal gravity is normal to the ellipsoid: along -up within the J4 residual (< 1e-5 rad).
    EXPECT_GT(-a.normalized().dot(up_vector(g)), std::cos(2e-5)) << lat;
  }
}

TEST(Gravity, CentralFieldAndCoriolis) {
  const Vec3 p(7000e3, 0, 0);
  EXPECT_NEAR(gravitation(p, false).x(), -kEarthMu / (7000e3 * 7000e3), 1e-12);
  // Coriolis on an eastward velocity at the equator points away from the axis: -2 w x v.
  const GravityModel m{false, true};
  const Vec3 v(0, 100, 0);
  const Vec3 a = free_fall_acceleration(p, v, m) - free_fall_acceleration(p, Vec3::Zero(), m);
  EXPECT_NEAR(a.x(), 2 * kEarthRotationRate * 100.0, 1e-12);
}
