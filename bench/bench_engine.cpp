// Scenario-level benchmark: the whole default engagement, per run and per simulated step.
#include <benchmark/benchmark.h>

#include "analysis/monte_carlo.hpp"
#include "scenario/loader.hpp"
#include "sim/engine.hpp"

using namespace skyshield;

static void BM_DefaultScenarioRun(benchmark::State& state) {
  const Scenario s = load_scenario(SKYSHIELD_SOURCE_DIR "/scenarios/default.yaml");
  prepare_flyouts(s);   // the flyout tables (built once per process, ~4 s) are not part of a run
  RunOptions opt;
  opt.record_trajectories = state.range(0) != 0;
  long long steps = 0;
  for (auto _ : state) {
    const RunRecord r = run_scenario(s, opt);
    steps += r.steps;
    benchmark::DoNotOptimize(r.events.size());
  }
  state.counters["steps"] = benchmark::Counter(static_cast<double>(steps), benchmark::Counter::kIsRate);
  state.counters["s_per_step"] =
      benchmark::Counter(static_cast<double>(steps), benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_DefaultScenarioRun)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// Monte Carlo throughput: 4 runs of the default scenario on 1 or 2 worker threads (runs per second;
// the ratio of the two is the parallel speed-up).
static void BM_MonteCarloDefault(benchmark::State& state) {
  const Scenario s = load_scenario(SKYSHIELD_SOURCE_DIR "/scenarios/default.yaml");
  prepare_flyouts(s);
  const int threads = static_cast<int>(state.range(0));
  long long runs = 0;
  for (auto _ : state) {
    const MonteCarloResult r = run_monte_carlo(s, 4, threads, 1);
    runs += static_cast<long long>(r.rows.size());
    benchmark::DoNotOptimize(r.rows.data());
  }
  state.counters["runs"] = benchmark::Counter(static_cast<double>(runs), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_MonteCarloDefault)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
