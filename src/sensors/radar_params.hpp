#pragma once
// Configuration of one radar: the named terms of the radar range equation, its detector,
// its accuracy, its scan and (for an engagement radar) its channel limits.
#include <string>

namespace skyshield {

enum class ScanKind {
  Rotating,  // mechanically rotating surveillance radar: the beam sweeps 360 deg once per scan_period_s
  Sector,    // electronically steered radar: the search beam sweeps [centre - width/2, centre + width/2]
             // once per scan_period_s (frame time), plus track dwells on request
};

struct RadarParams {
  std::string name;
  ScanKind scan = ScanKind::Rotating;
  // Radar range equation terms.
  double peak_power_w = 1e6;
  double gain_db = 35.0;            // antenna gain, same on transmit and receive
  double frequency_hz = 3e9;
  double pulse_width_s = 1e-6;      // uncompressed pulse length (energy per pulse = Pt * tau)
  int pulses_integrated = 1;        // pulses integrated coherently per look
  int noncoherent_looks = 1;        // looks summed non-coherently (square law) per detection decision
  double noise_figure_db = 3.0;     // system noise temperature Ts = T0 * F, T0 = 290 K
  double losses_db = 6.0;           // total system losses L
  double pfa = 1e-6;                // false-alarm probability per resolution cell
  // Coverage.
  double instrumented_range_m = 600e3;
  double min_elevation_deg = -1.0;
  double max_elevation_deg = 60.0;
  double antenna_height_m = 25.0;   // above the site's ground, for the radar horizon
  double scan_period_s = 10.0;      // rotation period (Rotating) or search frame time (Sector)
  double sector_center_deg = 0.0;   // Sector only: azimuth of the sector centre, clockwise from north
  double sector_width_deg = 120.0;  // Sector only
  // Accuracy.
  double beamwidth_az_deg = 1.0;
  double beamwidth_el_deg = 1.0;
  double range_resolution_m = 150.0;
  double monopulse_k = 1.6;         // angle sigma = beamwidth / (k * sqrt(2 SNR))
  double velocity_resolution_mps = 0.0;  // Doppler cell width lambda / (2 T_coherent); 0 = no radial velocity
  // Receive antenna pattern (jamming): Gaussian main lobe down to a uniform side-lobe floor.
  double sidelobe_level_db = -30.0; // side-lobe gain relative to the main-lobe peak
  // Engagement radar only (0 = not an engagement radar).
  int target_channels = 0;          // targets it can track for fire control at once
  int missile_channels = 0;         // interceptors it can guide at once
  double track_dwell_period_s = 0.5;// revisit period of a fire-control track dwell
  // Kill assessment from what this radar observes (c2/kill_assessment.hpp; the battalion's engagement
  // radar's are used): probabilities that the assessor errs against the evidence of the track.
  double false_kill_probability = 0.0;   // a survivor still detected is assessed killed
  double missed_kill_probability = 0.0;  // a lost or coasting track is assessed as a survivor
};

}  // namespace skyshield
