// The layered network end to end: two battalions that can both reach every threat. With the shared
// air picture no threat has interceptors of both battalions in the air at once (truth from the
// scoring association, unambiguous here: the threats fly 40 km apart); without it, they double up.
#include <gtest/gtest.h>

#include <algorithm>

#include "scenario/loader.hpp"
#include "sim/engine.hpp"

namespace skyshield {
namespace {

const std::string kScenario = SKYSHIELD_SOURCE_DIR "/tests/sim/data/two_battalions.yaml";

// Pairs of interceptors from different battalions on the same real threat with overlapping flights.
int cross_battalion_overlaps(const RunRecord& r) {
  int n = 0;
  for (const InterceptorRecord& a : r.interceptors)
    for (const InterceptorRecord& b : r.interceptors) {
      if (a.id >= b.id || a.battalion == b.battalion || a.threat != b.threat || a.threat.empty()) continue;
      // One that killed another threat than it was scored against at launch was engaging that one
      // (its track had taken over a neighbour): no evidence of a double engagement of `threat`.
      if ((!a.killed_threat.empty() && a.killed_threat != a.threat) || (!b.killed_threat.empty() && b.killed_threat != b.threat)) continue;
      const double a_end = a.outcome_time_s < 0 ? 1e18 : a.outcome_time_s, b_end = b.outcome_time_s < 0 ? 1e18 : b.outcome_time_s;
      if (a.launch_time_s < b_end && b.launch_time_s < a_end) ++n;
    }
  return n;
}

TEST(Network, DeconflictedBattalionsNeverDoubleUp) {
  const RunRecord with = run_scenario(load_scenario(kScenario));
  const RunRecord without = run_scenario(load_scenario(kScenario, {{"network", "{deconflict: false}"}}));
  EXPECT_EQ(cross_battalion_overlaps(with), 0);
  EXPECT_GT(cross_battalion_overlaps(without), 0);  // the test scenario does exercise the mechanism
  for (const char* bn : {"west", "east"}) {  // both battalions took part
    int fired = 0;
    for (const InterceptorRecord& i : with.interceptors) fired += i.battalion == bn ? 1 : 0;
    EXPECT_GT(fired, 0) << bn;
  }
  // The first salvo (launches before the first outcome) is smaller: without the shared picture both
  // battalions fire at each threat. (Totals over the run also count re-engagements after misses.)
  const auto first_salvo = [](const RunRecord& r) {
    double first_outcome = 1e18;
    for (const InterceptorRecord& i : r.interceptors)
      if (i.outcome_time_s >= 0) first_outcome = std::min(first_outcome, i.outcome_time_s);
    int n = 0;
    for (const InterceptorRecord& i : r.interceptors) n += i.launch_time_s < first_outcome ? 1 : 0;
    return n;
  };
  EXPECT_LT(first_salvo(with), first_salvo(without));
}

TEST(Network, FusedPictureHasNoDuplicatesAndBeatsEachBattalion) {
  // Both battalions see every threat: without correlation, the network picture would hold about two
  // tracks per object (a false track per object). With correlation and covariance intersection it
  // holds one, and the fused estimates are closer to the truth than either battalion's: OSPA, GOSPA
  // and RMS error each better than the better battalion's (issue 31).
  const RunRecord r = run_scenario(load_scenario(kScenario));
  ASSERT_EQ(r.track_quality.size(), 3u);
  const TrackQualitySummary& west = r.track_quality[0].summary;
  const TrackQualitySummary& east = r.track_quality[1].summary;
  const TrackQualitySummary& net = r.track_quality[2].summary;
  EXPECT_EQ(r.track_quality[2].scope, "network");
  ASSERT_GT(net.samples, 20);
  EXPECT_LT(net.mean_false, 0.5);
  EXPECT_LT(net.rms_localisation_m, std::min(west.rms_localisation_m, east.rms_localisation_m));
  EXPECT_LT(net.mean_ospa_m, std::min(west.mean_ospa_m, east.mean_ospa_m));
  EXPECT_LT(net.mean_gospa_m, std::min(west.mean_gospa_m, east.mean_gospa_m));
  EXPECT_LE(net.mean_missed, std::min(west.mean_missed, east.mean_missed) + 0.05);
  int rows = 0;
  for (const TrackScoreRow& row : r.track_scores) rows += row.scope == "network";
  EXPECT_EQ(rows, net.samples);
}

int fired_by(const RunRecord& r, const std::string& battalion) {
  int n = 0;
  for (const InterceptorRecord& i : r.interceptors) n += i.battalion == battalion ? 1 : 0;
  return n;
}

std::vector<const Event*> events_of(const RunRecord& r, EventType type) {
  std::vector<const Event*> out;
  for (const Event& e : r.events)
    if (e.type == type) out.push_back(&e);
  return out;
}

// Sectors: every threat comes from the north. West owns the northern half, east the southern half.
const std::vector<Override> kSectors{{"battalions[0].sector", "{center_deg: 0, width_deg: 180}"},
                                     {"battalions[1].sector", "{center_deg: 180, width_deg: 180}"}};

TEST(Network, EachBattalionEngagesOnlyInItsSector) {
  const RunRecord r = run_scenario(load_scenario(kScenario, kSectors));
  EXPECT_GT(fired_by(r, "west"), 0);
  EXPECT_EQ(fired_by(r, "east"), 0);
  EXPECT_TRUE(events_of(r, EventType::Handover).empty());
}

TEST(Network, LostEngagementRadarHandsTheSectorToTheNearestBattalion) {
  std::vector<Override> o = kSectors;
  o.push_back({"battalions[0].radars[1].fails_at_s", "0"});  // west's engagement radar
  const RunRecord r = run_scenario(load_scenario(kScenario, o));
  EXPECT_EQ(fired_by(r, "west"), 0);
  EXPECT_GT(fired_by(r, "east"), 0);
  const auto lost = events_of(r, EventType::RadarLost);
  ASSERT_EQ(lost.size(), 1u);
  EXPECT_EQ(lost[0]->entity, "west/er");
  const auto handover = events_of(r, EventType::Handover);
  ASSERT_EQ(handover.size(), 1u);
  EXPECT_EQ(handover[0]->entity, "west");
  EXPECT_EQ(handover[0]->target, "east");
}

TEST(Network, WarheadOnADefendedRadarPutsItOutOfAction) {
  // East's engagement radar is a defended asset; a cruise missile aimed at it, which nobody engages
  // (hold fire on cruise missiles), destroys it: east fires nothing at the aircraft after that.
  const RunRecord r = run_scenario(load_scenario(
      kScenario,
      {{"battalions[1].radars[1].defended", "{value: 5, radius_m: 300}"},
       {"battalions[0].doctrine", "{hold_fire: [cruise_missile]}"},
       {"battalions[1].doctrine", "{hold_fire: [cruise_missile]}"},
       {"threats", "[{name: cm, type: subsonic_cruise_missile, target: east/er, route: [{from: base, bearing_deg: 150.0, "
                   "range_km: 60.0, alt: 50.0}, {from: base, bearing_deg: 90.0, range_km: 6.5, alt: 50.0}]}, "
                   "{name: a1, type: strike_fighter, launch_time_s: 200, target: base, route: [{from: base, bearing_deg: "
                   "0.0, range_km: 220.0, alt: 7000.0}, {from: base, bearing_deg: 0.0, range_km: 60.0, alt: 6000.0}]}]"}}));
  const auto lost = events_of(r, EventType::RadarLost);
  ASSERT_EQ(lost.size(), 1u);
  EXPECT_EQ(lost[0]->entity, "east/er");
  EXPECT_NE(lost[0]->detail.find("warhead of cm"), std::string::npos) << lost[0]->detail;
  for (const InterceptorRecord& i : r.interceptors)
    if (i.battalion == "east") {
      EXPECT_LT(i.launch_time_s, lost[0]->t);
    }
  EXPECT_GT(fired_by(r, "west"), 0);  // the aircraft is still engaged, by west
}

TEST(Network, OuterLayerShootsFirstWhenBothLayersCan) {
  // West keeps its long-range (250 km) launchers, east gets short-range (40 km) ones. A cruise
  // missile appears 35 km out, inside both layers' reach. Whichever battalion confirms its track
  // first, the outer layer takes the first shot; the inner one fires only after it has been resolved.
  for (const char* seed : {"1", "2", "3", "4", "5", "6"}) {
    const RunRecord r = run_scenario(load_scenario(
        kScenario, {{"simulation.seed", seed},
                    {"network", "{outer_layers_first: true}"},
                    {"battalions[1].launchers[0].class", "short_range"},
                    {"battalions[1].launchers[1].class", "short_range"},
                    {"threats", "[{name: cm, type: subsonic_cruise_missile, target: base, route: [{from: base, bearing_deg: "
                                "0.0, range_km: 35.0, alt: 40.0}, {from: base, bearing_deg: 0.0, range_km: 0.0, alt: 40.0}]}]"}}));
    ASSERT_FALSE(r.interceptors.empty()) << "seed " << seed;
    const InterceptorRecord* first = &r.interceptors[0];
    for (const InterceptorRecord& i : r.interceptors)
      if (i.launch_time_s < first->launch_time_s) first = &i;
    EXPECT_EQ(first->battalion, "west") << "seed " << seed;
    EXPECT_EQ(first->layer, "LR") << "seed " << seed;
    for (const InterceptorRecord& i : r.interceptors)
      if (i.battalion == "east") {
        EXPECT_GE(i.launch_time_s, first->outcome_time_s) << "seed " << seed << " " << i.name;
      }
  }
}

TEST(Network, LayeredRaidHasAlmostNoDoubleEngagements) {
  // The ready layered scenario (five battalions, 100 threats, drone streams 400 m apart, cruise
  // missiles 1.5 km apart at 40 m): hardly any threat has interceptors of two battalions in the air
  // at once. Not none: in those streams a battalion's track can slip to the next missile, and the
  // threat a launch is scored against is the truth nearest its track at launch, so two battalions'
  // tracks of neighbouring missiles can both be scored against one (seen at seed 3 of the version
  // before the tracker's speed work, and at seed 1 after rounding-level changes: one overlap each).
  // Without deconfliction the same raid has 83 overlaps (measured with network.deconflict: false).
  const RunRecord r = run_scenario(load_scenario(SKYSHIELD_SOURCE_DIR "/scenarios/layered.yaml"));
  EXPECT_GT(r.interceptors.size(), 50u);
  EXPECT_LE(cross_battalion_overlaps(r), 2);
}

}  // namespace
}  // namespace skyshield
