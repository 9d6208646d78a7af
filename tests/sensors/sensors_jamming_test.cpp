// Noise jamming. References: Adamy, EW 101 (Artech House, 2001), sec. 9.2: self-protection jamming
//   J/S = ERPj - ERPs + 71 + 20 log10 R[km] - 10 log10 sigma[m^2]   (dB, ERPs = Pt Gt, equal bandwidths);
// the burn-through range from the same quantities (sec. 9.3); the quadratic in R^2 of the SINR with
// thermal noise solved by hand in each test.
#include <gtest/gtest.h>

#include <cmath>

#include "core/units.hpp"
#include "radar_test_support.hpp"
#include "sensors/jamming.hpp"
#include "sensors/radar_equation.hpp"

namespace skyshield {
namespace {

RadarParams plain_radar() {
  RadarParams p = rotating();
  p.peak_power_w = 1e6;
  p.gain_db = 35.0;
  p.frequency_hz = 3e9;
  p.pulse_width_s = 1e-6;
  p.pulses_integrated = 1;
  p.losses_db = 0.0;
  p.noise_figure_db = 3.0;
  return p;
}

// A jammer whose barrage band equals the radar's matched bandwidth 1 / tau around its frequency.
JammerParams matched_jammer(const RadarParams& p, double power_w, double gain_db) {
  JammerParams j;
  j.power_w = power_w;
  j.gain_db = gain_db;
  j.band_low_hz = p.frequency_hz - 0.5 / p.pulse_width_s;
  j.band_high_hz = p.frequency_hz + 0.5 / p.pulse_width_s;
  return j;
}

double dbm(double watts) { return 10.0 * std::log10(watts * 1e3); }

TEST(Jamming, SelfProtectionJsMatchesAdamy) {
  const RadarParams p = plain_radar();
  const JammerParams j = matched_jammer(p, 100.0, 10.0);   // 100 W, 10 dBi
  for (double r_km : {20.0, 50.0, 100.0, 200.0})
    for (double sigma : {0.1, 5.0, 100.0}) {
      const double adamy = dbm(100.0 * 10.0) - dbm(p.peak_power_w * db_to_linear(p.gain_db)) + 71.0 +
                           20.0 * std::log10(r_km) - 10.0 * std::log10(sigma);
      // Adamy's constant 71 rounds 10 log10(4 pi) + 60 = 70.99 dB.
      EXPECT_NEAR(linear_to_db(self_protection_js(p, j, sigma, r_km * 1e3)), adamy, 0.02) << r_km << " km, " << sigma;
    }
}

TEST(Jamming, BurnThroughRangeSolvesTheSinrEquation) {
  const RadarParams p = plain_radar();
  const JammerParams j = matched_jammer(p, 10.0, 3.0);
  const double s = db_to_linear(13.0), sigma = 5.0;
  const double r = burn_through_range_m(p, j, sigma, s);
  // At the burn-through range the SINR equals the requirement: SNR N0 / (N0 + J0).
  const double n0 = thermal_noise_density(p);
  const double j0 = jammer_noise_density(p, j, r, db_to_linear(p.gain_db));
  EXPECT_NEAR(radar_snr(p, sigma, r) * n0 / (n0 + j0) / s, 1.0, 1e-9);
  // Jamming shortens the unjammed detection range.
  EXPECT_LT(r, radar_equation_range(radar_terms(p, sigma), s));
  // A strong jammer: thermal noise negligible, R_bt = sqrt(Pt tau G sigma Bj Lj / (4 pi L Pj Gj s))
  // (Adamy sec. 9.3 rearranged; J/S of the previous test set to 1/s).
  const JammerParams strong = matched_jammer(p, 1e4, 20.0);
  const double bj = strong.bandwidth_hz();
  const double analytic = std::sqrt(p.peak_power_w * p.pulse_width_s * db_to_linear(p.gain_db) * sigma * bj /
                                    (4.0 * kPi * 1e4 * 100.0 * s));
  EXPECT_NEAR(burn_through_range_m(p, strong, sigma, s) / analytic, 1.0, 1e-3);
}

TEST(Jamming, RadarLooksSeeTheSinr) {
  // A self-protecting target: the logged SNR is the SINR of the formula; a jammer whose band misses the
  // radar's frequency changes nothing.
  const RadarParams p = plain_radar();
  Radar r(0, p, kSite, Rng(5));
  const JammerParams j = matched_jammer(p, 10.0, 3.0);
  TruthView tv = target(r.frame(), Vec3(0.0, 60e3, 2000.0), 5.0);
  tv.jammer = &j;
  std::vector<DetectionRecord> log;
  r.look(0.0, 4.0, std::vector<TruthView>{tv}, {}, &log);
  ASSERT_EQ(log.size(), 1u);
  const double range = (tv.pos_ecef - r.frame().origin_ecef()).norm();
  const double n0 = thermal_noise_density(p), j0 = jammer_noise_density(p, j, range, db_to_linear(p.gain_db));
  EXPECT_NEAR(log[0].snr_db, linear_to_db(radar_snr(p, 5.0, range) * n0 / (n0 + j0)), 1e-9);
  EXPECT_NEAR(log[0].jam_db, linear_to_db(j0 / n0), 1e-9);

  JammerParams off_band = j;
  off_band.band_low_hz = 9e9;
  off_band.band_high_hz = 10e9;
  tv.jammer = &off_band;
  log.clear();
  r.look(4.0, 8.0, std::vector<TruthView>{tv}, {}, &log);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_NEAR(log[0].snr_db, linear_to_db(radar_snr(p, 5.0, range)), 1e-9);
}

TEST(Jamming, StandOffJammerEntersThroughTheSideLobes) {
  // A stand-off jammer 150 km east; the target 60 km north. The beam on the target sees the jammer
  // 90 degrees off axis: side-lobe gain G * 10^(SLL/10). A target next to the jammer sees it in the
  // main lobe, 30 dB (the side-lobe level) stronger.
  RadarParams p = plain_radar();
  p.sidelobe_level_db = -30.0;
  Radar r(0, p, kSite, Rng(6));
  const JammerParams j = matched_jammer(p, 1000.0, 10.0);
  TruthView soj = target(r.frame(), Vec3(150e3, 0.0, 8000.0), 10.0);
  soj.id = 1;
  soj.jammer = &j;
  TruthView north = target(r.frame(), Vec3(0.0, 60e3, 3000.0), 5.0);
  north.id = 2;
  TruthView beside = target(r.frame(), Vec3(150e3, 200.0, 8000.0), 5.0);
  beside.id = 3;
  std::vector<DetectionRecord> log;
  r.look(0.0, 4.0, std::vector<TruthView>{soj, north, beside}, {}, &log);
  ASSERT_EQ(log.size(), 3u);
  const double rj = (soj.pos_ecef - r.frame().origin_ecef()).norm();
  const double n0 = thermal_noise_density(p);
  const double j0_side = jammer_noise_density(p, j, rj, db_to_linear(p.gain_db - 30.0));
  for (const DetectionRecord& d : log) {
    if (d.truth_id == 2) {
      EXPECT_NEAR(d.jam_db, linear_to_db(j0_side / n0), 1e-6);
    }
    if (d.truth_id == 3) {
      EXPECT_NEAR(d.jam_db - linear_to_db(j0_side / n0), 30.0, 0.1);  // 200 m off at 150 km: main lobe
    }
  }
}

}  // namespace
}  // namespace skyshield
