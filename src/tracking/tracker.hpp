#pragma once
// Central multi-target tracker of a battalion: fuses the batches of all its radars at the
// measurement level. Per batch: predict the tracks covered by the batch, gate (chi-square),
// associate by global nearest neighbour (linear assignment over gated pairs), update with a CV
// Kalman filter, start tentative tracks from unassociated detections, confirm M-of-N, delete
// after consecutive misses (and, when confirmed, a minimum coast) or too long a coast.
#include <vector>

#include "core/geo.hpp"
#include "sensors/measurement.hpp"
#include "tracking/classify.hpp"
#include "tracking/track.hpp"

namespace skyshield {

struct TrackerParams {
  double process_noise_q = 200.0;      // m^2/s^3 white-acceleration spectral density per axis
                                       // (sqrt(q / T) ~ 4.5 m/s^2 over a 10 s revisit: gravity on a ballistic target)
  double gate_chi2 = 16.27;            // 3-dof chi-square gate (99.9 %)
  int confirm_m = 3;                   // confirm with M hits ...
  int confirm_n = 5;                   // ... in the last N covered looks
  int delete_misses_tentative = 3;     // consecutive covered misses that kill a tentative track
  int delete_misses_confirmed = 6;     // ... and a confirmed one, if it has also coasted for
  double min_coast_confirmed_s = 15.0; // at least this long (a target at the edge of one radar's
                                       // cover is missed often while another radar still holds it)
  double max_coast_s = 40.0;           // delete a track not updated for this long
  double init_velocity_sigma_mps = 1000.0;  // velocity uncertainty of a new track
  ClassifierParams classifier{};
};

struct TrackEvent {
  enum class Kind { Initiated, Confirmed, Deleted };
  Kind kind;
  int track_id;
  double t;
};

class Tracker {
 public:
  Tracker(const LocalFrame& frame, TrackerParams params);

  // Process one radar batch (batches must come in non-decreasing t1 order).
  void process(const MeasurementBatch& batch);

  const std::vector<Track>& tracks() const { return tracks_; }
  const LocalFrame& frame() const { return frame_; }
  // A copy of the track predicted to time t (no update), or nullptr-like empty when absent.
  bool predicted(int track_id, double t, Track& out) const;
  // Events since the last call (initiations, confirmations, deletions).
  std::vector<TrackEvent> take_events();

 private:
  LocalFrame frame_;
  TrackerParams params_;
  std::vector<Track> tracks_;
  std::vector<TrackEvent> events_;
  int next_id_ = 1;
};

}  // namespace skyshield
