// Deception jamming (range- and velocity-gate pull-off; world/jammer.hpp, sensors/jamming.hpp).
// References: Adamy, EW 101 (Artech House, 2001), sec. 9.2, self-protection J/S in decibels
//   J/S = ERPj - ERPs + 71 + 20 log10 R[km] - 10 log10 sigma[m^2];
// the pull-off kinematics (constant acceleration from the start of each cycle) by hand.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "radar_test_support.hpp"
#include "sensors/jamming.hpp"

namespace skyshield {
namespace {

DeceptionJammerParams repeater() {
  DeceptionJammerParams j;
  j.power_w = 10.0;
  j.gain_db = 10.0;
  j.band_low_hz = 2e9;
  j.band_high_hz = 12e9;
  j.pull_accel_mps2 = 100.0;
  j.max_offset_m = 3000.0;
  j.off_s = 5.0;
  return j;
}

TEST(Deception, RepeaterJsMatchesAdamysDecibelForm) {
  RadarParams p = rotating();
  p.peak_power_w = 1e6;
  p.gain_db = 35.0;
  // ERPj = 10 dBW + 10 dB = 20 dBW; ERPs = 60 + 35 = 95 dBW; R = 50 km: 20 log 50 = 33.98; sigma = 5: 6.99.
  // J/S = 20 - 95 + 71 + 33.98 - 6.99 = 22.99 dB (the "71" is 10 log10(4 pi) + 60 = 70.99).
  const double js_db = 10.0 * std::log10(repeater_js(p, repeater(), 5.0, 50e3));
  EXPECT_NEAR(js_db, 22.98, 0.02);
}

TEST(Deception, PullOffCycleByHand) {
  const DeceptionJammerParams j = repeater();
  // Pull time sqrt(2 x 3000 / 100) = 7.746 s; cycle 12.746 s.
  EXPECT_NEAR(j.pull_time_s(), std::sqrt(60.0), 1e-12);
  const auto a = j.offset(5.0);
  EXPECT_TRUE(a.on);
  EXPECT_NEAR(a.range_m, 1250.0, 1e-9);        // 100 x 25 / 2
  EXPECT_NEAR(a.range_rate_mps, 500.0, 1e-9);  // 100 x 5
  EXPECT_FALSE(j.offset(9.0).on);              // off between 7.746 and 12.746 s
  EXPECT_EQ(j.offset(9.0).range_m, 0.0);
  const auto b = j.offset(std::sqrt(60.0) + 5.0 + 5.0);   // 5 s into the second cycle
  EXPECT_TRUE(b.on);
  EXPECT_NEAR(b.range_m, 1250.0, 1e-6);
}

TEST(Deception, TheRadarMeasuresThePulledOffFalseTarget) {
  RadarParams p = rotating();
  p.peak_power_w = 1e6;
  p.gain_db = 35.0;
  p.frequency_hz = 3e9;
  Radar radar(0, p, kSite, Rng(5));
  const DeceptionJammerParams j = repeater();
  TruthView tv = target(radar.frame(), Vec3(0.0, 50e3, 3000.0), 5.0);
  tv.deception = &j;
  const double true_range = Vec3(0.0, 50e3, 3000.0).norm();
  int checked = 0;
  for (int k = 0; k < 400; ++k) {   // five rotations
    const double t0 = 0.05 * k;
    const std::vector<TruthView> tvs{tv};
    const MeasurementBatch b = radar.look(t0, t0 + 0.05, tvs, {}, nullptr);
    for (const Measurement& m : b.detections) {
      const double expected = true_range + j.offset(m.t).range_m;
      EXPECT_NEAR(m.rae.range_m, expected, 6.0 * m.sigma_range_m + 1.0) << "t " << m.t;
      ++checked;
    }
  }
  EXPECT_GE(checked, 3);
  // Out of band: the skin echo.
  DeceptionJammerParams other = j;
  other.band_low_hz = 8e9;
  tv.deception = &other;
  Radar radar2(0, p, kSite, Rng(5));
  for (int k = 0; k < 400; ++k) {
    const std::vector<TruthView> tvs{tv};
    for (const Measurement& m : radar2.look(0.05 * k, 0.05 * (k + 1), tvs, {}, nullptr).detections)
      EXPECT_NEAR(m.rae.range_m, true_range, 6.0 * m.sigma_range_m + 1.0);
  }
}

}  // namespace
}  // namespace skyshield
