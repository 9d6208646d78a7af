#pragma once
// `--fidelity full|fast` on run, mc, sweep and bench (scenario/fidelity.hpp), and
// `skyshield compare-fidelity SCENARIO --runs N`: both models on the same seeds, side by side
// (analysis/fidelity_compare.hpp, docs/fidelity.md).
#include <CLI/CLI.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "scenario/scenario.hpp"

namespace skyshield {

// Adds `--fidelity full|fast` to a subcommand (empty: the scenario's `simulation.fidelity`).
void add_fidelity_option(CLI::App& sub, std::string& fidelity);
// Sets the scenario's fidelity from the option's text (nothing when it is empty).
void apply_fidelity(Scenario& s, const std::string& fidelity);

struct CompareFidelityCli {
  std::string path;
  int runs = 40, threads = 1;
  std::optional<std::uint64_t> seed;
  CLI::App* add_to(CLI::App& app);
  int run() const;
};

}  // namespace skyshield
