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

// Wall time spent in each part of the kill chain over a run (`skyshield bench`): world = threats fly,
// views, warnings; radar = radar looks; tracking = trackers, air picture and track scoring; command =
// command posts' decisions; weapons = reloads, launches, interceptor flight and kills; record = the
// run record's samples, checks and the live link.
struct StepProfile {
  double world_s = 0, radar_s = 0, tracking_s = 0, command_s = 0, weapons_s = 0, record_s = 0;
  long long steps = 0;
  long long track_steps = 0;   // tracks held by all trackers, summed over steps (mean = / steps)
  long long flying_steps = 0;  // threats in flight, summed over steps (each one moved once per step)
  long long batches = 0, tested = 0, candidates = 0, margin_candidates = 0, candidate_models = 0;  // TrackerStats summed
  long long detections = 0, updates = 0, update_models = 0;                                         // TrackerStats summed
  long long tracks_started = 0, tracks_confirmed = 0, tentative_looks = 0;                          // TrackerStats summed
  long long initiators = 0, doppler_rejected = 0, initiator_candidates = 0;                        // TrackerStats summed
  double total_s() const { return world_s + radar_s + tracking_s + command_s + weapons_s + record_s; }
  StepProfile& operator+=(const StepProfile& o) {
    world_s += o.world_s, radar_s += o.radar_s, tracking_s += o.tracking_s, command_s += o.command_s;
    weapons_s += o.weapons_s, record_s += o.record_s, steps += o.steps, track_steps += o.track_steps;
    flying_steps += o.flying_steps;
    batches += o.batches, tested += o.tested, candidates += o.candidates, margin_candidates += o.margin_candidates, candidate_models += o.candidate_models;
    detections += o.detections, updates += o.updates, update_models += o.update_models;
    tracks_started += o.tracks_started, tracks_confirmed += o.tracks_confirmed, tentative_looks += o.tentative_looks;
    initiators += o.initiators, doppler_rejected += o.doppler_rejected, initiator_candidates += o.initiator_candidates;
    return *this;
  }
};

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
  // When set, the wall time of each part is added here (costs two clock reads per part and step).
  StepProfile* profile = nullptr;
};

RunRecord run_scenario(const Scenario& scenario, const RunOptions& options = {});

// Builds the flyout tables of the classes the scenario's launchers fire, in parallel (run_scenario
// does it first; a table is otherwise built on its first query).
void prepare_flyouts(const Scenario& scenario);

}  // namespace skyshield
