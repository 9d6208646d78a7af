// Kill assessment from the engaged track (c2/kill_assessment.hpp): the evidence rules, and the
// assessor's error probabilities checked by a binomial test. Reference for the tolerance: the number
// of errors in n independent assessments is Binomial(n, p), mean n p, standard deviation
// sqrt(n p (1 - p)); the tests allow 5 standard deviations (two-sided probability 6e-7 of failing on a
// correct implementation; the streams are seeded, so the result is also reproducible).
#include <gtest/gtest.h>

#include <cmath>

#include "c2/kill_assessment.hpp"
#include "core/rng.hpp"

namespace skyshield {
namespace {

Track track(int id, double last_update_t, int hits = 10) {
  Track t;
  t.id = id;
  t.status = TrackStatus::Confirmed;
  t.hits = hits;
  t.last_update_t = last_update_t;
  return t;
}

TEST(KillAssessment, EvidenceComesFromTheEngagedTrack) {
  const std::vector<Track> tracks{track(3, 105.0), track(4, 99.95), track(5, 100.0)};
  // Intercept at 100.0 s: track 3 was updated after it, 4 and 5 not since (coasting), 6 is gone.
  EXPECT_EQ(observe_engaged_track(tracks, 3, 100.0), KillEvidence::StillDetected);
  EXPECT_EQ(observe_engaged_track(tracks, 4, 100.0), KillEvidence::TrackCoasting);
  EXPECT_EQ(observe_engaged_track(tracks, 5, 100.0), KillEvidence::TrackCoasting);
  EXPECT_EQ(observe_engaged_track(tracks, 6, 100.0), KillEvidence::TrackLost);
}

TEST(KillAssessment, PerfectAssessorFollowsTheEvidence) {
  const KillAssessmentParams perfect;
  for (double u : {0.0, 0.5, 0.999999}) {
    EXPECT_TRUE(assess_kill(KillEvidence::TrackLost, perfect, u).killed);
    EXPECT_TRUE(assess_kill(KillEvidence::TrackCoasting, perfect, u).killed);
    EXPECT_FALSE(assess_kill(KillEvidence::StillDetected, perfect, u).killed);
    EXPECT_FALSE(assess_kill(KillEvidence::TrackLost, perfect, u).assessor_error);
  }
}

TEST(KillAssessment, ErrorProbabilitiesAreHonoured) {
  const KillAssessmentParams p{0.07, 0.15};
  const int n = 20000;
  Rng rng = Rng::stream(2026, "kill_assessment_test");
  int false_kills = 0, missed_kills = 0;
  for (int i = 0; i < n; ++i) {
    const KillAssessment survivor = assess_kill(KillEvidence::StillDetected, p, rng.uniform());
    false_kills += survivor.killed;
    EXPECT_EQ(survivor.assessor_error, survivor.killed);
    const KillAssessment lost = assess_kill(i % 2 ? KillEvidence::TrackLost : KillEvidence::TrackCoasting, p, rng.uniform());
    missed_kills += !lost.killed;
    EXPECT_EQ(lost.assessor_error, !lost.killed);
  }
  auto within_binomial = [&](int k, double prob) {
    const double mean = n * prob, sd = std::sqrt(n * prob * (1.0 - prob));
    return std::abs(k - mean) <= 5.0 * sd;
  };
  EXPECT_TRUE(within_binomial(false_kills, p.false_kill_probability)) << false_kills << " of " << n;
  EXPECT_TRUE(within_binomial(missed_kills, p.missed_kill_probability)) << missed_kills << " of " << n;
  // And not some other probability: 5 sd of n = 20000 at p = 0.07 is 0.9 percentage points.
  EXPECT_FALSE(within_binomial(false_kills, 0.085));
  EXPECT_FALSE(within_binomial(missed_kills, 0.13));
}

}  // namespace
}  // namespace skyshield

namespace skyshield {
namespace {
TEST(KillAssessment, ASelfDestructedRoundIsNeverAKill) {
  // Known to the fire control, not observed: no kill, and no assessor error even with the radar's
  // error probabilities at 1 (u = 0 would draw an error for any observed evidence).
  const KillAssessment a = assess_kill(KillEvidence::SelfDestructed, {1.0, 1.0}, 0.0);
  EXPECT_FALSE(a.killed);
  EXPECT_FALSE(a.assessor_error);
  EXPECT_FALSE(looks_killed(KillEvidence::SelfDestructed));
}
}  // namespace
}  // namespace skyshield
