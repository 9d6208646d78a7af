#pragma once
// `skyshield bench [SCENARIO]`: runs a scenario without writing outputs and reports its speed:
// real-time factor, wall time per step split by part of the kill chain, peak memory.
#include <cstdint>
#include <optional>
#include <string>

namespace skyshield {

struct BenchOptions {
  std::string scenario = "scenarios/saturation.yaml";
  int runs = 1;
  double raid_scale = 1.0;   // every raid entry's count times this (at least 1): cost against raid size
  double duration_s = 0.0;   // > 0: simulate only this long (overrides simulation.duration_s)
  std::optional<std::uint64_t> seed;
  std::string fidelity;      // full or fast (empty: the scenario's simulation.fidelity)
};

int cmd_bench(const BenchOptions& options);

}  // namespace skyshield
