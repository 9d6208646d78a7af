// Discrimination of ballistic objects (c2/discrimination.hpp): the log-odds update against a hand
// computation, and P(RV) of a re-entry vehicle and of a decoy as observation accumulates.
#include <gtest/gtest.h>

#include <cmath>

#include "c2/discrimination.hpp"
#include "core/rng.hpp"
#include "sensors/rcs_fluctuation.hpp"

namespace skyshield {
namespace {

ObjectKind kind(const char* name, bool lethal, double prior, double rcs, double fluct, double inv_beta, double companion) {
  ObjectKind k;
  k.name = name;
  k.lethal = lethal;
  k.prior = prior;
  k.rcs_dbsm = {rcs, 2.0};
  k.fluctuation_db = {fluct, 1.0};
  k.inv_beta = {inv_beta, 5e-4};
  k.p_companion = companion;
  return k;
}

Track ballistic_track(int id, const Vec3& pos) {
  Track t;
  t.id = id;
  t.status = TrackStatus::Confirmed;
  t.classified = ThreatClass::BallisticMissile;
  t.x.setZero();
  t.x.head<3>() = pos;
  t.x(5) = -2000.0;
  return t;
}

// Two kinds, equal priors; a companion and one band of 100 detections (mean -12 dBsm, std 3.5 dB).
// By hand (python, 2026-12-06): log-odds = ln(0.9 / 0.6)                          companion
//   + 0.5 ln((4 + 5.6^2 / 100) / (4 + 3.5^2 / 100))                                 RCS level
//   - 0.5 ln(1 + 1.1 * 3.5^2 / 100) + 0.5 * 2.1^2 / (1 + 1.1 * 5.6^2 / 100)
//   + 0.5 ln(1 + 1.1 * 5.6^2 / 100)                                                 fluctuation
//   = 0.405465 + 0.022657 + 1.724429 = 2.1525515, P = 1 / (1 + e^-2.1525515) = 0.8959070.
TEST(Discrimination, LogOddsMatchHandComputation) {
  DiscriminationParams p;
  p.enabled = true;
  p.kinds = {kind("rv", true, 0.5, -12.0, 3.5, 1e-4, 0.9), kind("decoy", false, 0.5, -12.0, 5.6, 3e-3, 0.6)};
  std::vector<Track> tracks{ballistic_track(1, Vec3(0, 0, 80e3)), ballistic_track(2, Vec3(1e3, 0, 80e3))};
  // Only the companion first: P = 0.5 * 0.9 / (0.5 * 0.9 + 0.5 * 0.6) = 0.6.
  std::vector<Discrimination> d = discriminate(tracks, p);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_NEAR(d[0].p_lethal, 0.6, 1e-12);
  EXPECT_NEAR(d[0].log_odds, std::log(1.5), 1e-12);
  // A band of 100 detections with mean -12 dBsm and std 3.5 dB (Welford sums set directly).
  SignatureBand& b = tracks[0].signature.bands[0];
  b.frequency_hz = 3e9;
  b.count = 100;
  b.mean_db = -12.0;
  b.m2 = 3.5 * 3.5 * 99.0;
  d = discriminate(tracks, p);
  EXPECT_NEAR(d[0].log_odds, 2.1525515482, 1e-9);
  EXPECT_NEAR(d[0].p_lethal, 0.8959069688, 1e-9);
  // Alone (the other track 100 km away): the companion term becomes ln(0.1 / 0.4).
  tracks[1].x(0) = 100e3;
  d = discriminate(tracks, p);
  EXPECT_NEAR(d[0].log_odds, 2.1525515482 - std::log(1.5) + std::log(0.1 / 0.4), 1e-9);
}

// A re-entry vehicle (steady: Swerling 3) and a light decoy (tumbling: Swerling 1) of the same mean
// RCS fly in one cloud; after 40 looks they enter the air and the drag estimate (1/beta 1.25e-4 and
// 3.3e-3 m^2/kg, the library's RV and decoy, with a sigma shrinking as 1 / sqrt(measurements))
// joins. P(RV) of the RV rises, of the decoy falls, as observation accumulates.
TEST(Discrimination, RvRisesAndDecoyFallsOverAFlight) {
  DiscriminationParams p;
  p.enabled = true;
  p.kinds = {kind("rv", true, 0.3, -13.0, 3.5, 1.25e-4, 0.9), kind("decoy", false, 0.4, -13.0, 5.57, 3.3e-3, 0.95),
             kind("booster", false, 0.3, 0.0, 5.57, 1.7e-3, 0.9)};
  std::vector<Track> tracks{ballistic_track(1, Vec3(0, 0, 90e3)), ballistic_track(2, Vec3(500, 0, 90e3))};
  Rng rng(42);
  std::vector<double> p_rv, p_decoy;
  for (int look = 1; look <= 80; ++look) {
    tracks[0].signature.add(10e9, -13.0 + 10.0 * std::log10(rcs_fluctuation_factor(Swerling::Case3, 1, rng)));
    tracks[1].signature.add(10e9, -13.0 + 10.0 * std::log10(rcs_fluctuation_factor(Swerling::Case1, 1, rng)));
    if (look > 40) {
      const int m = look - 40;
      const double sigma = 1e-3 / std::sqrt(m);
      for (int i = 0; i < 2; ++i) {
        tracks[i].drag.measurements = m;
        tracks[i].drag.variance = sigma * sigma;
        tracks[i].drag.inv_beta = (i == 0 ? 1.25e-4 : 3.3e-3) + sigma * rng.normal();
      }
    }
    if (look % 10 == 0) {
      const std::vector<Discrimination> d = discriminate(tracks, p);
      p_rv.push_back(d[0].p_lethal);
      p_decoy.push_back(d[1].p_lethal);
    }
  }
  // Monotone-ish: at most one step of the eight goes the wrong way, and the end is decisive.
  int wrong_rv = 0, wrong_decoy = 0;
  for (std::size_t i = 1; i < p_rv.size(); ++i) {
    wrong_rv += p_rv[i] < p_rv[i - 1] - 0.02;
    wrong_decoy += p_decoy[i] > p_decoy[i - 1] + 0.02;
  }
  EXPECT_LE(wrong_rv, 1);
  EXPECT_LE(wrong_decoy, 1);
  EXPECT_GT(p_rv.back(), 0.95);
  EXPECT_LT(p_decoy.back(), 0.05);
  EXPECT_GT(p_rv.back(), p_rv.front());
  EXPECT_LT(p_decoy.back(), p_decoy.front());
}

// Speed above the atmosphere (issue 28, wave 4): a spent stage seen alone high up (its RV not yet
// detected) looked like a missile that never separates, P(warhead) 0.80-0.95 on bmd.yaml. Two kinds,
// equal priors, no signature and no drag yet; one track alone, its speed variance 100^2 (m/s)^2:
//   log-odds = ln(0.9 / 0.1)                                        (alone: 1 - p_companion)
//            + ln N(v; 1600, 400^2 + 100^2) - ln N(v; 3500, 1500^2 + 100^2)   (speed)
// v = 4600 (an IRBM stage): ln 9 - 0.5 (3000^2/170000 + ln 170000) + 0.5 (1100^2/2260000 + ln 2260000)
//   = -22.7120037153 (computed by hand in double precision: python3 -c with math.log);
// v = 1700 (a Scud-class body): 4.1782877995. Without the speed term both are ln 9 = 2.197.
TEST(Discrimination, SpeedAboveTheAtmosphereTellsAStageFromAMissileBody) {
  DiscriminationParams p;
  p.enabled = true;
  p.kinds = {kind("body", true, 0.5, -2.0, 5.6, 1e-4, 0.1), kind("stage", false, 0.5, 1.0, 5.6, 1.7e-3, 0.9)};
  p.kinds[0].speed_mps = {1600.0, 400.0};
  p.kinds[1].speed_mps = {3500.0, 1500.0};
  std::vector<Track> tracks{ballistic_track(1, Vec3(0, 0, 110e3))};
  tracks[0].x(5) = -4600.0;
  tracks[0].P.block<3, 3>(3, 3) = 1e4 * Mat3::Identity();
  EXPECT_NEAR(discriminate(tracks, p)[0].log_odds, std::log(9.0), 1e-12);  // no speed term yet
  p.speed_feature = true;
  EXPECT_NEAR(discriminate(tracks, p)[0].log_odds, -22.712003715305613, 1e-9);
  EXPECT_LT(discriminate(tracks, p)[0].p_lethal, 1e-9);
  tracks[0].x(5) = -1700.0;
  EXPECT_NEAR(discriminate(tracks, p)[0].log_odds, 4.178287799530407, 1e-9);
  // In the air (the drag estimate counts) the drag term replaces the speed term.
  tracks[0].drag.measurements = 3;
  tracks[0].drag.variance = 1e-8;
  tracks[0].drag.inv_beta = 1e-4;
  const double drag_only = std::log(9.0) - 0.5 * std::log(2.5e-7 + 1e-8) + 0.5 * std::log(2.5e-7 + 1e-8) +
                           0.5 * (1.6e-3 * 1.6e-3) / (2.5e-7 + 1e-8);
  EXPECT_NEAR(discriminate(tracks, p)[0].log_odds, drag_only, 1e-9);
}

}  // namespace
}  // namespace skyshield
