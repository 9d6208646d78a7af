// Kill assessment in the engine (issue 26, defect 7): the command post learns an intercept's outcome
// from what its radars observed of the engaged track after the intercept (c2/kill_assessment.hpp),
// after the doctrine's delay, with the engagement radar's error probabilities; never from the truth.
// The default scenario, seed 1.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>

#include "c2/kill_assessment.hpp"
#include "record/run_record.hpp"
#include "scenario/loader.hpp"
#include "sim/engine.hpp"

using namespace skyshield;

namespace {

struct Assessed {
  double t;
  bool killed;
  std::string detail;
};

// The scenario with the engagement radar's error probabilities set.
Scenario with_assessor(double false_kill, double missed_kill) {
  Scenario s = load_scenario(SKYSHIELD_SOURCE_DIR "/scenarios/default.yaml");
  for (const BattalionSpec& b : s.battalions) {
    RadarParams& er = s.radar_types[b.radars[b.engagement_radar].type_index];
    er.false_kill_probability = false_kill;
    er.missed_kill_probability = missed_kill;
  }
  return s;
}

// Assessment events by interceptor name (the detail names it in parentheses).
std::map<std::string, Assessed> assessments(const RunRecord& run) {
  std::map<std::string, Assessed> out;
  for (const Event& e : run.events) {
    if (e.type != EventType::AssessedKilled && e.type != EventType::AssessedSurvived) continue;
    const std::size_t open = e.detail.find(" (I"), close = e.detail.find(')', open);
    EXPECT_NE(open, std::string::npos) << e.detail;
    const std::string name = e.detail.substr(open + 2, close - open - 2);
    EXPECT_EQ(out.count(name), 0u) << name << " assessed twice";
    out[name] = {e.t, e.type == EventType::AssessedKilled, e.detail};
  }
  return out;
}

bool says(const std::string& detail, KillEvidence e) { return detail.rfind(to_string(e), 0) == 0; }

TEST(KillAssessmentEngine, AssessedFromTheTrackAfterTheDelay) {
  const Scenario s = with_assessor(0.0, 0.0);
  RunOptions o;
  o.seed = 1;
  const RunRecord run = run_scenario(s, o);
  const std::map<std::string, Assessed> by_name = assessments(run);
  const double delay = s.battalions[0].doctrine.kill_assessment_delay_s;
  int killed_and_lost = 0, survived_and_seen = 0, ended = 0;
  for (const InterceptorRecord& r : run.interceptors) {
    if (r.outcome == "flying") continue;
    // The run ends when every threat is resolved: an outcome within the delay of the end is never assessed.
    if (r.outcome_time_s + delay > run.end_time_s + 1e-9) {
      EXPECT_EQ(by_name.count(r.name), 0u) << r.name << " assessed after the run's end";
      continue;
    }
    ++ended;
    ASSERT_EQ(by_name.count(r.name), 1u) << r.name << " (" << r.outcome << ") never assessed";
    const Assessed& a = by_name.at(r.name);
    // Delivered at the first step at or after the intercept plus the doctrine's delay.
    EXPECT_GE(a.t, r.outcome_time_s + delay - 1e-9) << r.name;
    EXPECT_LT(a.t, r.outcome_time_s + delay + s.sim.step_s + 1e-9) << r.name;
    // A perfect assessor follows the evidence of the track.
    EXPECT_EQ(a.detail.find("assessor error"), std::string::npos) << a.detail;
    EXPECT_EQ(a.killed, !says(a.detail, KillEvidence::StillDetected)) << r.name << ": " << a.detail;
    if (r.outcome == "killed" && a.killed) ++killed_and_lost;
    if (r.outcome != "killed" && !a.killed) ++survived_and_seen;
  }
  EXPECT_EQ(static_cast<int>(by_name.size()), ended);
  EXPECT_EQ(run.kill_assessment.assessed, ended);
  // Both cases occur in this run: kills whose track was lost (assessed killed) and misses whose
  // target kept being detected (assessed survived).
  EXPECT_GT(killed_and_lost, 3);
  EXPECT_GT(survived_and_seen, 3);
}

TEST(KillAssessmentEngine, TheEngagementRadarsErrorProbabilitiesReachTheAssessor) {
  // A survivor still detected is assessed killed with probability 0.9: over the run's assessments on
  // such evidence (about a dozen) more than half are kills (P(at most half | n = 10, p = 0.9) = 1.6e-4),
  // and the summary counts what went against the evidence.
  RunOptions o;
  o.seed = 1;
  const RunRecord run = run_scenario(with_assessor(0.9, 0.0), o);
  int seen = 0, seen_killed = 0, lost_survived = 0;
  for (const auto& [name, a] : assessments(run)) {
    if (says(a.detail, KillEvidence::StillDetected)) {
      ++seen;
      seen_killed += a.killed;
      EXPECT_EQ(a.killed, a.detail.find("assessor error") != std::string::npos) << a.detail;
    } else {
      lost_survived += !a.killed;   // missed_kill_probability 0: never
    }
  }
  ASSERT_GE(seen, 5);
  EXPECT_GT(2 * seen_killed, seen) << seen_killed << " of " << seen;
  EXPECT_EQ(lost_survived, 0);
}

}  // namespace
