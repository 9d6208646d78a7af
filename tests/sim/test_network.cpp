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

}  // namespace
}  // namespace skyshield
