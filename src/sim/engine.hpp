#pragma once
// The engine: a fixed-step, deterministic run of one scenario through the whole kill chain
// (threats fly -> radars look -> trackers fuse -> command posts decide -> launchers fire ->
// interceptors fly and fuze -> kill assessment), recorded into a RunRecord.
#include <cstdint>
#include <functional>
#include <optional>

#include "record/run_record.hpp"
#include "scenario/scenario.hpp"
#include "sensors/measurement.hpp"
#include "sim/live_link.hpp"

namespace skyshield {

struct RunOptions {
  std::optional<std::uint64_t> seed;                 // overrides the scenario's seed
  std::function<void(double t, double t_end)> progress;  // called about 200 times per run
  bool record_trajectories = true;
  // Polled every step: true stops the run there (RunRecord::interrupted; the record is incomplete).
  std::function<bool()> should_stop;
  // Called with every radar batch before the tracker gets it (sensor: "battalion/radar"; antenna:
  // the origin of the batch's radar frame), e.g. to write the detections to a file.
  std::function<void(const std::string& sensor, const Geodetic& antenna, const MeasurementBatch& batch)> on_batch;
  // A live link to other simulators (DIS): sees the world after every step, brings threats in.
  LiveLink* link = nullptr;
};

RunRecord run_scenario(const Scenario& scenario, const RunOptions& options = {});

// Builds the flyout tables of the classes the scenario's launchers fire, in parallel (run_scenario
// does it first; a table is otherwise built on its first query).
void prepare_flyouts(const Scenario& scenario);

}  // namespace skyshield
