// Track initiation, one-point or two-point (tracking/track_initiation.hpp), and the tracker's step
// that starts tracks from the detections of a batch no track took.
#include "tracking/track_initiation.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "tracking/signature.hpp"
#include "tracking/track_score.hpp"
#include "tracking/tracker.hpp"

namespace skyshield {

bool initiation_from_string(std::string_view s, Initiation& out) {
  if (s == "one_point") out = Initiation::OnePoint;
  else if (s == "two_point") out = Initiation::TwoPoint;
  else return false;
  return true;
}

const char* to_string(Initiation i) { return i == Initiation::OnePoint ? "one_point" : "two_point"; }

double revisit_period_s(const Coverage& c) {
  if (!c.known || c.sweep_rate_rad_s <= 0.0) return 0.0;
  const double width = c.frame_width_rad > 0.0 ? c.frame_width_rad : 2.0 * std::numbers::pi;
  return width / c.sweep_rate_rad_s;
}

int expected_misses(double dt, double revisit_s) {
  if (revisit_s <= 0.0) return 0;
  return std::clamp(static_cast<int>(std::lround(dt / revisit_s)) - 1, 0, 30);
}

bool may_pair(const Vec3& d, double trace_r0, double trace_r, double dt, double sigma_v, double sigma_a, double gate) {
  const double accel = 0.5 * sigma_a * dt * dt;
  const double trace_s = trace_r0 + trace_r + 3.0 * (sigma_v * sigma_v * dt * dt + accel * accel);
  return d.squaredNorm() <= 2.0 * gate * trace_s;
}

Track Tracker::new_track(const Vec3& z, const Mat3& R, double t) const {
  Gaussian g;
  g.x.setZero();
  g.x.head<3>() = z;
  g.P.setZero();
  g.P.topLeftCorner<3, 3>() = R;
  g.P.block<3, 3>(3, 3) = params_.init_velocity_sigma_mps * params_.init_velocity_sigma_mps * Mat3::Identity();
  g.P.block<3, 3>(6, 6) = params_.init_accel_sigma_mps2 * params_.init_accel_sigma_mps2 * Mat3::Identity();
  Track tr;
  tr.t = t;
  tr.imm = imm_start(g, initiation_);
  tr.combine();
  tr.hits = 1;
  tr.history = 1u;
  tr.first_t = t;
  tr.last_update_t = t;
  return tr;
}

void Tracker::initiate(const MeasurementBatch& batch, const AssociationResult& assoc, const std::vector<Mat3>& z_cov,
                       double density) {
  const double t = batch.t0;
  const AssociationInput& in = in_;
  if (params_.initiation == Initiation::OnePoint) {
    for (std::size_t b = 0; b < in.z.size(); ++b)
      if (!assoc.claimed[b]) start_track(new_track(in.z_position[b], z_cov[b], t));
    return;
  }
  std::erase_if(initiators_, [&](const Initiator& c) { return c.used || c.expires_t < t; });
  const std::size_t waiting = initiators_.size();   // this batch's own are not paired with it
  const double revisit = revisit_period_s(batch.coverage);
  const double coast = batch.coverage.known ? params_.max_coast_s : std::min(params_.max_coast_s, params_.unknown_coverage_tentative_coast_s);
  const double lasts = revisit > 0.0 ? std::min(coast, (params_.delete_misses_tentative + 0.5) * revisit) : coast;
  const double pd = params_.jpda_detection_probability;
  for (std::size_t b = 0; b < in.z.size(); ++b) {
    if (assoc.claimed[b]) continue;
    const double gate = in.z[b].dim == 4 ? params_.gate_chi2_range_rate : params_.gate_chi2;
    const double trace_r = z_cov[b].trace();
    int best = -1;
    double best_m2 = std::numeric_limits<double>::infinity();
    ImmState best_state;
    ImmInnovations best_inn;
    for (std::size_t k = 0; k < waiting; ++k) {
      const Initiator& c = initiators_[k];
      if (c.used || !(c.t < t)) continue;
      const double dt = t - c.t;
      if (!may_pair(in.z_position[b] - c.z, c.R.trace(), trace_r, dt, params_.init_velocity_sigma_mps, params_.init_accel_sigma_mps2, gate))
        continue;
      // The one-point track the initiator would have started, predicted to t and gated as the
      // association gates it.
      ImmState s = new_track(c.z, c.R, c.t).imm;
      imm_predict(s, dt, initiation_, ctx_);
      const ImmInnovations inn = imm_innovate(s, in.z[b], initiation_);
      if (inn[0].mahalanobis2 > gate || !(inn[0].likelihood() > 0.0) || inn[0].mahalanobis2 >= best_m2) continue;
      best = static_cast<int>(k), best_m2 = inn[0].mahalanobis2, best_state = s, best_inn = inn;
    }
    if (best < 0) {
      initiators_.push_back({in.z_position[b], z_cov[b], t, revisit, t + lasts, batch.radar_index, false});
      ++stats_.initiators;
      continue;
    }
    Initiator& c = initiators_[static_cast<std::size_t>(best)];
    c.used = true;
    Track tr = new_track(c.z, c.R, c.t);
    imm_update(best_state, best_inn);
    tr.imm = best_state;
    tr.t = t;
    tr.combine();
    const int misses = expected_misses(t - c.t, c.revisit_s);
    tr.hits = 2;
    tr.history = (1u << (misses + 1)) | 1u;
    tr.score = misses * score_miss(pd) + score_hit(pd, best_inn[0].likelihood(), density);
    tr.last_update_t = t;
    update_drag_estimate(tr.drag, t, tr.position(), tr.velocity(), tr.P.block<3, 3>(3, 3), ctx_);
    const Measurement& m = batch.detections[b];
    if (batch.snr_1m2_at_1m > 0.0 && m.rae.range_m > 0.0)
      tr.signature.add(batch.frequency_hz, rcs_dbsm_from_snr(m.snr_db, m.rae.range_m, batch.snr_1m2_at_1m));
    reclassify(tr);
    const int id = start_track(std::move(tr));
    confirm_if_evident(tracks_[static_cast<std::size_t>(index_of(id))], t);
    refresh(static_cast<std::size_t>(index_of(id)));
  }
}

}  // namespace skyshield
