// Track initiation, one-point or two-point (tracking/track_initiation.hpp), and the tracker's step
// that starts tracks from the detections of a batch no track took.
#include "tracking/track_initiation.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "sensors/sweep_slice.hpp"
#include "tracking/assignment.hpp"
#include "tracking/imm.hpp"
#include "tracking/signature.hpp"
#include "tracking/spherical_measurement.hpp"
#include "tracking/sweep_reach.hpp"
#include "tracking/track_score.hpp"
#include "tracking/tracker.hpp"

namespace skyshield {

namespace {
constexpr double kGate1Dof = 10.83;   // chi-square, 1 dof, 99.9 % (the default gates' probability)
constexpr double kTwoOverRoot3 = 1.1547005383792515;   // max of 3 x (1 - x^2) over [0, 1], x = 1/sqrt(3)
}  // namespace

bool initiation_from_string(std::string_view s, Initiation& out) {
  if (s == "one_point") out = Initiation::OnePoint;
  else if (s == "two_point") out = Initiation::TwoPoint;
  else return false;
  return true;
}

const char* to_string(Initiation i) { return i == Initiation::OnePoint ? "one_point" : "two_point"; }

namespace {
// The parts of two_point_distance2, for the initiators' scan, which keeps the initiators' R traces
// and works the spread (pair_spread, track_initiation.hpp) out once per initiator.
// d' S^-1 d >= |d|^2 / lambda_max(S) and lambda_max(S) <= tr R0 + tr R + spread: most pairs are
// rejected without solving.
bool pair_surely_apart(const Vec3& d, double trace_r0, double trace_r, double spread, double gate) {
  return d.squaredNorm() > gate * (trace_r0 + trace_r + spread);
}
double pair_distance2(const Vec3& d, const Mat3& r0, const Mat3& r, double spread) {
  const Mat3 S = r0 + r + spread * Mat3::Identity();
  return d.dot(S.ldlt().solve(d));
}
}  // namespace

double two_point_distance2(const Vec3& d, const Mat3& r0, const Mat3& r, double dt, double sigma_v, double cv_q, double gate) {
  const double spread = pair_spread(dt, sigma_v, cv_q);
  if (pair_surely_apart(d, r0.trace(), r.trace(), spread, gate)) return std::numeric_limits<double>::infinity();
  return pair_distance2(d, r0, r, spread);
}

bool doppler_consistent(const Initiator& c, const Measurement& m, double dt, double max_speed, double max_accel, double max_jerk,
                        double gate_1dof) {
  if (!c.has_range_rate || !m.has_range_rate || !(dt > 0.0)) return true;
  // Nearest the object can have come: r(t) >= r0 - V t and >= r1 - V (dt - t).
  const double r = 0.5 * (c.range_m + m.rae.range_m - max_speed * dt);
  if (!(r >= 1000.0)) return true;
  const double jerk = max_jerk + 3.0 * max_accel * max_speed / r + kTwoOverRoot3 * max_speed * max_speed * max_speed / (r * r);
  const double e = (m.rae.range_m - c.range_m) - 0.5 * dt * (c.range_rate_mps + m.range_rate_mps);
  const double var = c.sigma_range_m * c.sigma_range_m + m.sigma_range_m * m.sigma_range_m +
                     0.25 * dt * dt * (c.sigma_range_rate_mps * c.sigma_range_rate_mps + m.sigma_range_rate_mps * m.sigma_range_rate_mps);
  return std::abs(e) <= dt * dt * dt / 12.0 * jerk + std::sqrt(gate_1dof * var);
}

ImmState Tracker::one_point_state(const Vec3& z, const Mat3& R) const {
  Gaussian g;
  g.x.setZero();
  g.x.head<3>() = z;
  g.P.setZero();
  g.P.topLeftCorner<3, 3>() = R;
  g.P.block<3, 3>(3, 3) = params_.init_velocity_sigma_mps * params_.init_velocity_sigma_mps * Mat3::Identity();
  g.P.block<3, 3>(6, 6) = params_.init_accel_sigma_mps2 * params_.init_accel_sigma_mps2 * Mat3::Identity();
  return imm_start(g, initiation_);
}

Track Tracker::new_track(const Vec3& z, const Mat3& R, double t) const {
  Track tr;
  tr.t = t;
  tr.imm = one_point_state(z, R);
  tr.combine();
  tr.hits = 1;
  tr.history = 1u;
  tr.looks = 1;
  tr.first_t = t;
  tr.last_update_t = t;
  return tr;
}

void Tracker::mark_used(Initiator& c) {
  if (c.used) return;
  c.used = true;
  ++initiators_gone_;
}

bool Tracker::waiting_at(Initiator& c, double t) {
  if (!c.used && c.expires_t < t) mark_used(c);
  return !c.used && c.t < t;
}

void Tracker::compact_initiators() {
  std::erase_if(initiators_, [](const Initiator& c) { return c.used; });
  initiators_gone_ = 0;
  expiry_cursor_ = 0;
  init_index_.clear();
  for (std::size_t k = 0; k < initiators_.size(); ++k) {
    const Initiator& c = initiators_[k];
    init_index_.add(c.z, c.t, c.trace_r, c.reach_t);
  }
}

void Tracker::add_initiator_candidates(const MeasurementBatch& batch, const std::vector<Mat3>& z_cov,
                                       const SensorGeometry& geometry) {
  const double t = batch.t0;
  AssociationInput& in = in_;
  init_cand_.clear();
  looked_.clear();
  // Initiators paired, dropped or expired are marked used and skipped (an expired one when the
  // scans below meet it, or when the expiry cursor, which walks the list in the order of the
  // detections, passes it); the list is compacted only when more than half of it is used up, not at
  // every batch (speed only).
  while (expiry_cursor_ < initiators_.size() && initiators_[expiry_cursor_].expires_t < t) mark_used(initiators_[expiry_cursor_++]);
  if (2 * initiators_gone_ > initiators_.size()) compact_initiators();
  // Whether the batch looked at each initiator (its position inside the looked-at volume, no
  // margin): a miss for each it does not pair, as for the one-point track (tracker_candidates.cpp,
  // "strictly").
  // An initiator a rotating or sector-scanning radar's sweep cannot reach before a later batch of
  // that radar (tracking/sweep_reach.hpp, for a still point without margin: the test here has none)
  // is left alone until then, as find_candidates leaves tracks (the same outcome, fewer tests): the
  // index's heap of that radar hands the batch only the initiators it may reach.
  if (batch.coverage.known) {
    const SweepSlice slice = SweepSlice::of(batch.coverage);
    const SweepReach sweep_reach(batch.coverage, t, batch.t1);
    const int ri = batch.radar_index;
    const bool sweep_looks = params_.sweep_reach && sweep_reach.usable() && ri >= 0 && ri < kSweepRadars;
    // Lists initiator k as looked at when the batch looked at it; else, for a sweeping radar,
    // remembers when that radar's sweep can next reach it.
    auto look = [&](std::size_t k) {
      Initiator& c = initiators_[k];
      const Vec3 enu = geometry.to_sensor * (c.z - geometry.position);
      if (!(slice.surely_outside_fast(enu, enu.squaredNorm(), 0.0) || slice.surely_outside(enu, 0.0)) &&
          batch.coverage.covers(range_az_el_from_enu(enu))) {
        looked_.push_back(static_cast<int>(k));
        return;
      }
      if (!sweep_looks) return;
      TrackSummary still;   // the initiator's point, not moving, no covariance: no margin
      still.p = c.z;
      still.v = still.a = Vec3::Zero();
      still.t = t;
      sweep_reach.remember(enu, still, 0.0, c.reach_t[ri], c.retry_t[ri]);
    };
    if (sweep_looks) {
      init_near_.clear();
      init_index_.due(ri, batch.t1, init_near_);
      for (const int k : init_near_) {
        Initiator& c = initiators_[static_cast<std::size_t>(k)];
        if (waiting_at(c, t)) look(static_cast<std::size_t>(k));
        if (!c.used) init_index_.again(ri, k, c.reach_t[ri]);   // a used one leaves the heap for good
      }
    } else {
      for (std::size_t k = 0; k < initiators_.size(); ++k)
        if (waiting_at(initiators_[k], t)) look(k);
    }
  }
  // An initiator joins the association as the one-point track it stands for, predicted to t, when
  // that track would be a candidate of this batch: inside the looked-at volume grown by the
  // candidate margin of its predicted position (no velocity: zero drift; covariance trace R0 +
  // 3 sigma_v^2 dt^2 + q dt^3, tracker_candidates.cpp), with some detection in its position gate
  // (two_point_distance2, a marginal of its gate in Cartesian coordinates, widened by half for the
  // spherical measurement's nonlinearity as gating_radius widens the association's) that passes the
  // Doppler test. The association then gates it on the full measurement and lets it compete with
  // the tracks and the other initiators, as the one-point tracks do: a detection some track takes
  // at the edge of its gate goes to the initiator when that is the better joint assignment.
  if (in.z.empty()) return;   // no detection to pair with: no initiator joins the association
  const double pre_gate = 1.5 * std::max(params_.gate_chi2, params_.gate_chi2_range_rate);
  const double sv = params_.init_velocity_sigma_mps;
  // Only the initiators the index finds near a detection (the quick reject below, for all pairs at
  // once), in the list's order, as a scan of the list.
  init_near_.clear();
  init_index_.near(in.z_position, in.z_position_var, t, pre_gate, sv, params_.imm.noise.cv_q, init_near_);
  for (const int ki : init_near_) {
    const std::size_t k = static_cast<std::size_t>(ki);
    Initiator& c = initiators_[k];
    if (!waiting_at(c, t)) continue;
    const double dt = t - c.t;
    // two_point_distance2 in its parts (in.z_position_var holds the detections' R traces).
    const double spread = pair_spread(dt, sv, params_.imm.noise.cv_q);
    bool near = false;
    for (std::size_t b = 0; b < in.z.size(); ++b) {
      const Vec3 d = in.z_position[b] - c.z;
      if (pair_surely_apart(d, c.trace_r, in.z_position_var[b], spread, pre_gate)) continue;
      if (pair_distance2(d, c.R, z_cov[b], spread) > pre_gate) continue;
      if (c.radar_index == batch.radar_index &&
          !doppler_consistent(c, batch.detections[b], dt, params_.max_speed_mps, params_.max_accel_mps2, params_.max_jerk_mps3,
                              kGate1Dof)) {
        ++stats_.doppler_rejected;
        continue;
      }
      near = true;
    }
    if (!near) continue;
    if (batch.coverage.known) {
      const double trace = candidate_position_trace(c.R.trace(), 0.0, 3.0 * sv * sv, params_.imm.noise.cv_q, dt);
      const Vec3 enu = geometry.to_sensor * (c.z - geometry.position);
      if (!batch.coverage.covers(range_az_el_from_enu(enu), candidate_margin_rad(trace, enu.norm()))) continue;
    }
    init_cand_.push_back(static_cast<int>(k));
    ++stats_.initiator_candidates;
  }
  if (init_pred_.size() < init_cand_.size()) init_pred_.resize(init_cand_.size());
  for (std::size_t j = 0; j < init_cand_.size(); ++j) {
    const Initiator& c = initiators_[static_cast<std::size_t>(init_cand_[j])];
    init_pred_[j] = one_point_state(c.z, c.R);
    imm_predict(init_pred_[j], t - c.t, initiation_, ctx_);
    in.predicted.push_back(&init_pred_[j]);
  }
}

void Tracker::start_pairs(const MeasurementBatch& batch, const AssociationResult& assoc, double density,
                          std::vector<int>& confirmed_now) {
  const double t = batch.t0;
  // An initiator the association gave a detection (GNN; under JPDA its likeliest, when "no
  // detection" is less likely than not, as for a track's hit) starts the track of the pair, unless
  // the detection fails the Doppler test with it (the association does not know that test): then the
  // detection waits as an initiator itself. A paired initiator is used up (its track holds its object
  // on); one looked at and not paired counts a miss and is dropped at delete_misses_tentative.
  const double pd = params_.jpda_detection_probability;
  const std::size_t first = cand_.size();   // the initiators' slots follow the tracks'
  free_again_.assign(in_.z.size(), 0);
  for (std::size_t j = 0; j < init_cand_.size(); ++j) {
    const auto& w = assoc.weights[first + j];
    if (w.empty() || assoc.beta0[first + j] >= 0.5) continue;
    const std::size_t b = static_cast<std::size_t>(
        std::max_element(w.begin(), w.end(), [](const auto& x, const auto& y) { return x.beta < y.beta; })->detection);
    Initiator& c = initiators_[static_cast<std::size_t>(init_cand_[j])];
    if (c.radar_index == batch.radar_index &&
        !doppler_consistent(c, batch.detections[b], t - c.t, params_.max_speed_mps, params_.max_accel_mps2, params_.max_jerk_mps3,
                            kGate1Dof)) {
      ++stats_.doppler_rejected;
      if (params_.association == Association::Gnn) free_again_[b] = 1;
      continue;
    }
    mark_used(c);
    const int i = start_pair(c, batch, b, density, pd);
    if (tracks_[static_cast<std::size_t>(i)].status == TrackStatus::Confirmed) confirmed_now.push_back(i);
  }
  for (const int k : looked_) {
    Initiator& c = initiators_[static_cast<std::size_t>(k)];
    if (!c.used && ++c.misses >= params_.delete_misses_tentative) mark_used(c);
  }
}

void Tracker::initiate(const MeasurementBatch& batch, const AssociationResult& assoc, const std::vector<Mat3>& z_cov) {
  const double t = batch.t0;
  const AssociationInput& in = in_;
  if (params_.initiation == Initiation::OnePoint) {
    for (std::size_t b = 0; b < in.z.size(); ++b)
      if (!assoc.claimed[b]) start_track(new_track(in.z_position[b], z_cov[b], t));
    return;
  }
  const double coast = batch.coverage.known ? params_.max_coast_s : std::min(params_.max_coast_s, params_.unknown_coverage_tentative_coast_s);
  for (std::size_t b = 0; b < in.z.size(); ++b) {
    if (assoc.claimed[b] && !free_again_[b]) continue;
    const Measurement& m = batch.detections[b];
    initiators_.push_back({in.z_position[b], z_cov[b], t, t + coast, batch.radar_index, 0, false, m.rae.range_m,
                           m.sigma_range_m, m.has_range_rate, m.range_rate_mps, m.sigma_range_rate_mps});
    initiators_.back().trace_r = z_cov[b].trace();
    const Initiator& c = initiators_.back();
    init_index_.add(c.z, c.t, c.trace_r, c.reach_t);
    ++stats_.initiators;
  }
}

int Tracker::start_pair(const Initiator& c, const MeasurementBatch& batch, std::size_t b, double density,
                        double pd) {
  const double t = batch.t0;
  // The one-point track the initiator would have started, predicted to t and updated with the
  // detection.
  Track tr = new_track(c.z, c.R, c.t);
  imm_predict(tr.imm, t - c.t, initiation_, ctx_);
  const ImmInnovations inn = imm_innovate(tr.imm, in_.z[b], initiation_);
  imm_update(tr.imm, inn);
  tr.t = t;
  tr.combine();
  const int misses = c.misses;
  tr.hits = 2;
  tr.history = (1u << (misses + 1)) | 1u;
  tr.looks = misses + 2;
  tr.score = misses * score_miss(pd) + score_hit(pd, inn[0].likelihood(), density);
  tr.score_peak = tr.score;
  tr.last_update_t = t;
  update_drag_estimate(tr.drag, t, tr.position(), tr.velocity(), tr.P.block<3, 3>(3, 3), ctx_);
  const Measurement& m = batch.detections[b];
  if (batch.snr_1m2_at_1m > 0.0 && m.rae.range_m > 0.0)
    tr.signature.add(batch.frequency_hz, rcs_dbsm_from_snr(m.snr_db, m.rae.range_m, batch.snr_1m2_at_1m));
  reclassify(tr);
  const int id = start_track(std::move(tr));
  const int i = index_of(id);
  confirm_if_evident(tracks_[static_cast<std::size_t>(i)], t);
  refresh(static_cast<std::size_t>(i));
  return i;
}

}  // namespace skyshield
