// Quick rejects of the coverage test (sensors/sweep_slice.hpp). Reference: Coverage::covers itself,
// applied by brute force to random points around thin sweep slices and track dwells: whatever a quick
// test rejects, the exact test must reject with the same angular margin.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "core/geo.hpp"
#include "core/units.hpp"
#include "sensors/sweep_slice.hpp"

namespace skyshield {
namespace {

TEST(SweepSlice, RejectsOnlyWhatTheExactTestRejects) {
  std::mt19937_64 g(42);
  std::uniform_real_distribution<double> u01(0.0, 1.0);
  long long points = 0, fast = 0, slow = 0, near_dwell = 0;
  for (int batch = 0; batch < 400; ++batch) {
    Coverage c;
    c.max_range_m = 150e3;
    c.min_el_rad = -2.0 * kDegToRad;
    c.max_el_rad = 60.0 * kDegToRad;
    c.sweep_from_rad = 2.0 * kPi * u01(g);
    c.sweep_to_rad = std::fmod(c.sweep_from_rad + (0.5 + 5.0 * u01(g)) * kDegToRad, 2.0 * kPi);
    const int dwells = batch % 4 == 0 ? 0 : static_cast<int>(6 * u01(g));
    for (int d = 0; d < dwells; ++d) c.dwells.push_back({50e3, 2.0 * kPi * u01(g), 0.5 * u01(g)});
    c.dwell_half_beam_rad = 0.5 * kDegToRad;
    const SweepSlice s = SweepSlice::of(c);
    for (int n = 0; n < 500; ++n) {
      // Half the points uniformly around the radar, half near the slice's edges or a dwell's beam.
      double az = 2.0 * kPi * u01(g), el = 0.4 * u01(g);
      if (n % 2 == 1) {
        const double jitter = (u01(g) - 0.5) * 4.0 * kDegToRad;
        if (!c.dwells.empty() && n % 4 == 1) {
          const RangeAzEl& d = c.dwells[n % c.dwells.size()];
          az = d.az_rad + jitter, el = d.el_rad + 0.5 * jitter;
          ++near_dwell;
        } else {
          az = (n % 4 == 3 ? c.sweep_from_rad : c.sweep_to_rad) + jitter;
        }
      }
      const double range = 160e3 * u01(g);
      const Vec3 enu = enu_from_range_az_el({range, az, el});
      const double trace = std::pow(10.0, 8.0 * u01(g));   // (6 m)^2 ... (10 km)^2 summed over axes
      const double range2 = enu.squaredNorm();
      const double margin = 3.0 * std::sqrt(trace / 3.0) / std::max(std::sqrt(range2), 1.0);
      const bool covered = c.covers(range_az_el_from_enu(enu), margin);
      ++points;
      if (s.surely_outside_fast(enu, range2, trace)) {
        ++fast;
        EXPECT_FALSE(covered) << "fast reject of a covered point, batch " << batch << " point " << n;
      }
      if (s.surely_outside(enu, margin)) {
        ++slow;
        EXPECT_FALSE(covered) << "reject of a covered point, batch " << batch << " point " << n;
      }
    }
  }
  // Not vacuous: most points are rejected by the quick tests, and many lie near a dwell.
  EXPECT_GT(fast, points / 3);
  EXPECT_GT(slow, points / 10);
  EXPECT_GT(near_dwell, 10000);
}

TEST(SweepSlice, DwellBeamsAreHonoured) {
  // A slice due north and one dwell due east at 10 deg elevation: a point on the dwell's beam is not
  // rejected; the same point 20 deg off the beam (and off the slice) is.
  Coverage c;
  c.max_range_m = 150e3;
  c.max_el_rad = 1.0;
  c.sweep_from_rad = 2.0 * kPi - 0.01;
  c.sweep_to_rad = 0.01;
  c.dwells.push_back({40e3, 0.5 * kPi, 10.0 * kDegToRad});
  c.dwell_half_beam_rad = 0.5 * kDegToRad;
  const SweepSlice s = SweepSlice::of(c);
  const Vec3 on = enu_from_range_az_el({60e3, 0.5 * kPi, 10.0 * kDegToRad});
  const Vec3 off = enu_from_range_az_el({60e3, 0.5 * kPi + 20.0 * kDegToRad, 10.0 * kDegToRad});
  EXPECT_FALSE(s.surely_outside_fast(on, on.squaredNorm(), 100.0));
  EXPECT_TRUE(c.covers(range_az_el_from_enu(on), 0.0));
  EXPECT_TRUE(s.surely_outside_fast(off, off.squaredNorm(), 100.0));
  EXPECT_FALSE(c.covers(range_az_el_from_enu(off), 0.0));
}

}  // namespace
}  // namespace skyshield
