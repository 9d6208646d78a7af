// WTA solvers on the standard random families (Ahuja, Kumar, Jha & Orlin 2007: Pk U[0.6, 0.9],
// values U[25, 100]): W weapon types x 2W targets x mi copies, seed 1. Counters: the objective, and its
// gap to the best lower bound the exact solver proves in 1 s (an upper bound on the true optimality
// gap; tools/wta_benchmark.py gives the 10 s bounds and the exact solver's own figures).
#include <benchmark/benchmark.h>

#include <map>

#include "c2/wta_instance.hpp"
#include "c2/wta_solvers.hpp"

using namespace skyshield;

namespace {
// Lower bound per instance, computed once (exact solver, 1 s).
double proven_bound(int w, int mi, const WtaProblem& p) {
  static std::map<std::pair<int, int>, double> cache;
  const auto key = std::make_pair(w, mi);
  if (!cache.count(key)) {
    WtaLimits lim;
    lim.time_limit_s = 1.0;
    cache[key] = wta_branch_and_bound(p, lim).lower_bound;
  }
  return cache[key];
}
}  // namespace

static void BM_WtaSolver(benchmark::State& state) {
  const int w = static_cast<int>(state.range(0)), mi = static_cast<int>(state.range(1));
  const auto solver = static_cast<WtaSolver>(state.range(2));
  const WtaProblem p = generate_wta_instance(w, 2 * w, 1, mi);
  WtaLimits lim;
  lim.time_limit_s = 1.0;
  WtaResult r;
  for (auto _ : state) {
    r = solve_wta(p, solver, lim);
    benchmark::DoNotOptimize(r.value);
  }
  const double lb = proven_bound(w, mi, p);
  state.counters["objective"] = r.value;
  state.counters["gap_to_bound_pct"] = 100.0 * (r.value - lb) / r.value;
  state.SetLabel(to_string(solver));
}
BENCHMARK(BM_WtaSolver)
    ->ArgsProduct({{50, 100, 200, 300}, {1, 2, 3}, {static_cast<int>(WtaSolver::Greedy), static_cast<int>(WtaSolver::Heuristic)}})
    ->Unit(benchmark::kMillisecond);
