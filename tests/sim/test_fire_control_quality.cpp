// Fire-control quality of the tracks the command post engages (issue 31; docs/air-picture.md "Rounds
// at false tracks"), end to end on scenarios/default.yaml:
//  - an order whose track is dropped before its launch time is called off (launch_cancelled), the
//    round stays in the launcher: no interceptor leaves at a track number that no longer exists;
//  - a coasting track (fire_control_max_misses looks missed in a row) is not engaged: after a kill
//    assessed as a survival the dead target's coasting track drew a second round;
//  - a track whose score is below Wald's confirmation threshold (fire_control_min_score) is not
//    engaged: with the UKF and JPDA, M-of-N confirms clutter tracks that drew rounds;
//  - a track whose score has fallen from its peak by more than fire_control_max_score_drop is not
//    engaged: a dead target's track fed by clutter keeps a high cumulative score;
//  - no second round at a track suspected of holding the object of an engaged one (duplicates), and
//    no launch at a track coasting since its order.
// The seeds are those where, without the rule, a round went to a false track (measured with
// scripts/measure_picture.py, seeds 1-20).
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "scenario/loader.hpp"
#include "sim/engine.hpp"

namespace skyshield {
namespace {

const std::string kDefault = SKYSHIELD_SOURCE_DIR "/scenarios/default.yaml";

int rounds_at_false_tracks(const RunRecord& r) {
  int n = 0;
  for (const InterceptorRecord& i : r.interceptors) n += i.threat.empty() ? 1 : 0;  // no threat near the track at launch
  return n;
}

RunRecord run(unsigned seed, std::vector<Override> o = {}) {
  o.push_back({"simulation.seed", std::to_string(seed)});
  return run_scenario(load_scenario(kDefault, o));
}

TEST(FireControlQuality, NoLaunchAtATrackDroppedAfterItsOrder) {
  // Seed 6: orders whose tracks coasted, then dropped, between the order and the launcher's reaction
  // time (the coasting rule below calls them off first).
  const RunRecord r = run(6);
  int cancelled = 0;
  for (const Event& e : r.events) cancelled += e.type == EventType::LaunchCancelled ? 1 : 0;
  EXPECT_GE(cancelled, 1);
  // No launch at a track number deleted before the launch.
  std::map<std::string, double> deleted;  // track name -> first deletion
  for (const Event& e : r.events)
    if (e.type == EventType::TrackDeleted) deleted.emplace(e.entity, e.t);
  for (const InterceptorRecord& i : r.interceptors) {
    const auto it = deleted.find(i.battalion + "/T" + std::to_string(i.track_id));
    if (it != deleted.end()) {
      EXPECT_GE(it->second, i.launch_time_s - 1e-9) << i.name << " launched after its track was deleted";
    }
  }
}

TEST(FireControlQuality, NoRoundAtACoastingTrack) {
  // Seeds 10 and 18: a kill assessed as a survival, the dead target's track coasting, a second round
  // without the coasting rule and the score-drop rule (the drop from the score's peak holds most such
  // tracks too). Seed 15: one the score-drop rule alone lets through (measured over seeds 1-20 with
  // two-point initiation: 5 rounds at false tracks with neither rule, 1 with the score-drop rule
  // alone, 0 with the coasting rule alone or both).
  const Override no_coast{"battalions[0].doctrine.fire_control_max_misses", "0"};
  const Override no_drop{"battalions[0].doctrine.fire_control_max_score_drop", "0"};
  int without_rules = 0;
  for (unsigned seed : {10u, 18u}) {
    EXPECT_EQ(rounds_at_false_tracks(run(seed)), 0) << "seed " << seed;
    without_rules += rounds_at_false_tracks(run(seed, {no_coast, no_drop}));
  }
  EXPECT_GE(without_rules, 1) << "the seeds exercise the rules";
  EXPECT_EQ(rounds_at_false_tracks(run(15)), 0);
  EXPECT_GE(rounds_at_false_tracks(run(15, {no_coast})), 1) << "the coasting rule acts where the score-drop rule does not";
}

TEST(FireControlQuality, NoRoundAtAClutterTrackWithTheUkfAndJpda) {
  // With the UKF and JPDA, clutter feeds tracks: M-of-N confirms clutter tracks (seed 11: a round at
  // one without the minimum-score rule), and a dead drone's track lives on clutter for a minute with
  // a cumulative score far above the threshold, falling from its peak (seed 1: a round at it without
  // the score-drop rule). Measured over seeds 1-20 with two-point initiation: 2 rounds at false tracks
  // with neither rule, 1 with either alone, 0 with both.
  const Override ukf_jpda{"battalions[0].tracker", "{filter: ukf, association: jpda}"};
  for (unsigned seed : {1u, 11u}) EXPECT_EQ(rounds_at_false_tracks(run(seed, {ukf_jpda})), 0) << "seed " << seed;
  EXPECT_GE(rounds_at_false_tracks(run(11, {ukf_jpda, {"battalions[0].doctrine.fire_control_min_score", "-1e9"}})), 1)
      << "M-of-N confirms clutter tracks that draw rounds without the minimum score";
  EXPECT_GE(rounds_at_false_tracks(run(1, {ukf_jpda, {"battalions[0].doctrine.fire_control_max_score_drop", "0"}})), 1)
      << "a dead target's clutter-fed track draws a round without the score-drop rule";
}

TEST(FireControlQuality, NoLaunchAtATrackCoastingSinceItsOrder) {
  // Seed 13: an order on drone-1's track, then drone-1 killed by another round; at the launch time the
  // track had missed every look since: the launch is called off.
  auto coasting_cancels = [](const RunRecord& r) {
    int n = 0;
    for (const Event& e : r.events) n += e.type == EventType::LaunchCancelled && e.detail.find("coasting") != std::string::npos ? 1 : 0;
    return n;
  };
  EXPECT_GE(coasting_cancels(run(13)), 1);
  EXPECT_EQ(coasting_cancels(run(13, {{"battalions[0].doctrine.fire_control_max_misses", "0"}})), 0);
}

}  // namespace
}  // namespace skyshield
