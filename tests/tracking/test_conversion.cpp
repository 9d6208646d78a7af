// Spherical-to-Cartesian measurement conversion: the noise-free round trip through the radar and
// tracker frames (reference: core/geo's own ENU<->ECEF, checked against GeographicLib in tests/core),
// and the linearised covariance against the sample covariance of Monte Carlo converted measurements.
#include <gtest/gtest.h>

#include "core/rng.hpp"
#include "tracking/classify.hpp"
#include "tracking/measurement_conversion.hpp"

namespace skyshield {
namespace {

const LocalFrame kTrackerFrame(Geodetic{-25.0, 135.0, 150.0});
const LocalFrame kRadarFrame(Geodetic{-24.99, 135.01, 180.0});

TEST(Conversion, NoiseFreeMeasurementLandsOnTheTruth) {
  const Vec3 truth_enu(40e3, 120e3, 9e3);  // in the tracker frame
  const Vec3 ecef = kTrackerFrame.to_ecef(truth_enu);
  Measurement m;
  m.rae = range_az_el_from_enu(kRadarFrame.to_enu(ecef));
  m.sigma_range_m = 10.0;
  m.sigma_az_rad = 1e-3;
  m.sigma_el_rad = 1e-3;
  const CartesianMeasurement c = to_tracker_frame(m, kRadarFrame, kTrackerFrame);
  EXPECT_LT((c.z - truth_enu).norm(), 1e-6);
}

TEST(Conversion, CovarianceMatchesMonteCarloForSmallAngleErrors) {
  Measurement m;
  m.rae = {100e3, 0.8, 0.05};
  m.sigma_range_m = 20.0;
  m.sigma_az_rad = 2e-4;
  m.sigma_el_rad = 3e-4;
  const CartesianMeasurement c = to_tracker_frame(m, kRadarFrame, kTrackerFrame);
  Rng rng(5);
  const int n = 40000;
  Vec3 mean = Vec3::Zero();
  std::vector<Vec3> samples;
  for (int i = 0; i < n; ++i) {
    Measurement s = m;
    s.rae.range_m += m.sigma_range_m * rng.normal();
    s.rae.az_rad += m.sigma_az_rad * rng.normal();
    s.rae.el_rad += m.sigma_el_rad * rng.normal();
    samples.push_back(to_tracker_frame(s, kRadarFrame, kTrackerFrame).z);
    mean += samples.back();
  }
  mean /= n;
  Mat3 cov = Mat3::Zero();
  for (const Vec3& s : samples) cov += (s - mean) * (s - mean).transpose();
  cov /= n - 1;
  // Sampling error of a variance estimate is ~ sqrt(2 / n) = 0.7 %; allow 4 %.
  for (int a = 0; a < 3; ++a) EXPECT_NEAR(cov(a, a), c.R(a, a), 0.04 * c.R(a, a)) << "axis " << a;
  EXPECT_NEAR(cov.determinant(), c.R.determinant(), 0.12 * c.R.determinant());
}

TEST(Classify, KinematicBoundaries) {
  Track t;
  t.x << 0, 0, 0, 2000, 0, 0, 0, 0, 0;
  EXPECT_EQ(classify_track(t, 50e3, 0.0), ThreatClass::BallisticMissile);
  t.x << 0, 0, 0, 900, 0, 0, 0, 0, 0;
  EXPECT_EQ(classify_track(t, 30e3, 0.0), ThreatClass::BallisticMissile);
  EXPECT_EQ(classify_track(t, 10e3, 0.0), ThreatClass::Aircraft);
  t.x << 0, 0, 0, 60, 0, 0, 0, 0, 0;
  EXPECT_EQ(classify_track(t, 300.0, 0.0), ThreatClass::Drone);
  t.x << 0, 0, 0, 250, 0, 0, 0, 0, 0;
  EXPECT_EQ(classify_track(t, 40.0, 0.0), ThreatClass::CruiseMissile);
  EXPECT_EQ(classify_track(t, 8000.0, 0.0), ThreatClass::Aircraft);
  // Flight profile: a 700 m/s track at 12 km that the IMM explains by gravity and drag alone.
  t.x << 0, 0, 0, 700, 0, 0, 0, 0, 0;
  EXPECT_EQ(classify_track(t, 12e3, 0.95), ThreatClass::BallisticMissile);
  EXPECT_EQ(classify_track(t, 12e3, 0.10), ThreatClass::Aircraft);
}

}  // namespace
}  // namespace skyshield
