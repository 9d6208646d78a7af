#include "analysis/monte_carlo.hpp"

#include <fmt/format.h>

#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

#include "core/error.hpp"
#include "core/rng.hpp"
#include "record/summary.hpp"
#include "sim/engine.hpp"

namespace skyshield {

std::uint64_t run_seed(std::uint64_t seed, int index) {
  return Rng::stream(seed, "monte-carlo-run", static_cast<std::uint64_t>(index)).next_u64();
}

void check_run_count(long long runs) {
  if (runs > kMaxMonteCarloRuns)
    throw InputError(fmt::format("--runs {}: at most {} runs in one batch or sweep (every run's figures are kept in memory); "
                                 "split a larger batch into several with different --seed",
                                 runs, kMaxMonteCarloRuns));
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
    row.fired_at[c] = s.by_class[c].interceptors_fired;
    row.engaged[c] = s.by_class[c].engaged;  // over the same threats as count: decoys and stages not counted
  }
  for (const LayerSummary& l : s.by_layer) {
    row.fired_by_layer.push_back(l.fired);
    row.kills_by_layer.push_back(l.kills);
  }
  row.fired = s.interceptors.fired;
  row.friendlies = s.friendly.flights;
  row.fratricide = s.friendly.fratricide;
  row.friendly_engaged = s.friendly.engaged;
  row.rounds_at_friends = s.friendly.rounds_at_friends;
  row.hostiles_withheld = s.friendly.hostiles_withheld;
  row.sead = s.sead.any();
  row.arms = s.sead.arms;
  row.arms_killed = s.sead.arms_killed;
  row.radars_lost = s.sead.radars_lost;
  row.decoy_emitters_hit = s.sead.decoy_emitters_hit;
  row.rounds_at_air_decoys = s.sead.rounds_at_air_decoys;
  row.radar_silent_s = s.sead.radar_silent_s;
  row.cost = s.interceptors.cost;
  for (const ThreatRecord& t : r.threats) {
    if (t.outcome == "leaked" && t.impact_miss_m >= 0.0) ++row.asset_hits;
    if (t.outcome == "killed") row.threat_cost_killed += t.unit_cost;
  }
  return row;
}

}  // namespace

MonteCarloResult run_monte_carlo(const Scenario& scenario, int runs, int threads, std::uint64_t seed,
                                 const MonteCarloOptions& options) {
  MonteCarloResult out;
  out.scenario = scenario.name;
  out.base_seed = seed;
  out.layers = layer_names(scenario);
  check_run_count(runs);
  runs = std::max(0, runs);
  out.rows.resize(static_cast<std::size_t>(runs));
  std::vector<char> have(out.rows.size(), 0);
  for (const RunRow& r : options.finished) {
    if (r.run < 0 || r.run >= runs || have[r.run]) continue;
    out.rows[r.run] = r;
    have[r.run] = 1;
  }
  std::vector<int> todo;
  int mine = 0;
  for (int i = 0; i < runs; ++i) {
    if (i % std::max(1, options.ranks) != options.rank) continue;
    ++mine;
    if (!have[i]) todo.push_back(i);
  }
  int done = mine - static_cast<int>(todo.size());  // progress counts this process's share
  if (options.progress) options.progress(done, mine);

  std::atomic<std::size_t> next{0};
  std::mutex mu;
  std::exception_ptr failure;
  auto worker = [&] {
    for (;;) {
      if (options.should_stop && options.should_stop()) return;
      const std::size_t k = next.fetch_add(1);
      if (k >= todo.size()) return;
      const int i = todo[k];
      try {
        RunOptions opt;
        opt.seed = run_seed(seed, i);
        opt.record_trajectories = false;
        opt.should_stop = options.should_stop;
        const RunRecord rec = run_scenario(scenario, opt);
        if (rec.interrupted) return;  // dropped: incomplete
        RunRow row = row_of(rec, i, *opt.seed);
        std::lock_guard lock(mu);
        have[i] = 1;
        if (options.on_row) options.on_row(row);
        out.rows[i] = std::move(row);
        ++done;
        if (options.progress) options.progress(done, mine);
      } catch (...) {
        std::lock_guard lock(mu);
        if (!failure) failure = std::current_exception();
        next = todo.size();  // stop the others
        return;
      }
    }
  };
  std::vector<std::thread> pool;
  const int n = std::max(1, std::min(threads, std::max(1, static_cast<int>(todo.size()))));
  for (int k = 0; k < n; ++k) pool.emplace_back(worker);
  for (std::thread& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
  if (options.should_stop && options.should_stop()) {
    // Keep what is complete: the finished runs (this process's share and those resumed).
    std::vector<RunRow> kept;
    for (std::size_t i = 0; i < out.rows.size(); ++i)
      if (have[i]) kept.push_back(std::move(out.rows[i]));
    out.interrupted = kept.size() < out.rows.size();
    if (out.interrupted) out.rows = std::move(kept);
  }
  return out;
}

}  // namespace skyshield
