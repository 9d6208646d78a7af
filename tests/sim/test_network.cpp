// The layered network end to end: two battalions that can both reach every threat. With the shared
// air picture no threat has interceptors of both battalions in the air at once (truth from the
// scoring association, unambiguous here: the threats fly 40 km apart); without it, they double up.
#include <gtest/gtest.h>

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
      if (a.id >= b.id || a.battalion == b.battalion || a.threat != b.threat || a.threat.empty() || a.threat == "false track") continue;
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
  EXPECT_LT(with.interceptors.size(), without.interceptors.size());
}

TEST(Network, FusedPictureHasNoDuplicatesAndBeatsEachBattalion) {
  // Both battalions see every threat: without correlation, the network picture would hold about two
  // tracks per object (a false track per object). With correlation and covariance intersection it
  // holds one, and the fused estimates are closer to the truth than either battalion's.
  const RunRecord r = run_scenario(load_scenario(kScenario));
  ASSERT_EQ(r.track_quality.size(), 3u);
  const TrackQualitySummary& west = r.track_quality[0].summary;
  const TrackQualitySummary& east = r.track_quality[1].summary;
  const TrackQualitySummary& net = r.track_quality[2].summary;
  EXPECT_EQ(r.track_quality[2].scope, "network");
  ASSERT_GT(net.samples, 20);
  EXPECT_LT(net.mean_false, 0.5);
  EXPECT_LT(net.rms_localisation_m, std::min(west.rms_localisation_m, east.rms_localisation_m));
  EXPECT_LE(net.mean_missed, std::min(west.mean_missed, east.mean_missed) + 0.05);
  int rows = 0;
  for (const TrackScoreRow& row : r.track_scores) rows += row.scope == "network";
  EXPECT_EQ(rows, net.samples);
}

}  // namespace
}  // namespace skyshield
