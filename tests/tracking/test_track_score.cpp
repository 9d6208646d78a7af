// The sequential likelihood-ratio track score (tracking/track_score.hpp) against Wald's analytic
// sequential probability ratio test on synthetic look sequences, and the tracker's use of it.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "core/rng.hpp"
#include "tracking/track_score.hpp"
#include "tracking/tracker.hpp"

#include "full_circle_look.hpp"

namespace skyshield {
namespace {

using test::full_circle_look;

TEST(TrackScore, WaldThresholds) {
  // Wald 1947, "Sequential Analysis", eq. 3.6-3.7: accept H1 at ln A, A = (1 - beta) / alpha; accept
  // H0 at ln B, B = beta / (1 - alpha). alpha = 1e-6, beta = 0.01: ln(0.99e6) = 13.805460, ln(0.01 / 0.999999) = -4.60517.
  const ScoreThresholds t = wald_thresholds(1e-6, 0.01);
  EXPECT_NEAR(t.confirm, 13.805460, 1e-6);
  EXPECT_NEAR(t.remove, -4.60517, 1e-5);
}

TEST(TrackScore, IncrementsByHand) {
  // Blackman & Popoli 1999 eq. 6.11-6.12: a hit adds ln(Pd / ((2 pi)^(M/2) sqrt|S| beta_FA)) - d^2 / 2,
  // a miss ln(1 - Pd). M = 3, S = diag(30^2, 1e-3^2, 1e-3^2) (m, rad, rad), d^2 = 2, Pd = 0.9,
  // beta_FA = 1e-4 per m rad^2: ln 0.9 - 1.5 ln(2 pi) - ln(30e-6) - 1 - ln(1e-4)
  // = -0.1053605 - 2.7568156 + 10.4143132 - 1 + 9.2103404 = 15.7624774.
  const double sqrt_det = 30.0 * 1e-3 * 1e-3;
  const double n = std::exp(-1.0) / (std::pow(2.0 * std::numbers::pi, 1.5) * sqrt_det);
  EXPECT_NEAR(score_hit(0.9, n, 1e-4), 15.7624774, 1e-6);
  EXPECT_NEAR(score_miss(0.9), std::log(0.1), 1e-12);
  // PDA with one detection in the gate, Pg = 1: ln(1 - Pd + Pd N / beta_FA) (Bar-Shalom, Willett &
  // Tian 2011 eq. 3.4.2-5), which tends to the GNN hit's increment when Pd N / beta_FA >> 1.
  EXPECT_NEAR(score_pda(0.9, 1.0, {n}, 1e-4), std::log(0.1 + 0.9 * n / 1e-4), 1e-12);
  EXPECT_NEAR(score_pda(0.9, 1.0, {}, 1e-4), score_miss(0.9), 1e-12);
}

// Synthetic looks: under H1 (a target) a detection with probability Pd at z ~ N(0, sigma^2); under
// H0 (false alarms only) a detection with probability q, uniform over a window of width W, so the
// false-alarm density is q / W. The score with these increments is the log-likelihood ratio of
// the sequence (to O(q) in the miss term), so Wald's test bounds the error probabilities:
// P(confirm | H0) <= alpha / (1 - beta) and P(delete | H1) <= beta / (1 - alpha) (Wald 1947 eq. 3.3-3.4).
struct Outcome {
  int confirmed = 0, deleted = 0;
};
Outcome run_sequences(bool target, int trials, std::uint64_t seed) {
  const double pd = 0.8, sigma = 1.0, width = 200.0, q = 0.002, alpha = 0.01, beta = 0.05;
  const ScoreThresholds th = wald_thresholds(alpha, beta);
  Rng rng(seed);
  Outcome o;
  for (int k = 0; k < trials; ++k) {
    double score = 0.0;
    for (int look = 0; look < 1000; ++look) {
      double z = 0.0;
      bool hit = false;
      if (target) {
        hit = rng.bernoulli(pd);
        z = rng.normal(0.0, sigma);
      } else {
        hit = rng.bernoulli(q);
        z = rng.uniform(-width / 2.0, width / 2.0);
      }
      const double n = std::exp(-0.5 * z * z / (sigma * sigma)) / (std::sqrt(2.0 * std::numbers::pi) * sigma);
      score += hit ? score_hit(pd, n, q / width) : score_miss(pd);
      if (score >= th.confirm) {
        ++o.confirmed;
        break;
      }
      if (score <= th.remove) {
        ++o.deleted;
        break;
      }
    }
  }
  return o;
}

TEST(TrackScore, SequentialTestKeepsWaldsErrorBounds) {
  const int trials = 20000;
  const Outcome h0 = run_sequences(false, trials, 11);
  const Outcome h1 = run_sequences(true, trials, 12);
  EXPECT_EQ(h0.confirmed + h0.deleted, trials);   // every sequence decided
  EXPECT_EQ(h1.confirmed + h1.deleted, trials);
  const double a = static_cast<double>(h0.confirmed) / trials, b = static_cast<double>(h1.deleted) / trials;
  // Bounds alpha / (1 - beta) = 0.01053 and beta / (1 - alpha) = 0.05051, with three binomial
  // standard deviations of the estimates (0.00218 and 0.00466) for the sampling error.
  EXPECT_LT(a, 0.01053 + 0.00218);
  EXPECT_LT(b, 0.05051 + 0.00466);
  // Not vacuous: the test does decide (most targets confirmed, most false tracks deleted).
  EXPECT_GT(h1.confirmed, trials * 9 / 10);
  EXPECT_GT(h0.deleted, trials * 9 / 10);
}

// The tracker: a tentative track started by a lone false alarm is deleted at its second covered
// look without a detection (score 2 ln(1 - 0.9) = -4.61 <= ln(0.01 / (1 - 1e-6)) = -4.605), where
// M-of-N deletion held it for three (delete_misses_tentative). One-point initiation: the false alarm
// starts a tentative track at once (two-point, the default, holds it as an initiator instead).
TEST(TrackScore, ClutterTrackDiesAtItsSecondMiss) {
  const LocalFrame frame{Geodetic{-25.0, 135.0, 150.0}};
  TrackerParams p;
  p.initiation = Initiation::OnePoint;
  Tracker tracker(frame, p);
  tracker.process(full_circle_look(frame, 0.0, {{100e3, 1.0, 0.05}}));
  ASSERT_EQ(tracker.tracks().size(), 1u);
  tracker.process(full_circle_look(frame, 4.0));
  EXPECT_EQ(tracker.tracks().size(), 1u);
  tracker.process(full_circle_look(frame, 8.0));
  EXPECT_EQ(tracker.tracks().size(), 0u);
}

TEST(TrackScore, MOfNStillAvailable) {
  const LocalFrame frame{Geodetic{-25.0, 135.0, 150.0}};
  TrackerParams p;
  p.track_management = TrackManagement::MOfN;
  p.initiation = Initiation::OnePoint;   // as above
  Tracker tracker(frame, p);
  tracker.process(full_circle_look(frame, 0.0, {{100e3, 1.0, 0.05}}));
  for (int k = 1; k <= 2; ++k) tracker.process(full_circle_look(frame, 4.0 * k));
  EXPECT_EQ(tracker.tracks().size(), 1u);   // two misses of three
  tracker.process(full_circle_look(frame, 12.0));
  EXPECT_EQ(tracker.tracks().size(), 0u);
}

}  // namespace
}  // namespace skyshield
