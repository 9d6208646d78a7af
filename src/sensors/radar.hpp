#pragma once
// One radar: each call to look() covers a time slice [t0, t1) of its scan and returns a
// MeasurementBatch. Detection follows the range equation with the target's aspect-dependent RCS,
// noise jamming (SINR), the Swerling Pd of a square-law detector over the radar's non-coherent
// looks, the 4/3-earth radar horizon, terrain masking and the instrumented range; measurements
// carry Gaussian noise that shrinks with SINR (and a radial velocity when the radar has Doppler);
// false alarms appear from Pfa and the number of resolution cells looked at (targets first,
// then false alarms; the tracker does not depend on the order).
#include <memory>
#include <span>
#include <vector>

#include "core/rng.hpp"
#include "sensors/detection.hpp"
#include "sensors/measurement.hpp"
#include "sensors/radar_params.hpp"
#include "sensors/terrain_mask.hpp"
#include "world/truth_view.hpp"

namespace skyshield {

// Scoring-side record of each detection opportunity (never given to the tracker).
struct DetectionRecord {
  int radar_index = -1;
  int truth_id = -1;
  double t = 0.0;
  double snr_db = 0.0;       // SINR when jammed
  double jam_db = -300.0;    // jammer-to-noise density ratio J0 / N0
  double pd = 0.0;
  bool detected = false;
};

class Radar {
 public:
  // mask, when given, hides targets behind the terrain and sets the ground the horizon counts heights
  // from (see terrain_mask_for); without it the smooth earth lies at the ellipsoid.
  Radar(int index, RadarParams params, const Geodetic& site, Rng rng, std::shared_ptr<const TerrainMask> mask = nullptr);

  // The terrain mask of a radar of these parameters at this site (over flat terrain only the height of
  // the ground, from which the horizon counts). Built once per scenario (it costs tens of milliseconds over hills) and shared by every run.
  static std::shared_ptr<const TerrainMask> terrain_mask_for(const RadarParams& params, const Geodetic& site,
                                                             const Terrain& terrain);

  const RadarParams& params() const { return params_; }
  const LocalFrame& frame() const { return frame_; }   // ENU at the antenna (site + antenna height)
  int index() const { return index_; }
  const Geodetic& antenna() const { return antenna_; }
  const SquareLawDetector& detector() const { return detector_; }
  const TerrainMask* terrain_mask() const { return mask_.get(); }
  // Line-of-sight test: above the 4/3-earth horizon and not hidden by terrain.
  bool line_of_sight(const Geodetic& target, const RangeAzEl& rae) const;

  // Whether its looks draw false alarms (on unless switched off: the fast model, scenario/fidelity.hpp,
  // draws none, which also leaves the random stream of the targets' detections without them).
  void set_false_alarms(bool on) { false_alarms_ = on; }
  bool false_alarms() const { return false_alarms_; }

  // Search azimuth of the beam at time t (radians clockwise from north).
  double beam_azimuth(double t) const;

  // Look during [t0, t1): search-beam sweep plus a track dwell at each of dwell_targets_ecef
  // (predicted positions; engagement radar only, at most target_channels of them).
  // targets: the truth at t1 (the engine moves the world over the step, then its radars look back
  // over it). Every detection, and the batch, is time-stamped t0, and measures the target where it
  // was at t0 (moved back along its velocity): the illumination instant within the slice is taken as
  // its start, so that one time serves the whole batch (the tracker and the detection file take one).
  // log, when given, receives one record per detection opportunity on a real target.
  MeasurementBatch look(double t0, double t1, std::span<const TruthView> targets,
                        std::span<const Vec3> dwell_targets_ecef, std::vector<DetectionRecord>* log);

 private:
  int index_;
  RadarParams params_;
  void add_false_alarms(MeasurementBatch& batch, double swept, double sector);
  // Jammer noise density received while the beam points at rae, from the jammers in view.
  double jamming_density(const RangeAzEl& rae) const;

  Geodetic antenna_;
  LocalFrame frame_;
  Rng rng_;
  Rng fluctuation_rng_;   // the echo's fluctuation on each detection (sensors/rcs_fluctuation.hpp)
  SquareLawDetector detector_;
  std::shared_ptr<const TerrainMask> mask_;
  struct JammerInView {
    RangeAzEl rae;
    const JammerParams* jammer;
  };
  std::vector<JammerInView> jammers_;   // this look's jammers (scratch)
  bool false_alarms_ = true;
};

}  // namespace skyshield
