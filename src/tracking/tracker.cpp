#include "tracking/tracker.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

#include "core/units.hpp"
#include "tracking/association.hpp"
#include "tracking/measurement_conversion.hpp"
#include "tracking/reinitiation.hpp"
#include "tracking/track_score.hpp"

namespace skyshield {

TrackSummary Tracker::summarize(const Track& tr) {
  TrackSummary h;
  h.p = tr.position();
  h.v = tr.velocity();
  h.a = tr.acceleration();
  h.t = tr.t;
  h.trace_pp = tr.P.topLeftCorner<3, 3>().trace();
  h.trace_pv = tr.P.block<3, 3>(0, 3).trace();
  h.trace_vv = tr.P.block<3, 3>(3, 3).trace();
  h.last_update_t = tr.last_update_t;
  h.id = tr.id;
  h.consecutive_misses = tr.consecutive_misses;
  h.confirmed = tr.status == TrackStatus::Confirmed;
  // A sum is finite exactly when every term is (a NaN or an infinity anywhere makes it NaN or
  // infinite; finite values this large do not occur): one vectorised pass instead of a test per value.
  h.finite = std::isfinite(tr.x.sum()) && std::isfinite(tr.P.sum());
  const bool missed_out = !h.confirmed && (params_.track_management == TrackManagement::Score
                                               ? tr.score <= wald_thresholds(params_.false_track_probability, params_.true_track_loss_probability).remove
                                               : h.consecutive_misses >= params_.delete_misses_tentative);
  const bool diverged = h.trace_pp / 3.0 > params_.max_position_sigma_m * params_.max_position_sigma_m;
  const bool too_fast = !h.confirmed && h.v.norm() > params_.max_speed_mps;
  h.doomed = missed_out || diverged || too_fast;
  h.version = ++versions_;
  // The coast rules of delete_lost cannot hold before due_t when the batches' coverage is known
  // (taken a microsecond early against the rounding of t - last_update_t).
  constexpr double kSlack = 1e-6;
  if (h.doomed)
    h.due_t = -std::numeric_limits<double>::infinity();
  else if (h.confirmed)
    h.due_t = h.last_update_t - kSlack +
              (h.consecutive_misses >= params_.delete_misses_confirmed ? std::min(params_.min_coast_confirmed_s, params_.max_coast_s) : params_.max_coast_s);
  else
    h.due_t = h.last_update_t - kSlack + params_.max_coast_s;
  // Divergence also comes with time: a coasting track's position covariance grows. Its prediction
  // without process noise, trace_pp + 2 tau trace_pv + tau^2 trace_vv after tau seconds (the
  // constant-velocity propagation of the position block; the IMM's prediction adds process noise, so
  // it is larger), reaches 3 max_position_sigma^2 at the positive root below: due then at the latest.
  if (!h.doomed && h.trace_vv > 0.0) {
    const double c = h.trace_pp - 3.0 * params_.max_position_sigma_m * params_.max_position_sigma_m;   // < 0: not diverged
    const double tau = (-h.trace_pv + std::sqrt(h.trace_pv * h.trace_pv - h.trace_vv * c)) / h.trace_vv;
    h.due_t = std::min(h.due_t, h.t + tau - kSlack);
  }
  return h;
}

bool Tracker::diverged_by(const TrackSummary& h, double t) const {
  const double tau = std::max(0.0, t - h.t);
  return h.trace_pp + 2.0 * tau * h.trace_pv + tau * tau * h.trace_vv > 3.0 * params_.max_position_sigma_m * params_.max_position_sigma_m;
}

void Tracker::refresh(std::size_t i) {
  summary_[i] = summarize(tracks_[i]);
  columns_.reset(i, summary_[i].due_t);
  next_due_t_ = std::min(next_due_t_, summary_[i].due_t);
}

int Tracker::first_non_finite() const {
  for (const TrackSummary& h : summary_)
    if (!h.finite) return h.id;
  return -1;
}

bool association_from_string(std::string_view s, Association& out) {
  if (s == "gnn") out = Association::Gnn;
  else if (s == "jpda") out = Association::Jpda;
  else return false;
  return true;
}

const char* to_string(TrackEvent::MergeRule r) {
  switch (r) {
    case TrackEvent::MergeRule::StaleTrack: return "stale track";
    case TrackEvent::MergeRule::Evidence: return "pair evidence";
    default: return "";
  }
}

const char* to_string(Association a) { return a == Association::Gnn ? "gnn" : "jpda"; }

bool track_management_from_string(std::string_view s, TrackManagement& out) {
  if (s == "score") out = TrackManagement::Score;
  else if (s == "m_of_n") out = TrackManagement::MOfN;
  else return false;
  return true;
}

double Tracker::false_alarm_density(int radar_index, double outside, double volume) {
  ClutterCount& c = clutter_[radar_index];
  c.outside += outside;
  c.volume += std::max(volume, 1e-12);
  return std::max(c.outside, 1.0) / c.volume;
}

Tracker::Tracker(const LocalFrame& frame, TrackerParams params) : frame_(frame), params_(std::move(params)) {
  initiation_ = params_.imm;
  initiation_.models = {MotionModel::ConstantVelocity};
  ctx_.frame = &frame_;
  ctx_.ballistic_beta_kg_m2 = params_.ballistic_beta_kg_m2;
  for (std::size_t j = 0; j < params_.imm.models.size(); ++j)
    if (params_.imm.models[j] == MotionModel::Ballistic) ballistic_model_ = static_cast<int>(j);
  DuplicateParams dp;
  dp.pd = params_.jpda_detection_probability;
  dp.min_sigma_m = params_.merge_min_sigma_m;
  dp.false_merge_probability = params_.duplicate_false_merge_probability;
  duplicates_ = DuplicateEvidence(dp);
  // The gap test refuses a true re-initiation with probability at most the pair test's beta (the
  // chance of keeping a duplicate): K = 2 at Pd 0.9, beta 0.01 (tracking/reinitiation.hpp).
  reinitiation_misses_ = reinitiation_miss_limit(params_.jpda_detection_probability, dp.kept_duplicate_probability);
}

void Tracker::predict_to(Track& tr, double t) const {
  imm_predict(tr.imm, t - tr.t, imm_for(tr), context_for(tr));
  tr.t = t;
  tr.combine();
}

int Tracker::index_of(int track_id) const {
  const auto it = index_.find(track_id);
  return it == index_.end() ? -1 : it->second;
}

const Track* Tracker::find(int track_id) const {
  const int i = index_of(track_id);
  return i < 0 ? nullptr : &tracks_[static_cast<std::size_t>(i)];
}

bool Tracker::predicted(int track_id, double t, Track& out) const {
  const int i = index_of(track_id);
  if (i < 0) return false;
  out = tracks_[i];
  predict_to(out, t);
  return true;
}

const Tracker::Prediction& Tracker::prediction(const Track& tr, double t) const {
  const auto i = static_cast<std::size_t>(&tr - tracks_.data());
  if (predictions_.size() < tracks_.size()) predictions_.resize(tracks_.size());
  CachedPrediction& c = predictions_[i];
  if (c.version != summary_[i].version || c.t != t) {
    // predicted(tr, t)'s position, velocity and position block, without the rest of its covariance.
    Vec9 x;
    Mat3 P_pp;
    imm_predicted_position(tr.imm, t - tr.t, imm_for(tr), context_for(tr), x, P_pp);
    c = {summary_[i].version, t, {position_of(x), velocity_of(x), P_pp}};
  }
  return c.p;
}

bool Tracker::prediction(int track_id, double t, Prediction& out) const {
  const int i = index_of(track_id);
  if (i < 0) return false;
  out = prediction(tracks_[i], t);
  return true;
}

Vec9 Tracker::predicted_state(const Track& tr, double t) const {
  Vec9 x;
  if (imm_predicted_mean(tr.imm, t - tr.t, imm_for(tr), context_for(tr), x)) return x;
  return predicted(tr, t).x;
}

bool Tracker::predicted_state(int track_id, double t, Vec9& out) const {
  const int i = index_of(track_id);
  if (i < 0) return false;
  out = predicted_state(tracks_[i], t);
  return true;
}

double Tracker::ballistic_probability(const Track& tr) const {
  return ballistic_model_ >= 0 ? tr.imm.mu[ballistic_model_] : 0.0;
}

std::vector<TrackEvent> Tracker::take_events() {
  std::vector<TrackEvent> out;
  out.swap(events_);
  return out;
}

void Tracker::reclassify(Track& tr) const {
  const double alt = geodetic_from_ecef(frame_.to_ecef(tr.position())).alt_m;
  tr.classified = classify_track(tr, alt, ballistic_probability(tr), params_.classifier);
}

// The RCS of the track's most likely detection (GNN: its one; JPDA: the largest weight), from the
// radar's calibration (tracking/signature.hpp); nothing when the batch does not give it.
void Tracker::add_signature(Track& tr, const MeasurementBatch& batch, const std::vector<AssociationResult::Weight>& w) const {
  if (batch.snr_1m2_at_1m <= 0.0 || w.empty()) return;
  const auto most = std::max_element(w.begin(), w.end(), [](const auto& a, const auto& b) { return a.beta < b.beta; });
  const Measurement& m = batch.detections[static_cast<std::size_t>(most->detection)];
  if (m.rae.range_m <= 0.0) return;
  tr.signature.add(batch.frequency_hz, rcs_dbsm_from_snr(m.snr_db, m.rae.range_m, batch.snr_1m2_at_1m));
}

int Tracker::start_track(Track tr) {
  tr.id = next_id_++;
  tracks_.push_back(std::move(tr));
  const Track& added = tracks_.back();
  index_[added.id] = static_cast<int>(tracks_.size()) - 1;
  summary_.emplace_back();
  columns_.push_back();
  refresh(tracks_.size() - 1);
  events_.push_back({TrackEvent::Kind::Initiated, added.id, added.t});
  ++stats_.started;
  return added.id;
}

void Tracker::confirm_if_evident(Track& tr, double t) {
  const std::uint32_t window = (params_.confirm_n >= 32) ? ~0u : ((1u << params_.confirm_n) - 1u);
  const bool evidence = params_.track_management == TrackManagement::Score
                            ? tr.score >= wald_thresholds(params_.false_track_probability, params_.true_track_loss_probability).confirm
                            : std::popcount(tr.history & window) >= params_.confirm_m;
  if (tr.status != TrackStatus::Tentative || !evidence) return;
  ++stats_.confirmed;
  tr.status = TrackStatus::Confirmed;
  tr.confirmed_t = t;
  tr.imm = imm_start(tr.imm.combined(), params_.imm);
  events_.push_back({TrackEvent::Kind::Confirmed, tr.id, t});
}

void Tracker::delete_lost(double t, const std::vector<int>& merged_away, bool coverage_known) {
  // The state-only rules (misses of a tentative track, divergence, speed) were evaluated when the
  // track last changed (TrackSummary::doomed); the coast rules depend on t.
  const double max_coast_tentative = coverage_known ? params_.max_coast_s : std::min(params_.max_coast_s, params_.unknown_coverage_tentative_coast_s);
  // No rule can hold before the earliest due_t (known coverage): most batches delete nothing.
  const bool due_known = coverage_known && merged_away.empty();
  if (due_known && t < next_due_t_) return;
  // Dead tracks are replaced by the last track (no shifting of the whole list: tracks are large);
  // the order of tracks() is therefore not the order of initiation.
  double next_due = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < summary_.size();) {
    if (due_known && columns_.due_t[i] > t) {   // no rule can hold yet
      next_due = std::min(next_due, columns_.due_t[i]);
      ++i;
      continue;
    }
    const TrackSummary& h = summary_[i];
    const double coast = t - h.last_update_t;
    bool gone = h.doomed || diverged_by(h, t);
    if (!gone && h.confirmed)
      gone = (h.consecutive_misses >= params_.delete_misses_confirmed && coast >= params_.min_coast_confirmed_s) || coast > params_.max_coast_s;
    else if (!gone)
      gone = coast > max_coast_tentative;
    if (!gone && !merged_away.empty()) gone = std::find(merged_away.begin(), merged_away.end(), h.id) != merged_away.end();
    if (!gone) {
      next_due = std::min(next_due, columns_.due_t[i]);
      ++i;
      continue;
    }
    if (h.confirmed) {
      events_.push_back({TrackEvent::Kind::Deleted, h.id, t});
      duplicates_.forget(h.id);
    }
    index_.erase(h.id);
    if (i + 1 != tracks_.size()) {
      tracks_[i] = std::move(tracks_.back());
      summary_[i] = summary_.back();
      index_[summary_[i].id] = static_cast<int>(i);
    }
    columns_.move_last_to(i);
    tracks_.pop_back();
    summary_.pop_back();
  }
  next_due_t_ = next_due;
}

