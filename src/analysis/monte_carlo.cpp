#include "analysis/monte_carlo.hpp"

#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

#include "core/rng.hpp"
#include "record/summary.hpp"
#include "sim/engine.hpp"

namespace skyshield {

std::uint64_t run_seed(std::uint64_t seed, int index) {
  return Rng::stream(seed, "monte-carlo-run", static_cast<std::uint64_t>(index)).next_u64();
}

namespace {

RunRow row_of(const RunRecord& r, int index, std::uint64_t seed) {
  RunRow row;
  row.run = index;
  row.seed = seed;
  row.end_time_s = r.end_time_s;
  const Summary s = summarize(r);
  for (int c = 0; c < kThreatClassCount; ++c) {
    row.count[c] = s.by_class[c].count;
    row.killed[c] = s.by_class[c].killed;
    row.leaked[c] = s.by_class[c].leaked;
  }
  for (const LayerSummary& l : s.by_layer) {
    row.fired_by_layer.push_back(l.fired);
    row.kills_by_layer.push_back(l.kills);
  }
  row.fired = s.interceptors.fired;
  row.cost = s.interceptors.cost;
  for (const ThreatRecord& t : r.threats)
    if (t.outcome == "leaked" && t.impact_miss_m >= 0.0) ++row.asset_hits;
  return row;
}

}  // namespace

MonteCarloResult run_monte_carlo(const Scenario& scenario, int runs, int threads, std::uint64_t seed,
                                 const std::function<void(int, int)>& progress) {
  MonteCarloResult out;
  out.scenario = scenario.name;
  out.base_seed = seed;
  out.rows.resize(static_cast<std::size_t>(std::max(0, runs)));
  std::atomic<int> next{0};
  std::mutex mu;
  int done = 0;
  std::exception_ptr failure;
  auto worker = [&] {
    for (;;) {
      const int i = next.fetch_add(1);
      if (i >= runs) return;
      try {
        RunOptions opt;
        opt.seed = run_seed(seed, i);
        opt.record_trajectories = false;
        const RunRecord r = run_scenario(scenario, opt);
        RunRow row = row_of(r, i, *opt.seed);
        std::lock_guard lock(mu);
        if (out.layers.empty()) out.layers = r.layers;
        out.rows[i] = std::move(row);
        ++done;
        if (progress) progress(done, runs);
      } catch (...) {
        std::lock_guard lock(mu);
        if (!failure) failure = std::current_exception();
        next = runs;  // stop the others
        return;
      }
    }
  };
  std::vector<std::thread> pool;
  const int n = std::max(1, std::min(threads, std::max(1, runs)));
  for (int k = 0; k < n; ++k) pool.emplace_back(worker);
  for (std::thread& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
  return out;
}

}  // namespace skyshield
