// Track signature: the RCS recovered by inverting the radar equation from each detection's SNR
// (tracking/signature.hpp), against the target's true RCS and the analytic spread of a Swerling 1
// echo in dB.
#include <gtest/gtest.h>

#include <cmath>

#include "../sensors/radar_test_support.hpp"
#include "core/rng.hpp"
#include "sensors/rcs_fluctuation.hpp"
#include "tracking/signature.hpp"
#include "tracking/tracker.hpp"

namespace skyshield {
namespace {

// Std of 10 log10 X for X exponential: (10 / ln 10) sqrt(pi^2 / 6) (Var ln X = pi^2 / 6 for X
// exponential, the Gumbel law of -ln X: Johnson, Kotz & Balakrishnan, vol. 1, ch. 21) = 5.5697 dB.
const double kSwerling1StdDb = 10.0 / std::log(10.0) * std::sqrt(M_PI * M_PI / 6.0);
// Mean of 10 log10 X for X exponential of mean 1: -(10 / ln 10) gamma_Euler (E ln X = -0.5772157).
const double kSwerling1MeanDb = -10.0 / std::log(10.0) * 0.5772156649;

// Collects the signature of every detection of one target over `rotations` scans of a rotating radar.
Signature observe(Swerling sw, double rcs_m2, int rotations) {
  Radar radar(0, rotating(), kSite, Rng(11));
  TruthView tv = target(radar.frame(), Vec3(30e3, 40e3, 5e3), rcs_m2);
  tv.swerling = sw;
  const std::vector<TruthView> targets{tv};
  Signature sig;
  const int slices = static_cast<int>(rotations * 4.0 / 0.05);
  for (int k = 0; k < slices; ++k) {
    const MeasurementBatch b = radar.look(0.05 * k, 0.05 * (k + 1), targets, {}, nullptr);
    for (const Measurement& m : b.detections)
      if (std::abs(m.rae.range_m - 50.25e3) < 2e3) sig.add(b.frequency_hz, rcs_dbsm_from_snr(m.snr_db, m.rae.range_m, b.snr_1m2_at_1m));
  }
  return sig;
}

TEST(Signature, SteadyTargetRecoversItsRcs) {
  const Signature sig = observe(Swerling::Case0, 2.0, 50);
  const SignatureBand* b = sig.best();
  ASSERT_NE(b, nullptr);
  EXPECT_GE(b->count, 45);  // Pd ~ 1 at 50 km
  // 10 log10(2) = 3.0103 dBsm; only the measured range's noise (sigma a few metres in 50 km: 40 log10
  // (1 + 1e-4) ~ 2e-3 dB) moves the estimate.
  EXPECT_NEAR(b->mean_db, 3.0103, 0.01);
  EXPECT_LT(b->std_db(), 0.01);
}

TEST(Signature, Swerling1SpreadIsThatOfTheExponentialInDb) {
  const Signature sig = observe(Swerling::Case1, 1.0, 800);
  const SignatureBand* b = sig.best();
  ASSERT_NE(b, nullptr);
  ASSERT_GE(b->count, 700);
  // Sample std of ~780 draws: its own sigma is ~5.57 sqrt((kurtosis 5.4 - 1) / (4 n)) ~ 0.21 dB.
  EXPECT_NEAR(b->std_db(), kSwerling1StdDb, 0.7);
  EXPECT_NEAR(b->mean_db, kSwerling1MeanDb, 0.7);  // sigma of the mean 5.57 / sqrt(780) = 0.2 dB
}

TEST(RcsFluctuation, CasesHaveUnitMeanAndTheirChiSquareSpread) {
  Rng rng(5);
  const int n = 40000;
  double s1 = 0.0, s2 = 0.0, ldb = 0.0, ldb2 = 0.0, c3 = 0.0, c3sq = 0.0;
  for (int i = 0; i < n; ++i) {
    const double x = rcs_fluctuation_factor(Swerling::Case1, 4, rng);
    s1 += x;
    s2 += x * x;
    const double d = 10.0 * std::log10(x);
    ldb += d;
    ldb2 += d * d;
    const double y = rcs_fluctuation_factor(Swerling::Case3, 1, rng);
    c3 += y;
    c3sq += y * y;
  }
  const double mean = s1 / n, var = s2 / n - mean * mean;
  EXPECT_NEAR(mean, 1.0, 0.02);   // exponential: mean 1, variance 1
  EXPECT_NEAR(var, 1.0, 0.05);
  const double mdb = ldb / n, sdb = std::sqrt(ldb2 / n - mdb * mdb);
  EXPECT_NEAR(sdb, kSwerling1StdDb, 0.1);
  EXPECT_NEAR(mdb, kSwerling1MeanDb, 0.1);
  // Case 3: chi-square of 4 degrees of freedom scaled to mean 1: variance 1/2.
  EXPECT_NEAR(c3 / n, 1.0, 0.02);
  EXPECT_NEAR(c3sq / n - (c3 / n) * (c3 / n), 0.5, 0.03);
  EXPECT_EQ(rcs_fluctuation_factor(Swerling::Case0, 1, rng), 1.0);
}

TEST(Signature, BandsAreKeptApart) {
  Signature sig;
  for (int i = 0; i < 3; ++i) sig.add(3e9, 0.0);
  sig.add(10e9, -10.0);
  sig.add(10.2e9, -12.0);   // within 5 %: the same band
  ASSERT_EQ(sig.total_count(), 5);
  EXPECT_EQ(sig.best()->frequency_hz, 3e9);
  EXPECT_NEAR(sig.bands[1].mean_db, -11.0, 1e-12);
  EXPECT_NEAR(sig.bands[1].std_db(), std::sqrt(2.0), 1e-12);  // (1 + 1) / (2 - 1)
}

// Through the tracker: a confirmed track of a steady 2 m^2 target carries its RCS.
TEST(Signature, TrackerKeepsTheSignatureOfItsDetections) {
  Radar radar(0, rotating(), kSite, Rng(3));
  TruthView tv = target(radar.frame(), Vec3(30e3, 40e3, 5e3), 2.0);
  tv.swerling = Swerling::Case0;
  const std::vector<TruthView> targets{tv};
  Tracker tracker(radar.frame(), TrackerParams{});
  for (int k = 0; k < 20 * 80; ++k) tracker.process(radar.look(0.05 * k, 0.05 * (k + 1), targets, {}, nullptr));
  ASSERT_FALSE(tracker.tracks().empty());
  const Track& tr = tracker.tracks().front();
  ASSERT_NE(tr.signature.best(), nullptr);
  EXPECT_GE(tr.signature.best()->count, 15);
  EXPECT_NEAR(tr.signature.best()->mean_db, 3.0103, 0.02);
}

}  // namespace
}  // namespace skyshield