void Tracker::process(const MeasurementBatch& batch) {
  const double t = batch.t0;  // detections of a batch are time-stamped at its start
  ++stats_.batches;
  // Per-batch buffers kept across batches (no allocation once they have grown).
  AssociationInput& in = in_;
  in.predicted.clear();
  in.z.clear();
  in.z_position.clear();
  in.z_position_var.clear();
  std::vector<Mat3>& z_cov = z_cov_;
  z_cov.clear();
  const SensorGeometry geometry = SensorGeometry::between(batch.radar_frame, frame_);
  bool range_rate = false;
  for (const Measurement& m : batch.detections) {
    const CartesianMeasurement c = to_tracker_frame(m, batch.radar_frame, frame_);
    in.z.push_back(SphericalMeasurement::from(m, geometry));
    in.z_position.push_back(c.z);
    in.z_position_var.push_back(c.R.trace());
    z_cov.push_back(c.R);
    range_rate = range_rate || m.has_range_rate;
  }
  in.clutter_volume = coverage_volume(batch.coverage, range_rate, in.z);
  stats_.detections += static_cast<long long>(in.z.size());

  find_candidates(batch, in, geometry);
  const std::vector<int>& cand = cand_;
  const std::vector<char>& strictly = strictly_;
  // Predictions: a strictly covered candidate keeps its prediction whatever the association (a hit
  // or a miss), so it is predicted in place; one only in the margin keeps it only if a detection
  // associates, so it is predicted on a copy (no copy of the large IMM state for the others).
  std::size_t n_margin = 0;
  for (char strict : strictly) n_margin += strict ? 0 : 1;
  if (margin_.size() < n_margin) margin_.resize(n_margin);
  n_margin = 0;
  for (std::size_t a = 0; a < cand.size(); ++a) {
    Track& tr = tracks_[cand[a]];
    ImmState* s = &tr.imm;
    if (!strictly[a]) {
      s = &margin_[n_margin++];
      *s = tr.imm;
    }
    imm_predict(*s, t - tr.t, imm_for(tr), context_for(tr));
    ++stats_.candidates;
    stats_.margin_candidates += strictly[a] ? 0 : 1;
    stats_.candidate_models += s->n;
    if (strictly[a]) tr.t = t;
    in.predicted.push_back(s);
  }

  if (params_.initiation == Initiation::TwoPoint) add_initiator_candidates(batch, z_cov, geometry);
  const AssociationResult assoc = associate(in, params_, stats_);
  // The track score's false-alarm density: this radar's detections outside every gate so far.
  const double pd = params_.jpda_detection_probability;
  const double density = false_alarm_density(batch.radar_index, assoc.outside_gates, in.clutter_volume);
  std::vector<double> likelihoods;
  for (std::size_t a = 0; a < cand.size(); ++a) {
    Track& tr = tracks_[cand[a]];
    const auto& w = assoc.weights[a];
    if (w.empty() && !strictly[a]) continue;
    if (!strictly[a]) tr.imm = *in.predicted[a];
    tr.t = t;
    if (!w.empty()) {
      ++stats_.updates;
      stats_.update_models += tr.imm.n;
      if (params_.association == Association::Gnn) {
        imm_update(tr.imm, assoc.innovations(w[0]));
      } else {
        std::vector<ImmInnovations> inn;
        std::vector<double> beta{assoc.beta0[a]};
        for (const AssociationResult::Weight& x : w) {
          inn.push_back(assoc.innovations(x));
          beta.push_back(x.beta);
        }
        const double pd = params_.jpda_detection_probability;
        imm_pda_update(tr.imm, inn, beta, pd * kGateProbability, pd, assoc.clutter_density);
      }
    }
    tr.combine();
    stats_.tentative_looks += tr.status == TrackStatus::Tentative ? 1 : 0;
    if (w.empty()) {
      tr.score += score_miss(pd);
    } else if (params_.association == Association::Gnn) {
      tr.score += score_hit(pd, w[0].likelihood, density);
    } else {
      likelihoods.clear();
      for (const AssociationResult::Weight& x : w) likelihoods.push_back(x.likelihood);
      tr.score += score_pda(pd, kGateProbability, likelihoods, density);
    }
    tr.score_peak = std::max(tr.score_peak, tr.score);
    tr.history <<= 1;
    ++tr.looks;
    if (!w.empty() && assoc.beta0[a] < 0.5) {
      tr.history |= 1u;
      ++tr.hits;
      tr.consecutive_misses = 0;
      tr.last_update_t = t;
      tr.lost_t = std::numeric_limits<double>::infinity();
      update_drag_estimate(tr.drag, t, tr.position(), tr.velocity(), tr.P.block<3, 3>(3, 3), ctx_);
      add_signature(tr, batch, w);
      if (tr.hits >= 2) reclassify(tr);
      confirm_if_evident(tr, t);
    } else {
      if (++tr.consecutive_misses == reinitiation_misses_) tr.lost_t = t;
    }
  }

  for (int i : cand) refresh(static_cast<std::size_t>(i));
  std::vector<int> confirmed_now;
  for (std::size_t a = 0; a < cand.size(); ++a)
    if (tracks_[cand[a]].confirmed_t == t && tracks_[cand[a]].last_update_t == t) confirmed_now.push_back(cand[a]);
  // Two-point: the pairs' tracks start here, so that one confirmed at its second detection goes
  // through the re-initiation merge below, as the one-point track confirmed in the loop above does.
  if (params_.initiation == Initiation::TwoPoint) start_pairs(batch, assoc, density, confirmed_now);
  std::vector<int> merged_away = merge_duplicates(confirmed_now, t);
  merge_by_evidence(assoc, t, merged_away);
  delete_lost(t, merged_away, batch.coverage.known);

  // New tentative tracks (or initiators) from detections no track took (tracking/track_initiation.cpp).
  initiate(batch, assoc, z_cov);
}

}  // namespace skyshield
