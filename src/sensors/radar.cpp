#include "sensors/radar.hpp"

#include <algorithm>
#include <cmath>

#include "core/units.hpp"
#include "sensors/horizon.hpp"
#include "sensors/jamming.hpp"
#include "sensors/radar_equation.hpp"
#include "sensors/rcs_fluctuation.hpp"
#include "sensors/sweep_slice.hpp"

namespace skyshield {

namespace {

constexpr double kTwoPi = 2.0 * kPi;
// Accuracy uses the SNR only up to 30 dB: beyond it, bias, multipath and glint (not modelled
// separately) dominate the thermal-noise term.
constexpr double kAccuracySnrCap = 1000.0;
// Radial velocities of false alarms are drawn in +- this (m/s): the unambiguous Doppler interval of a
// notional high-PRF waveform.
constexpr double kFalseAlarmDopplerSpan = 1500.0;

double wrap_2pi(double a) {
  a = std::fmod(a, kTwoPi);
  return a < 0.0 ? a + kTwoPi : a;
}

double wrap_pi(double a) {
  a = wrap_2pi(a);
  return a > kPi ? a - kTwoPi : a;
}

double clockwise(double from, double to) { return wrap_2pi(to - from); }

// Where a target given at the end of a slice was back_s earlier: straight back along its velocity.
// The error is the acceleration term a back_s^2 / 2: 0.4 m at 30 g over the engine's 0.05 s step.
Vec3 truth_at_stamp(const TruthView& tv, double back_s) { return tv.pos_ecef - back_s * tv.vel_ecef; }

}  // namespace

namespace {
Geodetic antenna_of(const RadarParams& p, Geodetic site) {
  site.alt_m += p.antenna_height_m;
  return site;
}
}  // namespace

Radar::Radar(int index, RadarParams params, const Geodetic& site, Rng rng, std::shared_ptr<const TerrainMask> mask)
    : index_(index),
      params_(std::move(params)),
      antenna_(antenna_of(params_, site)),
      frame_(antenna_),
      rng_(rng),
      // Its own stream (seeded from a copy of rng), so the detection and noise draws are those of before.
      fluctuation_rng_(Rng::stream(Rng(rng).next_u64(), "rcs-fluctuation", static_cast<std::uint64_t>(index))),
      detector_(params_.pfa, params_.noncoherent_looks),
      mask_(std::move(mask)) {}

std::shared_ptr<const TerrainMask> Radar::terrain_mask_for(const RadarParams& p, const Geodetic& site, const Terrain& terrain) {
  return std::make_shared<const TerrainMask>(terrain, antenna_of(p, site), p.instrumented_range_m);
}

double Radar::beam_azimuth(double t) const {
  const double u = t / params_.scan_period_s - std::floor(t / params_.scan_period_s);
  if (params_.scan == ScanKind::Rotating) return wrap_2pi(kTwoPi * u);
  const double left = (params_.sector_center_deg - 0.5 * params_.sector_width_deg) * kDegToRad;
  return wrap_2pi(left + u * params_.sector_width_deg * kDegToRad);
}

bool Radar::line_of_sight(const Geodetic& target, const RangeAzEl& rae) const {
  if (!above_radar_horizon(antenna_, target, mask_ ? mask_->ground_m() : 0.0)) return false;
  if (!mask_ || !mask_->active()) return true;
  return !mask_->masked(rae.az_rad, rae.range_m * std::cos(rae.el_rad), target.alt_m);
}

double Radar::jamming_density(const RangeAzEl& beam) const {
  double j0 = 0.0;
  for (const JammerInView& j : jammers_) {
    const double d_az = wrap_pi(j.rae.az_rad - beam.az_rad) * std::cos(beam.el_rad);
    const double d_el = j.rae.el_rad - beam.el_rad;
    j0 += jammer_noise_density(params_, *j.jammer, j.rae.range_m, receive_gain(params_, d_az, d_el));
  }
  return j0;
}

MeasurementBatch Radar::look(double t0, double t1, std::span<const TruthView> targets,
                             std::span<const Vec3> dwell_targets_ecef, std::vector<DetectionRecord>* log) {
  MeasurementBatch batch;
  batch.radar_index = index_;
  batch.t0 = t0;
  batch.t1 = t1;
  batch.radar_frame = frame_;
  batch.snr_1m2_at_1m = radar_snr(params_, 1.0, 1.0);
  batch.frequency_hz = params_.frequency_hz;
  Coverage& cov = batch.coverage;
  cov.max_range_m = params_.instrumented_range_m;
  cov.min_el_rad = params_.min_elevation_deg * kDegToRad;
  cov.max_el_rad = params_.max_elevation_deg * kDegToRad;

  // Search sweep of this slice. A sector scan that restarts its frame inside the slice keeps the
  // part up to the sector's edge (the remainder, less than one step of the sweep, is not looked at).
  const double sector = params_.scan == ScanKind::Rotating ? kTwoPi : params_.sector_width_deg * kDegToRad;
  const double swept = sector * (t1 - t0) / params_.scan_period_s;
  cov.sweep_rate_rad_s = sector / params_.scan_period_s;
  cov.frame_width_rad = sector;
  cov.frame_from_rad = params_.scan == ScanKind::Rotating ? 0.0 : wrap_2pi((params_.sector_center_deg - 0.5 * params_.sector_width_deg) * kDegToRad);
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

  // The truth is given at t1 (the engine moves the world, then its radars look back over the step);
  // the batch is time-stamped t0, so every target is measured where it was at t0 (issue 26, defect 9).
  const double back_s = t1 - t0;
  // Jammers radiating into the receiver: every jammer in line of sight, wherever the beam points.
  jammers_.clear();
  for (const TruthView& tv : targets) {
    if (!tv.jammer || !tv.jammer->covers(params_.frequency_hz)) continue;
    const Vec3 pos = truth_at_stamp(tv, back_s);
    const RangeAzEl rae = range_az_el_from_enu(frame_.to_enu(pos));
    if (line_of_sight(geodetic_from_ecef(pos), rae)) jammers_.push_back({rae, tv.jammer});
  }
  const double n0 = thermal_noise_density(params_);
  const double looks = params_.noncoherent_looks;

  // Real targets: one detection opportunity per slice in which the beam passed over them. Those
  // surely outside the slice (most, for a thin one) are passed over before the exact test.
  const SweepSlice slice = SweepSlice::of(cov);
  for (const TruthView& tv : targets) {
    const Vec3 pos = truth_at_stamp(tv, back_s);
    const Vec3 enu = frame_.to_enu(pos);
    const double range2 = enu.squaredNorm();
    if (slice.surely_outside_fast(enu, range2, 0.0)) continue;
    const RangeAzEl rae = range_az_el_from_enu(enu);
    if (!cov.covers(rae)) continue;
    if (!line_of_sight(geodetic_from_ecef(pos), rae)) continue;
    const double snr = radar_snr(params_, tv.rcs.toward(pos, tv.vel_ecef, frame_.origin_ecef()), rae.range_m);
    const double j0 = jammers_.empty() ? 0.0 : jamming_density(rae);
    const double sinr = snr * n0 / (n0 + j0);
    const double pd = detector_.pd(tv.swerling, sinr);
    const bool detected = rng_.uniform() < pd;
    if (log) log->push_back({index_, tv.id, t0, linear_to_db(sinr), j0 > 0.0 ? linear_to_db(j0 / n0) : -300.0, pd, detected});
    if (!detected) continue;
    // Accuracy from the SINR integrated over the looks.
    const double s = std::sqrt(2.0 * std::min(looks * sinr, kAccuracySnrCap));
    Measurement m;
    m.t = t0;
    // The echo's measured power fluctuates about its mean (Swerling case of the target); the
    // accuracy above uses the mean.
    m.snr_db = linear_to_db(sinr * rcs_fluctuation_factor(tv.swerling, params_.noncoherent_looks, fluctuation_rng_));
    m.sigma_range_m = params_.range_resolution_m / s;
    m.sigma_az_rad = params_.beamwidth_az_deg * kDegToRad / (params_.monopulse_k * s);
    m.sigma_el_rad = params_.beamwidth_el_deg * kDegToRad / (params_.monopulse_k * s);
    m.rae.range_m = rae.range_m + m.sigma_range_m * rng_.normal();
    m.rae.az_rad = wrap_2pi(rae.az_rad + m.sigma_az_rad * rng_.normal());
    m.rae.el_rad = rae.el_rad + m.sigma_el_rad * rng_.normal();
    if (params_.velocity_resolution_mps > 0.0) {
      // Radial velocity: the target's velocity along the line of sight (the radar stands still);
      // sigma = Doppler cell width / sqrt(2 SNR), as for range.
      m.has_range_rate = true;
      m.sigma_range_rate_mps = params_.velocity_resolution_mps / s;
      m.range_rate_mps = frame_.vector_to_enu(tv.vel_ecef).dot(enu) / rae.range_m + m.sigma_range_rate_mps * rng_.normal();
    }
    // A deception repeater stronger than the skin echo: the radar measures its false target, pulled off
    // in range and range rate (world/jammer.hpp, sensors/jamming.hpp).
    if (tv.deception && tv.deception->covers(params_.frequency_hz)) {
      const DeceptionJammerParams::Offset off = tv.deception->offset(t0);
      if (off.on && repeater_js(params_, *tv.deception, tv.rcs.toward(pos, tv.vel_ecef, frame_.origin_ecef()), rae.range_m) > 1.0) {
        m.rae.range_m += off.range_m;
        if (m.has_range_rate) m.range_rate_mps += off.range_rate_mps;
      }
    }
    batch.detections.push_back(m);
  }
  if (false_alarms_) add_false_alarms(batch, swept, sector);
  return batch;
}

void Radar::add_false_alarms(MeasurementBatch& batch, double swept, double sector) {
  // Pfa times the resolution cells searched in this slice (range cells x azimuth beams x elevation
  // beams), placed uniformly in the searched volume, with threshold-level accuracy. The detector is a
  // CFAR: jamming lowers the SINR of targets, not the false-alarm rate.
  const Coverage& cov = batch.coverage;
  const double el_span = std::max(0.0, cov.max_el_rad - cov.min_el_rad);
  const double az_beams = std::min(swept, sector) / (params_.beamwidth_az_deg * kDegToRad);
  const double el_beams = std::max(1.0, el_span / (params_.beamwidth_el_deg * kDegToRad));
  const double range_cells = params_.instrumented_range_m / params_.range_resolution_m;
  const std::uint64_t n_false = rng_.poisson(params_.pfa * range_cells * az_beams * el_beams);
  const double threshold_snr = detector_.threshold() / params_.noncoherent_looks;
  const double s = std::sqrt(2.0 * threshold_snr);
  const double width = cov.full_circle ? kTwoPi : clockwise(cov.sweep_from_rad, cov.sweep_to_rad);
  for (std::uint64_t i = 0; i < n_false; ++i) {
    Measurement m;
    m.t = batch.t0;
    m.snr_db = linear_to_db(threshold_snr);
    m.sigma_range_m = params_.range_resolution_m / s;
    m.sigma_az_rad = params_.beamwidth_az_deg * kDegToRad / (params_.monopulse_k * s);
    m.sigma_el_rad = params_.beamwidth_el_deg * kDegToRad / (params_.monopulse_k * s);
    m.rae.range_m = rng_.uniform(0.0, params_.instrumented_range_m);
    m.rae.az_rad = wrap_2pi(cov.sweep_from_rad + rng_.uniform() * width);
    m.rae.el_rad = rng_.uniform(cov.min_el_rad, cov.min_el_rad + el_span);
    if (params_.velocity_resolution_mps > 0.0) {
      m.has_range_rate = true;
      m.sigma_range_rate_mps = params_.velocity_resolution_mps / s;
      m.range_rate_mps = rng_.uniform(-kFalseAlarmDopplerSpan, kFalseAlarmDopplerSpan);
    }
    batch.detections.push_back(m);
  }
}

}  // namespace skyshield
