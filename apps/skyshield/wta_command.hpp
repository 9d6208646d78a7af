#pragma once
// `skyshield wta`: the static weapon-target assignment solvers alone, on an instance file (either
// layout of c2/wta_instance.hpp) or a generated instance of the standard families.
#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>

namespace skyshield {

struct WtaCli {
  std::string path, random, save, out, solver = "exact";
  double time_limit_s = 10.0;
  long long max_nodes = 0;
  std::uint64_t seed = 1;
  CLI::App* add_to(CLI::App& app);
  int run() const;
};

}  // namespace skyshield
