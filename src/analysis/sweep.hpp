#pragma once
// Parameter sweeps: a Monte Carlo batch at every combination of scenario-field values
// (`--param PATH=V1,V2,...`, the first parameter varying slowest). Every point uses the same base
// seed (common random numbers), so differences between points come from the parameters.
#include <functional>
#include <string>
#include <vector>

#include "analysis/monte_carlo.hpp"

namespace skyshield {

struct SweepParam {
  std::string path;                 // as given: threats[2].count or threats[drone].count
  std::vector<std::string> values;
  std::string label = {};           // list elements by name (name_sweep_params); empty: the path
};

// Parses "PATH=V1,V2,..." (values may not contain commas); throws InputError when malformed.
SweepParam parse_sweep_param(const std::string& text);

// Labels every parameter by the names of the list elements on its path (threats[2].count ->
// threats[drone].count), for the tables and pictures; throws InputError on a bad path.
void name_sweep_params(const std::string& scenario_path, std::vector<SweepParam>& params);

struct SweepPoint {
  std::vector<std::string> values;  // one per parameter
  MonteCarloResult result;
};

// How one point's batch is run: run_monte_carlo by default; under MPI, run_monte_carlo_mpi
// (analysis/mpi_batch.hpp), which spreads each point's runs over the ranks and gathers them on rank 0.
using SweepBatch =
    std::function<MonteCarloResult(const Scenario&, int runs, int threads, std::uint64_t seed, const MonteCarloOptions&)>;

// progress(done, total) counts runs over the whole sweep. The points times runs may not exceed
// kMaxMonteCarloRuns (InputError before any run). should_stop is polled between and inside runs:
// true ends the sweep with Interrupted (core/interrupt.hpp) naming the point reached.
std::vector<SweepPoint> run_sweep(const std::string& scenario_path, const std::vector<SweepParam>& params, int runs,
                                  int threads, std::uint64_t seed, const std::function<void(int, int)>& progress = {},
                                  const std::function<bool()>& should_stop = {}, const SweepBatch& batch = {});

std::string sweep_csv(const std::vector<SweepParam>& params, const std::vector<SweepPoint>& points);
std::string sweep_table(const std::vector<SweepParam>& params, const std::vector<SweepPoint>& points);
// Leakers per run (mean and 95 % CI of the mean) at each point.
std::string sweep_svg(const std::vector<SweepParam>& params, const std::vector<SweepPoint>& points);

}  // namespace skyshield
