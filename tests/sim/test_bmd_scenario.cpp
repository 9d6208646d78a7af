// scenarios/bmd.yaml, seed 1, end to end (docs/bmd.md): the BMD doctrine keeps the rounds off the
// decoys, spent stages and debris, and every warhead, the IRBMs' ~4.5 km/s RVs included, becomes a
// confirmed track. Bounds, not pinned counts: the Monte Carlo figures are in docs/bmd.md.
#include <gtest/gtest.h>

#include "record/summary.hpp"
#include "scenario/loader.hpp"
#include "sim/engine.hpp"

namespace skyshield {
namespace {

TEST(BmdScenario, RoundsGoToWarheadsAndEveryWarheadIsTracked) {
  const Scenario s = load_scenario(SKYSHIELD_SOURCE_DIR "/scenarios/bmd.yaml");
  const RunRecord run = run_scenario(s, RunOptions{});
  const BallisticDefenceSummary b = summarize(run).bmd;
  EXPECT_EQ(b.warheads, 8);   // 4 SRBMs, 2 MRBM RVs, 2 IRBM RVs
  ASSERT_GT(b.rounds_at_warheads, 0);
  EXPECT_LE(b.non_warhead_share(), 0.3);   // the target (the raid before: 0.93)
  EXPECT_EQ(b.warheads_confirmed, b.warheads);
  for (const ThreatRecord& t : run.threats)
    if (t.name.rfind("irbm", 0) == 0 && t.name.find('/') == std::string::npos) {
      EXPECT_GE(t.first_track_s, 0.0) << t.name;
    }
}

}  // namespace
}  // namespace skyshield
