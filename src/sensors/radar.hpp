#pragma once
// One radar: each call to look() covers a time slice [t0, t1) of its scan and returns a
// MeasurementBatch. Detection follows the range equation, the Swerling Pd, the radar horizon
// and the instrumented range; measurements carry Gaussian noise that shrinks with SNR;
// false alarms appear from Pfa and the number of resolution cells looked at (targets first,
// then false alarms; the tracker does not depend on the order).
#include <span>
#include <vector>

#include "core/rng.hpp"
#include "sensors/measurement.hpp"
#include "sensors/radar_params.hpp"
#include "world/truth_view.hpp"

namespace skyshield {

// Scoring-side record of each detection opportunity (never given to the tracker).
struct DetectionRecord {
  int radar_index = -1;
  int truth_id = -1;
  double t = 0.0;
  double snr_db = 0.0;
  double pd = 0.0;
  bool detected = false;
};

class Radar {
 public:
  Radar(int index, RadarParams params, const Geodetic& site, Rng rng);

  const RadarParams& params() const { return params_; }
  const LocalFrame& frame() const { return frame_; }   // ENU at the antenna (site + antenna height)
  int index() const { return index_; }

  // Search azimuth of the beam at time t (radians clockwise from north).
  double beam_azimuth(double t) const;

  // Look during [t0, t1): search-beam sweep plus a track dwell at each of dwell_targets_ecef
  // (predicted positions; engagement radar only, at most target_channels of them).
  // log, when given, receives one record per detection opportunity on a real target.
  MeasurementBatch look(double t0, double t1, std::span<const TruthView> targets,
                        std::span<const Vec3> dwell_targets_ecef, std::vector<DetectionRecord>* log);

 private:
  int index_;
  RadarParams params_;
  Geodetic antenna_;
  LocalFrame frame_;
  Rng rng_;
};

}  // namespace skyshield
