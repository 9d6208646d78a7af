// Suppression of air defences through the engine (docs/sead.md), on tests/sim/data/sead_small.yaml:
// one X-band anti-radiation missile against a battalion that holds fire. Without EMCON it destroys the
// engagement radar, the sector goes to the other battalion and comes back when the radar is replaced;
// with EMCON the radar falls silent on the ARM track (its tracks coast and drop) and the ARM misses on
// memory; with a decoy emitter radiating, the ARM takes the decoy instead.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "scenario/loader.hpp"
#include "sim/engine.hpp"

namespace skyshield {
namespace {

const std::string kScenario = SKYSHIELD_SOURCE_DIR "/tests/sim/data/sead_small.yaml";

std::vector<Event> events_of(const RunRecord& r, EventType type, const std::string& entity = "") {
  std::vector<Event> out;
  for (const Event& e : r.events)
    if (e.type == type && (entity.empty() || e.entity == entity)) out.push_back(e);
  return out;
}

double arm_end_t(const RunRecord& r) {
  for (const ThreatRecord& t : r.threats)
    if (t.name == "arm") return t.outcome_time_s;
  return -1.0;
}

TEST(Sead, ArmDestroysTheRadarTheSectorMovesAndComesBackAfterRepair) {
  const RunRecord r = run_scenario(load_scenario(kScenario));
  const auto lost = events_of(r, EventType::RadarLost, "west/er");
  ASSERT_EQ(lost.size(), 1u);
  EXPECT_NE(lost[0].detail.find("anti-radiation missile arm"), std::string::npos);
  EXPECT_NEAR(lost[0].t, arm_end_t(r), 1e-9);
  const auto handover = events_of(r, EventType::Handover, "west");
  ASSERT_EQ(handover.size(), 1u);
  EXPECT_EQ(handover[0].target, "east");
  // repair_s: 30 in the scenario.
  const auto restored = events_of(r, EventType::RadarRestored, "west/er");
  ASSERT_EQ(restored.size(), 1u);
  EXPECT_NEAR(restored[0].t, lost[0].t + 30.0, 0.05 + 1e-9);
  EXPECT_EQ(restored[0].detail, "repaired; sector taken back");
  EXPECT_TRUE(events_of(r, EventType::RadarLost, "west/sr").empty());   // an X-band seeker: the S-band radar is not its target
}

TEST(Sead, WithOnlyWestSilentTheArmTakesEastsRadar) {
  const RunRecord r = run_scenario(load_scenario(kScenario, {{"battalions[0].doctrine.emcon", "{mode: shutdown}"}}));
  EXPECT_TRUE(events_of(r, EventType::RadarLost, "west/er").empty());
  EXPECT_EQ(events_of(r, EventType::RadarLost, "east/er").size(), 1u);
}

TEST(Sead, EmconShutdownSavesTheRadarAtTheCostOfItsTracks) {
  // Both battalions: with east radiating the seeker would take east's radar once west falls silent.
  const RunRecord r = run_scenario(load_scenario(kScenario, {{"battalions[0].doctrine.emcon", "{mode: shutdown, hold_s: 10.0}"},
                                                             {"battalions[1].doctrine.emcon", "{mode: shutdown, hold_s: 10.0}"}}));
  EXPECT_TRUE(events_of(r, EventType::RadarLost).empty());
  const auto off = events_of(r, EventType::EmissionOff, "west/er");
  const auto on = events_of(r, EventType::EmissionOn, "west/er");
  ASSERT_GE(off.size(), 1u);
  ASSERT_GE(on.size(), 1u);
  // Warned from the picture inside 80 km (the default warning range) before the impact; back on after it.
  const double end = arm_end_t(r);
  EXPECT_LT(off[0].t, end - 80e3 / 700.0 * 0.5);
  EXPECT_GT(on[0].t, end);
  // The cost: west's tracks are dropped while it is silent (the ARM's among them).
  int dropped = 0;
  for (const Event& e : events_of(r, EventType::TrackDeleted))
    if (e.entity.rfind("west/", 0) == 0 && e.t > off[0].t && e.t < on[0].t) ++dropped;
  EXPECT_GE(dropped, 1);
  // No emitter near the impact: nothing was hit (the ARM ended on its memory, away from the radar).
  EXPECT_TRUE(events_of(r, EventType::DecoyEmitterHit).empty());
}

TEST(Sead, ADecoyEmitterDrawsTheArmOnceTheRadarIsSilent) {
  const RunRecord r = run_scenario(load_scenario(kScenario, {{"battalions[0].doctrine.emcon", "{mode: shutdown}"},
                                                             {"battalions[1].doctrine.emcon", "{mode: shutdown}"},
                                                             {"decoy_emitters[0].radiate_from_s", "0.0"}}));
  EXPECT_TRUE(events_of(r, EventType::RadarLost).empty());
  const auto hit = events_of(r, EventType::DecoyEmitterHit, "decoy");
  ASSERT_EQ(hit.size(), 1u);
  EXPECT_LE(hit[0].value, 30.0);   // within the lethal radius
}

TEST(Sead, SameSeedSameEvents) {
  const Scenario s = load_scenario(kScenario, {{"battalions[0].doctrine.emcon", "{mode: blink, blink_on_s: 1.0, blink_off_s: 4.0}"}});
  const RunRecord a = run_scenario(s), b = run_scenario(s);
  ASSERT_EQ(a.events.size(), b.events.size());
  for (std::size_t i = 0; i < a.events.size(); ++i) {
    EXPECT_EQ(a.events[i].t, b.events[i].t);
    EXPECT_EQ(a.events[i].detail, b.events[i].detail);
  }
}

// Gate pull-off (tests/sim/data/gate_pull_off.yaml): the tracks the battalion confirms on the jet and
// those it deletes while the jet still flies (broken tracks).
struct TrackHistory {
  int confirmed = 0, broken = 0;
};
TrackHistory jet_tracks(const RunRecord& r) {
  double end = 1e18;
  for (const ThreatRecord& t : r.threats)
    if (t.name == "jet") end = t.outcome_time_s;
  std::vector<std::string> ids;
  TrackHistory h;
  for (const Event& e : r.events) {
    if (e.type == EventType::TrackConfirmed && e.target == "jet") {
      ++h.confirmed;
      ids.push_back(e.entity);
    }
    if (e.type == EventType::TrackDeleted && e.t < end && std::find(ids.begin(), ids.end(), e.entity) != ids.end()) ++h.broken;
  }
  return h;
}

TEST(Sead, GatePullOffBreaksTheTrackAndTheRadarReacquires) {
  const std::string file = SKYSHIELD_SOURCE_DIR "/tests/sim/data/gate_pull_off.yaml";
  const TrackHistory plain = jet_tracks(run_scenario(load_scenario(file, {{"threats[0].type", "plain"}})));
  EXPECT_EQ(plain.confirmed, 1);   // without the repeater: one track, held to the end
  EXPECT_EQ(plain.broken, 0);
  const TrackHistory pulled = jet_tracks(run_scenario(load_scenario(file)));
  EXPECT_GE(pulled.broken, 1);                       // dragged off and dropped ...
  EXPECT_GE(pulled.confirmed, pulled.broken);        // ... and re-acquired after each break
  EXPECT_GE(pulled.confirmed, 2);
}

}  // namespace
}  // namespace skyshield
