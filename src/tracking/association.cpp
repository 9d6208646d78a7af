#include "tracking/association.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "tracking/assignment.hpp"
#include "tracking/gating.hpp"
#include "tracking/jpda.hpp"
#include "tracking/tracker.hpp"

namespace skyshield {

namespace {

// A crowded batch (thousands of objects launched from one spot): when some track has more than
// kCrowdedGate detections in the grid cells about it, every detection is instead tried against its
// kMaxTracksPerDetection nearest track predictions only (a k-d tree of the predictions), so that the
// gating work and the gated pairs grow with the number of detections, not with their square.
// Batches that are not crowded are gated exactly as before (every detection in every gate).
constexpr std::size_t kCrowdedGate = 64;
constexpr std::size_t kMaxTracksPerDetection = 4;

struct Gated {
  GatePair pair;
  double likelihood;    // IMM mixture likelihood sum_j mu_j N_j(z)
  // The innovations are innovations[k] for the k-th gated pair (a parallel array: written in place).
};

// The (track, detection) pairs within the tracks' gating radii, by track then detection.
std::vector<GatePair> near_pairs(const AssociationInput& in, const std::vector<Vec3>& centre, const std::vector<double>& radius) {
  const int nt = static_cast<int>(centre.size()), nd = static_cast<int>(in.z.size());
  std::vector<GatePair> out;
  std::vector<double> sorted = radius;
  std::nth_element(sorted.begin(), sorted.begin() + nt / 2, sorted.end());
  const DetectionGrid grid(in.z_position, std::max(1000.0, sorted[nt / 2]));
  std::vector<int> near;
  bool crowded = false;
  for (int a = 0; a < nt && !crowded; ++a) {
    crowded = !grid.query(centre[a], radius[a], near, kCrowdedGate);
    for (int b : near)
      if (!crowded && (in.z_position[b] - centre[a]).squaredNorm() <= radius[a] * radius[a]) out.push_back({a, b});
  }
  if (!crowded) return out;
  out.clear();
  const NearestPoints tracks(centre);
  for (int b = 0; b < nd; ++b) {
    tracks.query(in.z_position[b], INFINITY, kMaxTracksPerDetection, near);
    for (int a : near)
      if ((in.z_position[b] - centre[a]).squaredNorm() <= radius[a] * radius[a]) out.push_back({a, b});
  }
  std::sort(out.begin(), out.end(), [](const GatePair& x, const GatePair& y) {
    return x.track != y.track ? x.track < y.track : x.detection < y.detection;
  });
  return out;
}

std::vector<Gated> gate(const AssociationInput& in, const TrackerParams& p, std::vector<ImmInnovations>& innovations) {
  std::vector<Gated> out;
  innovations.clear();
  const int nt = static_cast<int>(in.predicted.size()), nd = static_cast<int>(in.z.size());
  if (nt == 0 || nd == 0) return out;
  double max_r_var = 0.0;
  for (double v : in.z_position_var) max_r_var = std::max(max_r_var, v);
  // Query radius per track (gating_radius).
  std::vector<double> radius(nt);
  std::vector<Vec3> centre(nt);
  for (int a = 0; a < nt; ++a) {
    double trace_pp = 0.0;
    in.predicted[a]->combined_position(centre[a], trace_pp);
    radius[a] = gating_radius(trace_pp, max_r_var, p);
  }
  const std::vector<GatePair> pairs = near_pairs(in, centre, radius);
  out.reserve(pairs.size());
  innovations.reserve(pairs.size());   // no reallocation: each pair's innovations stay where written
  for (const GatePair& pair : pairs) {
    const ImmState& s = *in.predicted[pair.track];
    const SphericalMeasurement& z = in.z[pair.detection];
    const double g = z.dim == 4 ? p.gate_chi2_range_rate : p.gate_chi2;
    if (p.imm.filter == FilterKind::Ekf && outside_every_gate(s, z, g)) continue;
    Gated gd{pair, 0.0};
    ImmInnovations& inn = innovations.emplace_back();
    imm_innovate(s, z, p.imm, inn);
    bool inside = false;
    for (int j = 0; j < s.n; ++j) {
      inside = inside || inn[j].mahalanobis2 <= g;
      gd.likelihood += s.mu[j] * inn[j].likelihood();
    }
    if (inside && gd.likelihood > 0.0) out.push_back(gd);
    else innovations.pop_back();
  }
  return out;
}

}  // namespace

// EKF gating: no model's gate can hold when every model's squared Mahalanobis distance exceeds the
// gate by the range alone. For any positive definite S, y' S^-1 y >= y_r^2 / S_rr (Cauchy-Schwarz),
// and the range row of the EKF's measurement Jacobian is the line-of-sight unit vector u, so S_rr =
// u' P_pp u + sigma_r^2: a few operations per model instead of the full innovations (1e-6 spare for
// rounding). The range is the radar's most accurate coordinate, so this settles most near misses.
double gating_radius(double position_trace, double largest_detection_variance, const TrackerParams& p) {
  const double chi2 = std::max(p.gate_chi2, p.gate_chi2_range_rate);
  return 1.5 * std::sqrt(chi2 * (position_trace + largest_detection_variance));
}

bool outside_every_gate(const ImmState& s, const SphericalMeasurement& z, double g) {
  for (int j = 0; j < s.n; ++j) {
    const Vec3 d = position_of(s.model[j].x) - z.sensor.position;
    const double r = std::sqrt(std::max(d.squaredNorm(), 1e-6));
    const Vec3 u = d / r;
    const double s_rr = u.dot(s.model[j].P.topLeftCorner<3, 3>() * u) + z.sigma(0) * z.sigma(0);
    const double y = z.z(0) - r;
    if (!(y * y > g * s_rr * (1.0 + 1e-6))) return false;
  }
  return true;
}

double coverage_volume(const Coverage& c, bool range_rate, const std::vector<SphericalMeasurement>& z) {
  double v = 0.0;
  if (!c.dwells.empty()) {
    v = static_cast<double>(c.dwells.size()) * std::numbers::pi * c.dwell_half_beam_rad * c.dwell_half_beam_rad * c.max_range_m;
  } else if (c.max_range_m > 0.0) {
    double az = c.full_circle ? 2.0 * std::numbers::pi : std::remainder(c.sweep_to_rad - c.sweep_from_rad, 2.0 * std::numbers::pi);
    if (az <= 0.0) az += 2.0 * std::numbers::pi;
    v = c.max_range_m * az * std::max(c.max_el_rad - c.min_el_rad, 1e-3);
  } else {
    // Unknown coverage: the box spanned by the detections themselves.
    Vec4 lo = Vec4::Constant(INFINITY), hi = Vec4::Constant(-INFINITY);
    for (const SphericalMeasurement& m : z) {
      lo = lo.cwiseMin(m.z);
      hi = hi.cwiseMax(m.z);
    }
    v = std::max(hi(0) - lo(0), 1.0) * std::max(hi(1) - lo(1), 1e-3) * std::max(hi(2) - lo(2), 1e-3);
    if (range_rate) v *= std::max(hi(3) - lo(3), 1.0);
    return v;
  }
  return range_rate ? v * 6000.0 : v;   // radial velocities span +-3 km/s
}

AssociationResult associate(const AssociationInput& in, const TrackerParams& p, TrackerStats& stats) {
  const int nt = static_cast<int>(in.predicted.size()), nd = static_cast<int>(in.z.size());
  AssociationResult r;
  r.weights.assign(nt, {});
  r.beta0.assign(nt, 1.0);
  r.claimed.assign(nd, 0);
  const std::vector<Gated> gated = gate(in, p, r.gated_innovations);
  std::vector<GatePair> pairs;
  pairs.reserve(gated.size());
  for (const Gated& g : gated) pairs.push_back(g.pair);
  stats.gated_pairs += static_cast<long long>(pairs.size());
  // Clutter density for JPDA: detections outside every gate, per looked-at volume (at least one).
  std::vector<char> in_gate(nd, 0);
  for (const GatePair& g : pairs) in_gate[g.detection] = 1;
  r.outside_gates = static_cast<int>(std::count(in_gate.begin(), in_gate.end(), 0));
  const double lambda = std::max<double>(1.0, static_cast<double>(r.outside_gates)) /
                        std::max(in.clutter_volume, 1e-12);
  r.clutter_density = lambda;
  const double pd = p.jpda_detection_probability;
  const double pd_pg = pd * kGateProbability;

  std::vector<int> track_slot(nt, -1), det_slot(nd, -1);
  for (const std::vector<int>& cluster : gate_clusters(pairs, nt, nd)) {
    // Cluster-local numbering of tracks and detections, in first-seen order.
    std::vector<int> tracks, dets;
    for (int k : cluster) {
      if (track_slot[pairs[k].track] < 0) {
        track_slot[pairs[k].track] = static_cast<int>(tracks.size());
        tracks.push_back(pairs[k].track);
      }
      if (det_slot[pairs[k].detection] < 0) {
        det_slot[pairs[k].detection] = static_cast<int>(dets.size());
        dets.push_back(pairs[k].detection);
      }
    }
    ++stats.clusters;
    stats.largest_cluster = std::max(stats.largest_cluster, static_cast<int>(tracks.size() + dets.size()));
    if (p.association == Association::Jpda) {
      Eigen::MatrixXd ratio = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(tracks.size()), static_cast<Eigen::Index>(dets.size()));
      for (int k : cluster) ratio(track_slot[pairs[k].track], det_slot[pairs[k].detection]) = pd * gated[k].likelihood / lambda;
      Eigen::MatrixXd beta;
      if (jpda_marginals(ratio, pd_pg, p.jpda_max_events, beta)) {
        for (std::size_t a = 0; a < tracks.size(); ++a) {
          r.beta0[tracks[a]] = beta(static_cast<Eigen::Index>(a), 0);
          for (std::size_t b = 0; b < dets.size(); ++b)
            if (ratio(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(b)) > 0.0)
              r.weights[tracks[a]].push_back({dets[b], beta(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(b) + 1), 0.0, -1});
        }
        for (int k : cluster)
          for (auto& w : r.weights[pairs[k].track])
            if (w.detection == pairs[k].detection) w.gated = k, w.likelihood = gated[k].likelihood;
        for (int d : dets) r.claimed[d] = 1;
        continue;
      }
      ++stats.jpda_fallbacks;
    }
    std::vector<SparseRow> rows(tracks.size());   // the cluster's gated pairs only
    for (int k : cluster) rows[track_slot[pairs[k].track]].emplace_back(det_slot[pairs[k].detection], -2.0 * std::log(gated[k].likelihood));
    const std::vector<int> assigned = solve_assignment(static_cast<int>(dets.size()), rows);
    for (int k : cluster) {
      const int a = track_slot[pairs[k].track];
      if (assigned[a] != det_slot[pairs[k].detection]) continue;
      r.weights[pairs[k].track] = {{pairs[k].detection, 1.0, gated[k].likelihood, k}};
      r.beta0[pairs[k].track] = 0.0;
      r.claimed[pairs[k].detection] = 1;
    }
  }
  r.gated_pairs = std::move(pairs);
  return r;
}

}  // namespace skyshield
