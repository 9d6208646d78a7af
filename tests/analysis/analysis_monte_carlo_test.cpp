// Monte Carlo: results do not depend on the thread count, and run i is exactly the single run with
// seed run_seed(base, i) (so a run can be replayed alone with `skyshield run --seed`).
#include <gtest/gtest.h>

#include <algorithm>

#include "analysis/mc_report.hpp"
#include "record/summary.hpp"
#include "scenario/loader.hpp"
#include "sim/engine.hpp"

namespace skyshield {
namespace {

const Scenario& minimal() {
  static const Scenario s = load_scenario(SKYSHIELD_SOURCE_DIR "/tests/scenario/data/minimal.yaml");
  return s;
}

TEST(MonteCarlo, IdenticalOutputsForOneAndTwoThreads) {
  const MonteCarloResult a = run_monte_carlo(minimal(), 6, 1, 99);
  const MonteCarloResult b = run_monte_carlo(minimal(), 6, 2, 99);
  EXPECT_EQ(mc_json(a), mc_json(b));
  EXPECT_EQ(runs_csv(a), runs_csv(b));
  EXPECT_EQ(mc_svg(a), mc_svg(b));
  ASSERT_EQ(a.rows.size(), 6u);
  for (int i = 0; i < 6; ++i) EXPECT_EQ(a.rows[i].run, i);
}

TEST(MonteCarlo, RunIsTheSingleRunWithItsDerivedSeed) {
  const MonteCarloResult mc = run_monte_carlo(minimal(), 3, 2, 5);
  for (int i = 0; i < 3; ++i) {
    RunOptions opt;
    opt.seed = run_seed(5, i);
    opt.record_trajectories = false;
    const Summary s = summarize(run_scenario(minimal(), opt));
    EXPECT_EQ(mc.rows[i].seed, *opt.seed);
    EXPECT_EQ(mc.rows[i].fired, s.interceptors.fired);
    for (int c = 0; c < kThreatClassCount; ++c) {
      EXPECT_EQ(mc.rows[i].killed[c], s.by_class[c].killed);
      EXPECT_EQ(mc.rows[i].leaked[c], s.by_class[c].leaked);
    }
  }
  EXPECT_NE(run_seed(5, 0), run_seed(5, 1));
  EXPECT_NE(run_seed(5, 0), run_seed(6, 0));
}

TEST(MonteCarlo, StatisticsAreConsistentWithTheRows) {
  const MonteCarloResult mc = run_monte_carlo(minimal(), 4, 2, 11);
  const std::string csv = runs_csv(mc);
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 5);  // header + 4 rows
  int threats = 0, resolved = 0;
  for (const RunRow& r : mc.rows)
    for (int c = 0; c < kThreatClassCount; ++c) {
      threats += r.count[c];
      resolved += r.killed[c] + r.leaked[c];
      EXPECT_LE(r.killed[c] + r.leaked[c], r.count[c]);
    }
  EXPECT_EQ(threats, 8);  // 2 threats per run
  EXPECT_GT(resolved, 0);
}

}  // namespace
}  // namespace skyshield
