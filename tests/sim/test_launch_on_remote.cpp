// Issue 29's launch_on_remote (tests/sim/data/launch_on_remote.yaml): east's long-range rounds can
// reach four aircraft crossing 70 km from the base, but its radars (cut to 40 km) never hold them;
// west's radars do, and west's short-range rounds cannot reach them. Only east launching on west's
// tracks, guided by west's radars, engages them before they leave the envelope.
#include <gtest/gtest.h>

#include "c2/network/remote_track.hpp"
#include "scenario/loader.hpp"
#include "sim/engine.hpp"

namespace skyshield {
namespace {

const std::string kScenario = SKYSHIELD_SOURCE_DIR "/tests/sim/data/launch_on_remote.yaml";

RunRecord run(const std::string& east_doctrine) {
  std::vector<Override> o;
  if (!east_doctrine.empty()) o.push_back({"battalions[1].doctrine", east_doctrine});
  return run_scenario(load_scenario(kScenario, o));
}

int count(const RunRecord& r, auto&& pred) {
  int n = 0;
  for (const auto& x : r.interceptors) n += pred(x) ? 1 : 0;
  return n;
}

int leaked(const RunRecord& r) {
  int n = 0;
  for (const ThreatRecord& t : r.threats) n += t.outcome == "leaked" ? 1 : 0;
  return n;
}

// East's track numbers in the record are "east/T<number>".
bool remote_number(const std::string& track) {
  return is_remote_track_id(std::stoi(track.substr(track.find("/T") + 2)));
}

TEST(LaunchOnRemote, WithoutItNobodyCanEngageTheCrossingAircraft) {
  const RunRecord r = run("");
  EXPECT_EQ(r.interceptors.size(), 0u);
  EXPECT_EQ(leaked(r), 4);
}

TEST(LaunchOnRemote, EastLaunchesOnWestsTracksBeforeItsOwnRadarsHoldThem) {
  const RunRecord r = run("{launch_on_remote: true}");
  const int east = count(r, [](const InterceptorRecord& i) { return i.battalion == "east"; });
  EXPECT_GT(east, 0);
  EXPECT_GT(count(r, [](const InterceptorRecord& i) { return i.battalion == "east" && !i.killed_threat.empty(); }), 0);
  EXPECT_LT(leaked(r), 4);
  // Every launch is on a remote track number: east's own radars never held a target.
  int launches = 0;
  for (const Event& e : r.events)
    if (e.type == EventType::Launch) {
      ++launches;
      EXPECT_TRUE(remote_number(e.target)) << e.target;
    }
  EXPECT_EQ(launches, east);
}

TEST(LaunchOnRemote, NoFalseKillsFromTheGuidesTrack) {
  // Seed 1, before this fix, 3 of east's 8 remote-number rounds were assessed killed while their
  // target still flew (a false kill takes the target out of every battalion's engagement):
  //  - I1 and I3 self-destructed when west's track that gave their uplink broke (renumbered); the
  //    assessment read that track, now deleted, as "track lost": a kill. A self-destructed round is
  //    known to its fire control to have intercepted nothing.
  //  - I4 missed; west's engagement radar did not dwell on a target it did not engage itself, so in
  //    the 3 s assessment delay the surveillance scan (10 s) gave west's track no detection: "track
  //    coasting since the intercept", a kill. The guide's engagement radar now dwells on the targets
  //    of the rounds it guides for others and of their pending kill assessments.
  // The recorder scores each assessment against the truth (record/kill_assessment tally).
  const RunRecord r = run("{launch_on_remote: true}");
  EXPECT_GE(r.kill_assessment.assessed, 8);
  EXPECT_EQ(r.kill_assessment.false_kills, 0);
  for (const Event& e : r.events)
    if (e.type == EventType::AssessedKilled) {
      EXPECT_EQ(e.detail.find("false kill"), std::string::npos) << e.detail;
    }
}

TEST(LaunchOnRemote, RefusedWhenTheRemoteTrackCannotFillTheSeekerBasket) {
  // A required basket probability of 1 cannot be met by any track with an error: every shot on a
  // remote track is refused, with its reason on record, and east fires nothing.
  const RunRecord r = run("{launch_on_remote: true, remote_basket_probability: 1.0}");
  EXPECT_EQ(r.interceptors.size(), 0u);
  int refused = 0;
  for (const Event& e : r.events)
    if (e.type == EventType::Refused && e.entity.starts_with("E") && e.detail.starts_with("remote_accuracy") && remote_number(e.target))
      ++refused;
  EXPECT_GT(refused, 0);
}

}  // namespace
}  // namespace skyshield
