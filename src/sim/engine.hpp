#pragma once
// The engine: a fixed-step, deterministic run of one scenario through the whole kill chain
// (threats fly -> radars look -> trackers fuse -> command posts decide -> launchers fire ->
// interceptors fly and fuze -> kill assessment), recorded into a RunRecord.
#include <cstdint>
#include <functional>
#include <optional>

#include "record/run_record.hpp"
#include "scenario/scenario.hpp"

namespace skyshield {

struct RunOptions {
  std::optional<std::uint64_t> seed;                 // overrides the scenario's seed
  std::function<void(double t, double t_end)> progress;  // called about 200 times per run
  bool record_trajectories = true;
};

RunRecord run_scenario(const Scenario& scenario, const RunOptions& options = {});

}  // namespace skyshield
