// Scenario-level benchmark: the whole default engagement, per run and per simulated step.
#include <benchmark/benchmark.h>

#include "scenario/loader.hpp"
#include "sim/engine.hpp"

using namespace skyshield;

static void BM_DefaultScenarioRun(benchmark::State& state) {
  const Scenario s = load_scenario(SKYSHIELD_SOURCE_DIR "/scenarios/default.yaml");
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
