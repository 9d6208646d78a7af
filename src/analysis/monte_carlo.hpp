#pragma once
// Monte Carlo: independent runs of one scenario. Run i uses the seed derived from (base seed, i),
// so a run's result depends only on its index: the rows are identical whatever the thread count.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/threat_class.hpp"
#include "scenario/scenario.hpp"

namespace skyshield {

// The figures of one run that the statistics use.
struct RunRow {
  int run = 0;
  std::uint64_t seed = 0;
  std::array<int, kThreatClassCount> count{}, killed{}, leaked{};
  std::array<int, kThreatClassCount> engaged{};   // threats with at least one interceptor fired at them
  std::array<int, kThreatClassCount> fired_at{};  // interceptors fired at threats of the class
  std::vector<int> fired_by_layer, kills_by_layer;   // parallel to MonteCarloResult::layers
  int fired = 0;
  double cost = 0.0;
  int asset_hits = 0;      // missiles and drones that reached their aim point
  double threat_cost_killed = 0.0;  // notional cost of the threats killed
  double end_time_s = 0.0;
  // The friendly side (record/summary.hpp FriendlySummary; docs/identification.md).
  int friendlies = 0, fratricide = 0, friendly_engaged = 0, rounds_at_friends = 0, hostiles_withheld = 0;
  // The SEAD side (record/sead_summary.hpp; docs/sead.md).
  bool sead = false;
  int arms = 0, arms_killed = 0, radars_lost = 0, decoy_emitters_hit = 0, rounds_at_air_decoys = 0;
  double radar_silent_s = 0.0;
};

struct MonteCarloResult {
  std::string scenario;
  std::uint64_t base_seed = 0;
  std::vector<std::string> layers;
  std::vector<RunRow> rows;  // in run order
  bool interrupted = false;  // stopped early: rows holds the finished runs only (still in run order)
};

// Every run's figures are kept in memory (the statistics, runs.csv; about 150 bytes a run before it
// runs): a batch, or a whole sweep, holds at most this many runs. More: several batches with other seeds.
inline constexpr int kMaxMonteCarloRuns = 100000;
// Throws InputError "--runs N: ..." naming the limit when runs > kMaxMonteCarloRuns.
void check_run_count(long long runs);

// Seed of run `index` under base seed `seed`.
std::uint64_t run_seed(std::uint64_t seed, int index);

struct MonteCarloOptions {
  std::function<void(int done, int total)> progress;   // after each run (serialised)
  std::vector<RunRow> finished;                        // runs already done (from a journal): not run again
  std::function<void(const RunRow&)> on_row;           // each newly finished run (serialised), e.g. to a journal
  int rank = 0, ranks = 1;   // process share: only runs with index % ranks == rank are run here
  // Polled between runs and inside them: true stops the batch; runs in progress are dropped (never
  // reported to on_row), finished ones kept.
  std::function<bool()> should_stop;
};

// Runs `runs` independent runs on `threads` worker threads (>= 1); rows of `finished` with an index
// below `runs` are taken as they are.
MonteCarloResult run_monte_carlo(const Scenario& scenario, int runs, int threads, std::uint64_t seed,
                                 const MonteCarloOptions& options = {});

}  // namespace skyshield
