// The ballistic-defence block of the summary (record/summary.hpp), on a hand-made record: counts by
// hand, so every figure below is checkable by eye.
#include <gtest/gtest.h>

#include "record/summary.hpp"

namespace skyshield {
namespace {

ThreatRecord threat(const char* name, bool decoy, const char* outcome, int fired, double det, double track, double launch) {
  ThreatRecord t;
  t.name = name;
  t.cls = ThreatClass::BallisticMissile;
  t.decoy = decoy;
  t.outcome = outcome;
  t.interceptors_fired = fired;
  t.first_detection_s = det;
  t.first_track_s = track;
  t.first_launch_s = launch;
  return t;
}

TEST(BmdSummary, WarheadsAgainstDecoysBoostersAndDebris) {
  RunRecord run;
  run.threats = {threat("rv-1", false, "killed", 2, 100.0, 110.0, 130.0),     // detected 100, track +10, launch +30
                 threat("rv-2", false, "leaked", 1, 200.0, 230.0, 250.0),     // +30, +50
                 threat("rv-3", false, "leaked", 0, -1.0, -1.0, -1.0),        // never seen
                 threat("rv-1/booster", true, "leaked", 1, 90.0, 95.0, 120.0),
                 threat("rv-1/decoy-1", true, "killed", 1, 95.0, 99.0, 125.0),
                 threat("rv-4", false, "not_launched", 0, -1.0, -1.0, -1.0)};  // never flew: not counted
  ThreatRecord jet;
  jet.cls = ThreatClass::Aircraft;
  jet.outcome = "killed";
  jet.interceptors_fired = 5;                                                 // not a ballistic object
  run.threats.push_back(jet);
  const BallisticDefenceSummary b = summarize(run).bmd;
  EXPECT_EQ(b.warheads, 3);
  EXPECT_EQ(b.warheads_killed, 1);
  EXPECT_DOUBLE_EQ(b.kill_probability(), 1.0 / 3.0);
  EXPECT_EQ(b.rounds_at_warheads, 3);
  EXPECT_EQ(b.rounds_at_non_warheads, 2);
  EXPECT_DOUBLE_EQ(b.non_warhead_share(), 0.4);          // 2 of 5
  EXPECT_EQ(b.warheads_engaged, 2);
  EXPECT_DOUBLE_EQ(b.detection_to_launch_mean_s, 40.0);  // (30 + 50) / 2
  EXPECT_EQ(b.warheads_confirmed, 2);
  EXPECT_DOUBLE_EQ(b.detection_to_track_mean_s, 20.0);   // (10 + 30) / 2
  // P(engage) of the Monte Carlo is engaged / count over the same threats: the booster and the decoy
  // shot at are not threats of the class (mc printed P(engage) 1.21 on manoeuvring_threats.yaml).
  const ClassSummary& c = summarize(run).by_class[static_cast<int>(ThreatClass::BallisticMissile)];
  EXPECT_EQ(c.count, 3);    // rv-1, rv-2, rv-3
  EXPECT_EQ(c.engaged, 2);  // rv-1, rv-2
}

}  // namespace
}  // namespace skyshield
