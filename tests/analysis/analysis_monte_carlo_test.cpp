// Monte Carlo: results do not depend on the thread count, and run i is exactly the single run with
// seed run_seed(base, i) (so a run can be replayed alone with `skyshield run --seed`).
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>

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

namespace skyshield {
namespace {

// Ctrl-C in a batch (MonteCarloOptions::should_stop): the runs in progress are dropped, the finished
// ones kept, each identical to the same run of the whole batch.
TEST(MonteCarlo, AStoppedBatchKeepsItsFinishedRunsOnly) {
  const MonteCarloResult whole = run_monte_carlo(minimal(), 6, 1, 11);
  std::atomic<int> finished{0};
  MonteCarloOptions opt;
  opt.on_row = [&](const RunRow&) { ++finished; };
  opt.should_stop = [&] { return finished.load() >= 2; };
  const MonteCarloResult part = run_monte_carlo(minimal(), 6, 1, 11, opt);
  EXPECT_TRUE(part.interrupted);
  ASSERT_EQ(part.rows.size(), 2u);
  for (const RunRow& r : part.rows) {
    EXPECT_EQ(r.seed, whole.rows[r.run].seed);
    EXPECT_EQ(r.fired, whole.rows[r.run].fired);
    EXPECT_EQ(r.killed, whole.rows[r.run].killed);
  }
  EXPECT_NE(mc_json(part).find("\"interrupted\": true"), std::string::npos);
}

// A single run polled to stop at once ends at its first step, marked incomplete.
TEST(MonteCarlo, AStoppedRunIsMarkedIncomplete) {
  RunOptions opt;
  opt.should_stop = [] { return true; };
  const RunRecord r = run_scenario(minimal(), opt);
  EXPECT_TRUE(r.interrupted);
  EXPECT_LE(r.end_time_s, minimal().sim.step_s + 1e-9);
}

}  // namespace
}  // namespace skyshield
