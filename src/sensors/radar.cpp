#include "sensors/radar.hpp"

#include <algorithm>
#include <cmath>

#include "core/units.hpp"
#include "sensors/detection.hpp"
#include "sensors/horizon.hpp"
#include "sensors/radar_equation.hpp"

namespace skyshield {

namespace {

constexpr double kTwoPi = 2.0 * kPi;
// Accuracy uses the SNR only up to 30 dB: beyond it, bias, multipath and glint (not modelled
// separately) dominate the thermal-noise term.
constexpr double kAccuracySnrCap = 1000.0;

double wrap_2pi(double a) {
  a = std::fmod(a, kTwoPi);
  return a < 0.0 ? a + kTwoPi : a;
}

double clockwise(double from, double to) { return wrap_2pi(to - from); }

}  // namespace

Radar::Radar(int index, RadarParams params, const Geodetic& site, Rng rng)
    : index_(index), params_(std::move(params)), antenna_(site), rng_(rng) {
  antenna_.alt_m += params_.antenna_height_m;
  frame_ = LocalFrame(antenna_);
}

double Radar::beam_azimuth(double t) const {
  const double u = t / params_.scan_period_s - std::floor(t / params_.scan_period_s);
  if (params_.scan == ScanKind::Rotating) return wrap_2pi(kTwoPi * u);
  const double left = (params_.sector_center_deg - 0.5 * params_.sector_width_deg) * kDegToRad;
  return wrap_2pi(left + u * params_.sector_width_deg * kDegToRad);
}

MeasurementBatch Radar::look(double t0, double t1, std::span<const TruthView> targets,
                             std::span<const Vec3> dwell_targets_ecef, std::vector<DetectionRecord>* log) {
  MeasurementBatch batch;
  batch.radar_index = index_;
  batch.t0 = t0;
  batch.t1 = t1;
  batch.radar_frame = frame_;
  Coverage& cov = batch.coverage;
  cov.max_range_m = params_.instrumented_range_m;
  cov.min_el_rad = params_.min_elevation_deg * kDegToRad;
  cov.max_el_rad = params_.max_elevation_deg * kDegToRad;

  // Search sweep of this slice. A sector scan that restarts its frame inside the slice keeps the
  // part up to the sector's edge (the remainder, less than one step of the sweep, is not looked at).
  const double sector = params_.scan == ScanKind::Rotating ? kTwoPi : params_.sector_width_deg * kDegToRad;
  const double swept = sector * (t1 - t0) / params_.scan_period_s;
  cov.sweep_from_rad = beam_azimuth(t0);
  if (params_.scan == ScanKind::Rotating) {
    cov.full_circle = swept >= kTwoPi;
    cov.sweep_to_rad = beam_azimuth(t1);
  } else {
    // Position of the slice within the frame, in fractions of the frame: [u0, u1), clipped at the
    // frame's end (computed from t0, so a slice that ends exactly on the frame boundary stays thin).
    const double left = (params_.sector_center_deg - 0.5 * params_.sector_width_deg) * kDegToRad;
    const double u0 = t0 / params_.scan_period_s - std::floor(t0 / params_.scan_period_s);
    const double u1 = std::min(1.0, u0 + (t1 - t0) / params_.scan_period_s);
    cov.sweep_from_rad = wrap_2pi(left + u0 * sector);
    cov.sweep_to_rad = wrap_2pi(left + u1 * sector);
    if (swept >= sector) cov.sweep_from_rad = wrap_2pi(left);  // a whole frame in one slice
    cov.full_circle = swept >= sector && sector >= kTwoPi;
  }
  const int channels = std::min<int>(params_.target_channels, static_cast<int>(dwell_targets_ecef.size()));
  for (int i = 0; i < channels; ++i) cov.dwells.push_back(range_az_el_from_enu(frame_.to_enu(dwell_targets_ecef[i])));
  cov.dwell_half_beam_rad = 0.5 * params_.beamwidth_az_deg * kDegToRad;

  // Real targets: one detection opportunity per slice in which the beam passed over them.
  for (const TruthView& tv : targets) {
    const RangeAzEl rae = range_az_el_from_enu(frame_.to_enu(tv.pos_ecef));
    if (!cov.covers(rae)) continue;
    if (!above_radar_horizon(antenna_, geodetic_from_ecef(tv.pos_ecef))) continue;
    const double snr = radar_snr(params_, tv.rcs_m2, rae.range_m);
    const double pd = detection_probability(tv.swerling, snr, params_.pfa);
    const bool detected = rng_.uniform() < pd;
    if (log) log->push_back({index_, tv.id, t0, linear_to_db(snr), pd, detected});
    if (!detected) continue;
    const double s = std::sqrt(2.0 * std::min(snr, kAccuracySnrCap));
    Measurement m;
    m.t = t0;
    m.snr_db = linear_to_db(snr);
    m.sigma_range_m = params_.range_resolution_m / s;
    m.sigma_az_rad = params_.beamwidth_az_deg * kDegToRad / (params_.monopulse_k * s);
    m.sigma_el_rad = params_.beamwidth_el_deg * kDegToRad / (params_.monopulse_k * s);
    m.rae.range_m = rae.range_m + m.sigma_range_m * rng_.normal();
    m.rae.az_rad = wrap_2pi(rae.az_rad + m.sigma_az_rad * rng_.normal());
    m.rae.el_rad = rae.el_rad + m.sigma_el_rad * rng_.normal();
    batch.detections.push_back(m);
  }

  // False alarms: Pfa times the resolution cells searched in this slice (range cells x azimuth
  // beams x elevation beams), placed uniformly in the searched volume, with threshold-level accuracy.
  const double el_span = std::max(0.0, cov.max_el_rad - cov.min_el_rad);
  const double az_beams = std::min(swept, sector) / (params_.beamwidth_az_deg * kDegToRad);
  const double el_beams = std::max(1.0, el_span / (params_.beamwidth_el_deg * kDegToRad));
  const double range_cells = params_.instrumented_range_m / params_.range_resolution_m;
  const std::uint64_t n_false = rng_.poisson(params_.pfa * range_cells * az_beams * el_beams);
  const double threshold_snr = -std::log(params_.pfa);
  const double s = std::sqrt(2.0 * threshold_snr);
  const double width = cov.full_circle ? kTwoPi : clockwise(cov.sweep_from_rad, cov.sweep_to_rad);
  for (std::uint64_t i = 0; i < n_false; ++i) {
    Measurement m;
    m.t = t0;
    m.snr_db = linear_to_db(threshold_snr);
    m.sigma_range_m = params_.range_resolution_m / s;
    m.sigma_az_rad = params_.beamwidth_az_deg * kDegToRad / (params_.monopulse_k * s);
    m.sigma_el_rad = params_.beamwidth_el_deg * kDegToRad / (params_.monopulse_k * s);
    m.rae.range_m = rng_.uniform(0.0, params_.instrumented_range_m);
    m.rae.az_rad = wrap_2pi(cov.sweep_from_rad + rng_.uniform() * width);
    m.rae.el_rad = rng_.uniform(cov.min_el_rad, cov.min_el_rad + el_span);
    batch.detections.push_back(m);
  }
  return batch;
}

}  // namespace skyshield
