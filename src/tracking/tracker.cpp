#include "tracking/tracker.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

#include "tracking/assignment.hpp"
#include "tracking/kalman_cv.hpp"
#include "tracking/measurement_conversion.hpp"

namespace skyshield {

Tracker::Tracker(const LocalFrame& frame, TrackerParams params) : frame_(frame), params_(params) {}

bool Tracker::predicted(int track_id, double t, Track& out) const {
  for (const Track& tr : tracks_) {
    if (tr.id != track_id) continue;
    out = tr;
    cv_predict(out.x, out.P, t - out.t, params_.process_noise_q);
    out.t = t;
    return true;
  }
  return false;
}

std::vector<TrackEvent> Tracker::take_events() {
  std::vector<TrackEvent> out;
  out.swap(events_);
  return out;
}

void Tracker::process(const MeasurementBatch& batch) {
  const double t = batch.t0;  // detections of a batch are time-stamped at its start
  std::vector<CartesianMeasurement> z;
  z.reserve(batch.detections.size());
  for (const Measurement& m : batch.detections) z.push_back(to_tracker_frame(m, batch.radar_frame, frame_));

  // Tracks whose predicted position lies inside the looked-at volume, grown by three standard
  // deviations of that prediction, are candidates for association; only those whose predicted
  // position lies inside the volume itself count a miss when nothing associates (a target on the
  // edge of a sweep slice may be detected in the next slice: not looked at is not a miss).
  struct Candidate {
    int index;
    Vec6 x;
    Mat6 P;
    bool strictly_covered;
  };
  std::vector<Candidate> cands;
  for (int i = 0; i < static_cast<int>(tracks_.size()); ++i) {
    const Track& tr = tracks_[i];
    // Coverage test on the predicted position and the trace of its predicted covariance, computed
    // without the full 6x6 prediction (most tracks are outside a thin sweep slice):
    // tr(P'pp) = tr(Ppp) + 2 dt tr(Ppv) + dt^2 tr(Pvv) + 3 q |dt|^3 / 3.
    const double dt = t - tr.t;
    const Vec3 pos = tr.x.head<3>() + dt * tr.x.tail<3>();
    const double trace_pp = tr.P.topLeftCorner<3, 3>().trace() + 2.0 * dt * tr.P.topRightCorner<3, 3>().trace() +
                            dt * dt * tr.P.bottomRightCorner<3, 3>().trace() + params_.process_noise_q * std::abs(dt * dt * dt);
    const RangeAzEl rae = range_az_el_from_enu(batch.radar_frame.to_enu(frame_.to_ecef(pos)));
    const double margin = 3.0 * std::sqrt(std::max(0.0, trace_pp) / 3.0) / std::max(rae.range_m, 1.0);
    if (!batch.coverage.covers(rae, margin)) continue;
    Candidate c{i, tr.x, tr.P, batch.coverage.covers(rae)};
    cv_predict(c.x, c.P, dt, params_.process_noise_q);
    cands.push_back(c);
  }

  // Global nearest neighbour: minimise sum of (d^2 + ln det S) over gated pairs.
  Eigen::MatrixXd cost = Eigen::MatrixXd::Constant(static_cast<Eigen::Index>(cands.size()),
                                                   static_cast<Eigen::Index>(z.size()), kForbidden);
  for (std::size_t a = 0; a < cands.size(); ++a) {
    for (std::size_t b = 0; b < z.size(); ++b) {
      const Innovation in = cv_innovation(cands[a].x, cands[a].P, z[b].z, z[b].R);
      if (in.mahalanobis2 <= params_.gate_chi2)
        cost(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(b)) = in.mahalanobis2 + std::log(in.S.determinant());
    }
  }
  const std::vector<int> assigned = solve_assignment(cost);
  std::vector<char> used(z.size(), 0);
  const std::uint32_t window = (params_.confirm_n >= 32) ? ~0u : ((1u << params_.confirm_n) - 1u);
  for (std::size_t a = 0; a < cands.size(); ++a) {
    Track& tr = tracks_[cands[a].index];
    if (assigned[a] < 0 && !cands[a].strictly_covered) continue;
    tr.x = cands[a].x;
    tr.P = cands[a].P;
    tr.t = t;
    tr.history <<= 1;
    if (assigned[a] >= 0) {
      const CartesianMeasurement& m = z[assigned[a]];
      used[assigned[a]] = 1;
      cv_update(tr.x, tr.P, m.z, m.R);
      tr.history |= 1u;
      ++tr.hits;
      tr.consecutive_misses = 0;
      tr.last_update_t = t;
      if (tr.hits >= 2) {
        const double alt = geodetic_from_ecef(frame_.to_ecef(tr.position())).alt_m;
        tr.classified = classify_track(tr, alt, params_.classifier);
      }
      if (tr.status == TrackStatus::Tentative && std::popcount(tr.history & window) >= params_.confirm_m) {
        tr.status = TrackStatus::Confirmed;
        events_.push_back({TrackEvent::Kind::Confirmed, tr.id, t});
      }
    } else {
      ++tr.consecutive_misses;
    }
  }

  // Deletion: too many covered misses in a row, or too long without an update.
  std::erase_if(tracks_, [&](const Track& tr) {
    const bool confirmed = tr.status == TrackStatus::Confirmed;
    const double coast = t - tr.last_update_t;
    const bool missed_out = confirmed ? tr.consecutive_misses >= params_.delete_misses_confirmed && coast >= params_.min_coast_confirmed_s
                                      : tr.consecutive_misses >= params_.delete_misses_tentative;
    const bool dead = missed_out || coast > params_.max_coast_s;
    if (dead && tr.status == TrackStatus::Confirmed) events_.push_back({TrackEvent::Kind::Deleted, tr.id, t});
    return dead;
  });

  // New tentative tracks from unassociated detections: position measured, velocity unknown.
  const double sv2 = params_.init_velocity_sigma_mps * params_.init_velocity_sigma_mps;
  for (std::size_t b = 0; b < z.size(); ++b) {
    if (used[b]) continue;
    Track tr;
    tr.id = next_id_++;
    tr.t = t;
    tr.x.head<3>() = z[b].z;
    tr.P = Mat6::Zero();
    tr.P.topLeftCorner<3, 3>() = z[b].R;
    tr.P.bottomRightCorner<3, 3>() = sv2 * Mat3::Identity();
    tr.hits = 1;
    tr.history = 1u;
    tr.first_t = t;
    tr.last_update_t = t;
    tracks_.push_back(tr);
    events_.push_back({TrackEvent::Kind::Initiated, tr.id, t});
  }
}

}  // namespace skyshield
