// Fire-control quality of the tracks the command post engages (issue 31; docs/air-picture.md "Rounds
// at false tracks"), end to end on scenarios/default.yaml:
//  - an order whose track is dropped before its launch time is called off (launch_cancelled), the
//    round stays in the launcher: no interceptor leaves at a track number that no longer exists;
//  - a coasting track (fire_control_max_misses looks missed in a row) is not engaged: after a kill
//    assessed as a survival the dead target's coasting track drew a second round;
//  - a track whose score is below Wald's confirmation threshold (fire_control_min_score) is not
//    engaged: with the UKF and JPDA, M-of-N confirms clutter tracks that drew rounds;
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
  // Seeds 10 and 18: a kill assessed as a survival, the dead target's track coasting, a second round.
  int without_rule = 0;
  for (unsigned seed : {10u, 18u}) {
    EXPECT_EQ(rounds_at_false_tracks(run(seed)), 0) << "seed " << seed;
    without_rule += rounds_at_false_tracks(run(seed, {{"battalions[0].doctrine.fire_control_max_misses", "0"}}));
  }
  EXPECT_GE(without_rule, 1) << "the seeds exercise the rule";
}

TEST(FireControlQuality, NoRoundAtAClutterTrackWithTheUkfAndJpda) {
  const std::vector<Override> ukf_jpda{{"battalions[0].tracker", "{filter: ukf, association: jpda}"}};
  std::vector<Override> off = ukf_jpda;
  off.push_back({"battalions[0].doctrine.fire_control_min_score", "-1e9"});
  // Seed 1: 2 rounds at false tracks without the rule (4 before the merge tests of issue 31's
  // drone fix changed the run; seeds 1-10: 0-4 each).
  EXPECT_EQ(rounds_at_false_tracks(run(1, ukf_jpda)), 0);
  EXPECT_GE(rounds_at_false_tracks(run(1, off)), 2) << "M-of-N confirms clutter tracks that draw rounds without the rule";
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
