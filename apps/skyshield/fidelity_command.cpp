#include "fidelity_command.hpp"

#include <fmt/format.h>

#include <chrono>
#include <iostream>
#include <thread>

#include "analysis/fidelity_compare.hpp"
#include "core/error.hpp"
#include "progress_bar.hpp"
#include "scenario/loader.hpp"
#include "sim/engine.hpp"

namespace skyshield {

void add_fidelity_option(CLI::App& sub, std::string& fidelity) {
  sub.add_option("--fidelity", fidelity,
                 "Model resolution: full (the reference) or fast (no false alarms, radars and trackers every 0.5 s, "
                 "0.5 s steps while nothing is engaged; docs/fidelity.md). Default: the scenario's simulation.fidelity (full)")
      ->check(CLI::IsMember({"full", "fast"}));
}

void apply_fidelity(Scenario& s, const std::string& fidelity) {
  if (fidelity.empty()) return;
  const std::optional<Fidelity> f = fidelity_from_string(fidelity);
  if (!f) throw InputError(fmt::format("--fidelity {}: must be full or fast", fidelity));
  s.sim.fidelity = *f;
}

CLI::App* CompareFidelityCli::add_to(CLI::App& app) {
  threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  CLI::App* sub = app.add_subcommand("compare-fidelity",
                                     "Run the full and the fast model on the same seeds and compare every per-class kill and "
                                     "leak rate (95 % intervals, two-sample tests; docs/fidelity.md)");
  sub->add_option("scenario", path, "Scenario YAML file")->required();
  sub->add_option("--runs", runs, fmt::format("Runs of each model (at most {})", kMaxMonteCarloRuns / 2))
      ->check(CLI::Range(1, kMaxMonteCarloRuns / 2))
      ->capture_default_str();
  sub->add_option("--seed", seed, "Base seed of both batches (run i uses a seed derived from (seed, i))");
  sub->add_option("--threads", threads, "Worker threads (results do not depend on it)")->check(CLI::Range(1, 1024));
  return sub;
}

int CompareFidelityCli::run() const {
  Scenario full = load_scenario(path);
  full.sim.fidelity = Fidelity::Full;
  Scenario fast = full;
  fast.sim.fidelity = Fidelity::Fast;
  const std::uint64_t base = seed.value_or(full.sim.seed);
  prepare_flyouts(full);  // the tables are shared by both copies (one flyout model per class)
  double wall[2] = {0.0, 0.0};
  MonteCarloResult result[2];
  const Scenario* models[2] = {&full, &fast};
  for (int m = 0; m < 2; ++m) {
    ProgressBar bar(fmt::format("'{}', {} model, {} threads", full.name, to_string(models[m]->sim.fidelity), threads), "runs");
    MonteCarloOptions opt;
    opt.progress = [&](int done, int total) { bar.update(done, total); };
    const auto t0 = std::chrono::steady_clock::now();
    result[m] = run_monte_carlo(*models[m], runs, threads, base, opt);
    wall[m] = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    bar.update(1, 1);
  }
  std::cout << fidelity_table(compare_fidelity(result[0], result[1]), full.name, runs, base);
  // Wall times on standard error: the table itself depends only on the scenario, runs and seed.
  std::cerr << fmt::format("wall time: full {:.1f} s, fast {:.1f} s ({:.1f}x) on {} threads\n", wall[0], wall[1],
                           wall[0] / std::max(wall[1], 1e-9), threads);
  return 0;
}

}  // namespace skyshield
