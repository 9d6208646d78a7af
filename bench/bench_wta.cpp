// WTA solvers on the published random instances (Ahuja, Kumar, Jha & Orlin 2007: Pk U[0.6, 0.9],
// values U[25, 100]), N weapons x N targets. Counters: the objective, and its gap to the best lower
// bound the exact solver proves in 1 s (an upper bound on the true optimality gap).
#include <benchmark/benchmark.h>

#include <map>

#include "c2/wta_instance.hpp"
#include "c2/wta_solvers.hpp"

using namespace skyshield;

namespace {
// Lower bound per instance size, computed once (exact solver, 1 s).
double proven_bound(int n, const WtaProblem& p) {
  static std::map<int, double> cache;
  if (!cache.count(n)) {
    WtaLimits lim;
    lim.time_limit_s = 1.0;
    cache[n] = wta_branch_and_bound(p, lim).lower_bound;
  }
  return cache[n];
}
}  // namespace

static void BM_WtaSolver(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const auto solver = static_cast<WtaSolver>(state.range(1));
  const WtaProblem p = generate_wta_instance(n, n, 1);
  WtaLimits lim;
  lim.time_limit_s = 1.0;
  WtaResult r;
  for (auto _ : state) {
    r = solve_wta(p, solver, lim);
    benchmark::DoNotOptimize(r.value);
  }
  const double lb = proven_bound(n, p);
  state.counters["objective"] = r.value;
  state.counters["gap_to_bound_pct"] = 100.0 * (r.value - lb) / r.value;
  state.counters["proven_optimal"] = r.optimal ? 1 : 0;
  state.SetLabel(to_string(solver));
}
BENCHMARK(BM_WtaSolver)
    ->ArgsProduct({{10, 50, 100, 200}, {static_cast<int>(WtaSolver::Greedy), static_cast<int>(WtaSolver::Heuristic),
                                        static_cast<int>(WtaSolver::Exact)}})
    ->Unit(benchmark::kMillisecond);
