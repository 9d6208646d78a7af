// Measurement accuracy and target reflectivity. References: the thermal-noise accuracy of a monopulse
// radar sigma_angle = beamwidth / (k_m sqrt(2 SNR)), sigma_range = resolution / sqrt(2 SNR) (Skolnik 3rd ed.
// sec. 4.3; Barton & Leonov); sigma_v = Doppler resolution / sqrt(2 SNR) by the same argument in frequency;
// residual statistics checked against the sampling distributions of the mean (normal) and of the variance
// (chi-square, here its normal approximation with sd sigma^2 sqrt(2 / (n - 1))). RCS aspect pattern: the
// interpolation rule stated in world/rcs.hpp.
#include <gtest/gtest.h>

#include <cmath>

#include "core/units.hpp"
#include "radar_test_support.hpp"
#include "sensors/radar_equation.hpp"

namespace skyshield {
namespace {

struct Moments {
  double mean = 0.0, var = 0.0;
  int n = 0;
  void add(double x) {  // Welford
    ++n;
    const double d = x - mean;
    mean += d / n;
    var += d * (x - mean);
  }
  double sd() const { return std::sqrt(var / (n - 1)); }
};

void expect_unbiased_with_sigma(const Moments& m, double sigma, const char* what) {
  EXPECT_NEAR(m.mean, 0.0, 5.0 * sigma / std::sqrt(m.n)) << what;
  EXPECT_NEAR(m.sd() / sigma, 1.0, 5.0 * std::sqrt(0.5 / (m.n - 1))) << what;
}

TEST(Measurement, ErrorsAreUnbiasedWithTheModelSigma) {
  RadarParams p = rotating();
  p.scan_period_s = 0.1;
  p.velocity_resolution_mps = 3.0;
  Radar r(0, p, kSite, Rng(21));
  const Vec3 enu(20e3, 50e3, 4000.0);
  TruthView tv = target(r.frame(), enu, 0.5);
  tv.swerling = Swerling::Case0;   // steady SNR: every detection has the same sigma
  tv.vel_ecef = r.frame().vector_to_ecef(Vec3(-150.0, -220.0, 5.0));
  // The view is the truth at the end of each 0.05 s slice; detections measure it at the slice's start.
  const RangeAzEl truth = range_az_el_from_enu(enu - 0.05 * Vec3(-150.0, -220.0, 5.0));
  const double rdot = Vec3(-150.0, -220.0, 5.0).dot(enu) / enu.norm();
  Moments range, az, el, vel;
  double s_range = 0, s_az = 0, s_el = 0, s_vel = 0;
  for (int k = 0; k < 8000; ++k) {
    const MeasurementBatch b = r.look(0.05 * k, 0.05 * (k + 1), std::vector<TruthView>{tv}, {}, nullptr);
    for (const Measurement& m : b.detections) {
      range.add(m.rae.range_m - truth.range_m);
      az.add(std::remainder(m.rae.az_rad - truth.az_rad, 2 * kPi));
      el.add(m.rae.el_rad - truth.el_rad);
      ASSERT_TRUE(m.has_range_rate);
      vel.add(m.range_rate_mps - rdot);
      s_range = m.sigma_range_m, s_az = m.sigma_az_rad, s_el = m.sigma_el_rad, s_vel = m.sigma_range_rate_mps;
    }
  }
  ASSERT_GT(range.n, 3000);
  // The sigmas follow the SNR of the range equation (below the 30 dB accuracy cap here).
  const double snr = radar_snr(p, 0.5, truth.range_m);
  ASSERT_LT(snr, 1000.0);
  EXPECT_NEAR(s_range, p.range_resolution_m / std::sqrt(2 * snr), 1e-6 * s_range);
  EXPECT_NEAR(s_az, p.beamwidth_az_deg * kDegToRad / (p.monopulse_k * std::sqrt(2 * snr)), 1e-6 * s_az);
  EXPECT_NEAR(s_vel, 3.0 / std::sqrt(2 * snr), 1e-6 * s_vel);
  expect_unbiased_with_sigma(range, s_range, "range");
  expect_unbiased_with_sigma(az, s_az, "azimuth");
  expect_unbiased_with_sigma(el, s_el, "elevation");
  expect_unbiased_with_sigma(vel, s_vel, "radial velocity");
}

TEST(Measurement, AccuracyImprovesWithSnr) {
  // RCS 1, 4, 16 m^2 at the range where 1 m^2 gives 18 dB: the sigmas halve at each step (sigma ~ 1/sqrt(SNR)).
  RadarParams p = rotating();
  Radar r(0, p, kSite, Rng(22));
  const double range = radar_equation_range(radar_terms(p, 1.0), db_to_linear(18.0));
  double prev = 0.0;
  for (double rcs : {1.0, 4.0, 16.0}) {
    TruthView tv = target(r.frame(), Vec3(0.0, range, 0.0), rcs);
    tv.swerling = Swerling::Case0;
    double sigma = 0.0;
    for (int k = 0; k < 80 * 50 && sigma == 0.0; ++k)
      for (const Measurement& m : r.look(0.05 * k, 0.05 * (k + 1), std::vector<TruthView>{tv}, {}, nullptr).detections)
        sigma = m.sigma_az_rad;
    ASSERT_GT(sigma, 0.0);
    if (prev > 0.0) {
      EXPECT_NEAR(prev / sigma, 2.0, 0.01);
    }
    prev = sigma;
  }
}

TEST(Rcs, AspectPatternInterpolatesInDecibels) {
  const RcsPattern stealth{0.01, 1.0, 0.1};   // nose -20 dBsm, beam 0 dBsm, tail -10 dBsm
  EXPECT_DOUBLE_EQ(stealth.at_aspect(0.0), 0.01);
  EXPECT_DOUBLE_EQ(stealth.at_aspect(kPi / 2), 1.0);
  EXPECT_NEAR(stealth.at_aspect(kPi), 0.1, 1e-15);
  EXPECT_NEAR(linear_to_db(stealth.at_aspect(kPi / 4)), -10.0, 1e-9);     // halfway nose -> beam
  EXPECT_NEAR(linear_to_db(stealth.at_aspect(3 * kPi / 4)), -5.0, 1e-9);  // halfway beam -> tail
  // Flying straight at the observer: nose-on; crossing: broadside; going away: tail-on.
  const Vec3 pos(0, 0, 0), obs(100e3, 0, 0);
  EXPECT_DOUBLE_EQ(stealth.toward(pos, Vec3(250, 0, 0), obs), 0.01);
  EXPECT_DOUBLE_EQ(stealth.toward(pos, Vec3(0, 250, 0), obs), 1.0);
  EXPECT_NEAR(stealth.toward(pos, Vec3(-250, 0, 0), obs), 0.1, 1e-15);
  EXPECT_DOUBLE_EQ(RcsPattern::isotropic(3.0).toward(pos, Vec3(1, 2, 3), obs), 3.0);
}

TEST(Rcs, RadarSnrFollowsTheAspect) {
  // The same low-observable target nose-on and broadside: 20 dB apart in SNR.
  Radar r(0, rotating(), kSite, Rng(23));
  const Vec3 enu(0.0, 40e3, 3000.0);
  TruthView head_on = target(r.frame(), enu, 1.0), crossing = head_on;
  head_on.rcs = crossing.rcs = RcsPattern{0.01, 1.0, 0.1};
  head_on.vel_ecef = r.frame().vector_to_ecef(Vec3(0.0, -250.0, 0.0) - Vec3(0, 0, 0));
  crossing.vel_ecef = r.frame().vector_to_ecef(Vec3(250.0, 0.0, 0.0));
  crossing.id = 8;
  std::vector<DetectionRecord> log;
  r.look(0.0, 4.0, std::vector<TruthView>{head_on, crossing}, {}, &log);
  ASSERT_EQ(log.size(), 2u);
  // (the line of sight rises 4.3 degrees above the ENU horizontal: the nose-on aspect is 4.3 deg, not 0)
  EXPECT_NEAR(log[1].snr_db - log[0].snr_db, 20.0, 1.0);
}

}  // namespace
}  // namespace skyshield
