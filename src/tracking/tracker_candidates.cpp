// The tracker's candidate test (tracking/tracker.hpp): which tracks a radar batch may have seen.
#include <algorithm>
#include <cmath>

#include "sensors/sweep_slice.hpp"
#include "tracking/association.hpp"
#include "tracking/spherical_measurement.hpp"
#include "tracking/sweep_reach.hpp"
#include "tracking/tracker.hpp"

namespace skyshield {

void Tracker::find_candidates(const MeasurementBatch& batch, const AssociationInput& in, const SensorGeometry& geometry) {
  // Tracks whose predicted position lies inside the looked-at volume, grown by three standard
  // deviations of that prediction, are candidates for association; only those whose predicted
  // position lies inside the volume itself count a miss when nothing associates (a target on the
  // edge of a sweep slice may be detected in the next slice: not looked at is not a miss). With an
  // unknown coverage (detections read from a file) every track is a candidate and none misses.
  std::vector<int>& cand = cand_;
  std::vector<char>& strictly = strictly_;
  cand.clear();
  strictly.clear();
  const double t = batch.t0;
  const SweepSlice slice = SweepSlice::of(batch.coverage);
  // The association's gating radius about a candidate's predicted position, widened for rounding: a
  // detection farther than this from it cannot associate with it.
  double max_r_var = 0.0;
  for (double v : in.z_position_var) max_r_var = std::max(max_r_var, v);
  auto detection_near = [&](const Vec3& pos, double trace_pp) {
    if (in.z_position.empty()) return false;
    const double r = gating_radius(std::max(0.0, trace_pp), max_r_var, params_) * (1.0 + 1e-6) + 1.0;
    for (const Vec3& z : in.z_position)
      if ((z - pos).squaredNorm() <= r * r) return true;
    return false;
  };
  // A track a sweep cannot reach before a later batch of this radar is left alone until then
  // (tracking/sweep_reach.hpp); where that cannot be said, it is tried again some batches later.
  const Coverage& cov = batch.coverage;
  const int ri = batch.radar_index;
  const SweepReach sweep_reach(cov, t, batch.t1);
  const bool sweep_looks = params_.sweep_reach && sweep_reach.usable() && ri >= 0 && ri < kSweepRadars;
  auto rejected = [&](int i, const Vec3& enu) {
    if (sweep_looks) sweep_reach.remember(enu, summary_[i], params_.imm.noise.cv_q, columns_.reach_t[ri][i], columns_.retry_t[ri][i]);
  };
  const double* reach_t = sweep_looks ? columns_.reach_t[ri].data() : nullptr;
  for (int i = 0; i < static_cast<int>(summary_.size()); ++i) {
    if (sweep_looks && batch.t1 < reach_t[i]) continue;
    ++stats_.tested;
    const TrackSummary& h = summary_[i];
    bool strict = false;
    // Cheap prediction of the position and the trace of its covariance, without the full IMM
    // prediction (most tracks are outside a thin sweep slice, or far from every detection).
    const double dt = t - h.t;
    const Vec3 pos = h.p + dt * h.v + 0.5 * dt * dt * h.a;
    const double trace_pp = candidate_position_trace(h.trace_pp, h.trace_pv, h.trace_vv, params_.imm.noise.cv_q, dt);
    if (batch.coverage.known) {
      const Vec3 enu = geometry.to_sensor * (pos - geometry.position);
      // Outside the looked-at volume grown by an angular margin for a position-covariance trace:
      // the quick rejects, then the exact test.
      RangeAzEl rae;
      const auto outside = [&](double trace) {
        const double range2 = enu.squaredNorm();
        if (slice.surely_outside_fast(enu, range2, trace)) return true;
        const double range = std::sqrt(range2);
        if (range > batch.coverage.max_range_m) return true;  // as covers() tests it
        const double margin = candidate_margin_rad(trace, range);
        if (slice.surely_outside(enu, margin)) return true;
        rae = range_az_el_from_enu(enu);
        return !batch.coverage.covers(rae, margin);
      };
      // Only in the margin, a track keeps its prediction only if a detection associates. For a
      // tentative track the cheap prediction above is its filter's (one constant-velocity model,
      // zero acceleration), so with no detection within the gating radius it is a candidate only
      // when strictly inside the looked-at volume (a miss): tested first, and without the margin
      // (most tentative tracks are clutter with wide margins, far from the batch's few detections).
      if (!h.confirmed && !detection_near(pos, trace_pp)) {
        if (outside(0.0)) {
          rejected(i, enu);
          continue;
        }
        strict = true;
      } else {
        if (outside(trace_pp)) {
          rejected(i, enu);
          continue;
        }
        strict = batch.coverage.covers(rae);
      }
    } else {
      // Unknown coverage: a candidate only when some detection lies within the widest gate (the
      // largest variance along any axis is at most the trace).
      const double gate = std::max(params_.gate_chi2, params_.gate_chi2_range_rate);
      bool near = false;
      for (std::size_t k = 0; k < in.z_position.size() && !near; ++k)
        near = (pos - in.z_position[k]).squaredNorm() <= gate * (std::max(0.0, trace_pp) + in.z_position_var[k]);
      if (!near) continue;
    }
    cand.push_back(i);
    strictly.push_back(strict);
  }
}

}  // namespace skyshield
