#pragma once
// What a radar hands to the tracker: detections in the radar's own spherical coordinates, with
// their accuracy, and a description of the volume it looked at (so the tracker can tell a miss
// from a target that was never looked at). Nothing here identifies the truth object.
#include <vector>

#include "core/geo.hpp"

namespace skyshield {

struct Measurement {
  double t = 0.0;              // s, time of the detection
  RangeAzEl rae;               // in the radar's local ENU frame
  double sigma_range_m = 0.0;
  double sigma_az_rad = 0.0;
  double sigma_el_rad = 0.0;
  double snr_db = 0.0;
  // Radial velocity (positive opening), engagement radars with Doppler only.
  bool has_range_rate = false;
  double range_rate_mps = 0.0;
  double sigma_range_rate_mps = 0.0;
};

// Clockwise angle from azimuth `from` to azimuth `az` (radians), in [0, 2 pi).
double clockwise_rad(double from, double az);

// The volume a radar looked at during one batch.
struct Coverage {
  bool known = true;           // false: not known (detections read from a file); see the tracker
  bool full_circle = false;    // the sweep covered all azimuths
  double sweep_from_rad = 0.0; // azimuth sweep [from, to) clockwise, may wrap through north
  double sweep_to_rad = 0.0;
  double max_range_m = 0.0;
  double min_el_rad = 0.0;
  double max_el_rad = 0.0;
  std::vector<RangeAzEl> dwells;   // track dwells: beam centres looked at this batch
  double dwell_half_beam_rad = 0.0;
  // How the sweep moves, when known (rate 0: not known): clockwise at sweep_rate_rad_s through a frame
  // of frame_width_rad from frame_from_rad (a rotating radar: the whole circle; a sector scan starts
  // again at frame_from_rad when it reaches the frame's end). A tracker uses it to leave a track alone
  // until the sweep can reach it (tracking/sweep_reach.hpp).
  double sweep_rate_rad_s = 0.0;
  double frame_from_rad = 0.0;
  double frame_width_rad = 0.0;

  // True when a point at `rae` (radar frame) lay inside the looked-at volume, grown by margin_rad
  // in angle on every side (a tracker uses the margin for a predicted position's uncertainty).
  bool covers(const RangeAzEl& rae, double margin_rad = 0.0) const;
  // Width of the azimuth sweep, clockwise from sweep_from_rad to sweep_to_rad, in [0, 2 pi).
  double sweep_width_rad() const;
};

struct MeasurementBatch {
  int radar_index = -1;
  double t0 = 0.0;             // s, batch spans [t0, t1)
  double t1 = 0.0;
  LocalFrame radar_frame;      // ENU frame at the antenna
  // The radar's calibration: linear SNR of a 1 m^2 target at 1 m (SNR = this x RCS / R^4, the range
  // equation of sensors/radar_equation.hpp), and its carrier frequency. 0 = not known (detection files).
  double snr_1m2_at_1m = 0.0;
  double frequency_hz = 0.0;
  Coverage coverage;
  std::vector<Measurement> detections;   // target detections, then false alarms
};

}  // namespace skyshield
