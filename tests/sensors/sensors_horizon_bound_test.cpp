// The radar-horizon test's shortcut (sensors/horizon.cpp): the chord bounds c <= L <= 2R asin(c/2R)
// on the ground distance let it skip the geodesic solution, and must never change its answer.
// Reference: GeographicLib's geodesic distance (core/geo.hpp geodesic_inverse), the test's own
// definition before the shortcut.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "core/geo.hpp"
#include "sensors/horizon.hpp"

namespace skyshield {
namespace {

bool reference(const Geodetic& a, const Geodetic& t, double ground_m) {
  return geodesic_inverse(a, t).distance_m <= radar_horizon_range_m(a.alt_m - ground_m, t.alt_m - ground_m);
}

// Random antennas anywhere, targets within 1,200 km; each target's height chosen so that its horizon
// range falls within +-2 % of the ground distance (the band where the shortcut must defer to the
// geodesic) or anywhere up to 200 km.
TEST(HorizonBound, SameAnswerAsTheGeodesicEverywhere) {
  std::mt19937_64 rng(5);
  std::uniform_real_distribution<double> lat(-89.0, 89.0), lon(-180.0, 180.0), u(0.0, 1.0);
  int near_band = 0, above = 0, below = 0;
  for (int i = 0; i < 200000; ++i) {
    Geodetic a{lat(rng), lon(rng), 10.0 + 200.0 * u(rng)};
    const Geodetic t0 = geodesic_direct(a, 360.0 * u(rng), 1200e3 * u(rng) * u(rng));
    Geodetic t{t0.lat_deg, t0.lon_deg, 0.0};
    const double ground_m = 50.0 * u(rng);
    const double L = geodesic_inverse(a, t).distance_m;
    if (i % 2 == 0) {
      // Height at which the horizon range equals L (1 + x), x in +-2 %: h from d = kR acos(kR / (kR + h)).
      const double want = L * (1.0 + 0.04 * (u(rng) - 0.5)) - horizon_distance_m(a.alt_m - ground_m);
      const double re = kEffectiveEarthFactor * kEarthMeanRadius;
      t.alt_m = want > 0.0 && want < 0.5 * 3.14159 * re ? ground_m + re / std::cos(want / re) - re : ground_m + 1e5 * u(rng);
      ++near_band;
    } else {
      t.alt_m = ground_m + 200e3 * u(rng);
    }
    const bool r = reference(a, t, ground_m);
    (r ? above : below) += 1;
    ASSERT_EQ(above_radar_horizon(a, t, ground_m), r) << a.lat_deg << " " << a.lon_deg << " -> " << t.lat_deg << " " << t.lon_deg << " "
                                                      << t.alt_m;
  }
  EXPECT_GT(above, 20000);
  EXPECT_GT(below, 20000);
  EXPECT_EQ(near_band, 100000);
}

// The bounds themselves, against the geodesic: c <= L <= 2R asin(c / 2R) (R = b^2 / a).
TEST(HorizonBound, ChordBoundsHoldTheGeodesicDistance) {
  std::mt19937_64 rng(9);
  std::uniform_real_distribution<double> lat(-89.9, 89.9), lon(-180.0, 180.0), u(0.0, 1.0);
  const double a = 6378137.0, f = 1.0 / 298.257223563, R = a * (1.0 - f) * (1.0 - f);
  for (int i = 0; i < 100000; ++i) {
    const Geodetic p{lat(rng), lon(rng), 0.0};
    const Geodetic q0 = geodesic_direct(p, 360.0 * u(rng), 1000e3 * u(rng));
    const Geodetic q{q0.lat_deg, q0.lon_deg, 0.0};
    const double c = (ecef_from_geodetic(p) - ecef_from_geodetic(q)).norm();
    const double L = geodesic_inverse(p, q).distance_m;
    ASSERT_LE(c, L * (1.0 + 1e-12) + 1e-6);
    ASSERT_LE(L, 2.0 * R * std::asin(c / (2.0 * R)) * (1.0 + 1e-12) + 1e-6);
  }
}

}  // namespace
}  // namespace skyshield
