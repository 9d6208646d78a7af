#include "tracking/ospa.hpp"

#include <algorithm>
#include <cmath>

#include "tracking/assignment.hpp"
#include "tracking/gating.hpp"

namespace skyshield {

namespace {

// Optimal injection of the smaller set into the larger on the cut-off distance to the power p. A
// pair at or beyond the cut-off costs c^p whoever it pairs, so the injection is an optimal matching
// over the pairs closer than c in which each truth may instead take a private column at c^p (the
// pairs beyond c fill in the rest, at c^p each, in any order): only the near pairs are listed (a grid
// over the tracks), a sparse problem instead of the dense truths x tracks matrix.
// Returns per truth the track matched closer than c (or -1), their number, the cost (the sum over
// truths, in order, of d^p when matched and c^p otherwise) and the matched pairs' sum of d^p.
struct Matching {
  std::vector<int> truth_to_track;
  int matched = 0;
  double cost = 0.0;
  double localisation = 0.0;   // the sum of d^p over the matched truths, in order
};

Matching match(const std::vector<Vec3>& truth, const std::vector<Vec3>& tracks, const OspaParams& prm) {
  const double cp = std::pow(prm.cutoff_m, prm.order);
  const int nt = static_cast<int>(tracks.size());
  Matching m;
  m.truth_to_track.assign(truth.size(), -1);
  std::vector<SparseRow> rows(truth.size());
  if (nt > 0) {
    const DetectionGrid grid(tracks, std::max(prm.cutoff_m, 1.0));
    std::vector<int> near;
    for (std::size_t i = 0; i < truth.size(); ++i) {
      grid.query(truth[i], prm.cutoff_m, near);
      for (int j : near) {
        const double d = (truth[i] - tracks[static_cast<std::size_t>(j)]).norm();
        if (d < prm.cutoff_m) rows[i].emplace_back(j, std::pow(d, prm.order));
      }
    }
  }
  for (std::size_t i = 0; i < rows.size(); ++i) rows[i].emplace_back(nt + static_cast<int>(i), cp);
  const std::vector<int> col = solve_assignment(nt + static_cast<int>(truth.size()), rows);
  for (std::size_t i = 0; i < truth.size(); ++i) {
    if (col[i] >= 0 && col[i] < nt) {
      m.truth_to_track[i] = col[i];
      ++m.matched;
      const double dp = std::pow((truth[i] - tracks[static_cast<std::size_t>(col[i])]).norm(), prm.order);
      m.cost += dp;
      m.localisation += dp;
    } else {
      m.cost += cp;
    }
  }
  return m;
}

}  // namespace

SetDistances set_distances(const std::vector<Vec3>& truth, const std::vector<Vec3>& tracks, const OspaParams& prm) {
  SetDistances out;
  GospaResult& r = out.gospa;
  const double cp = std::pow(prm.cutoff_m, prm.order);
  const Matching mt = match(truth, tracks, prm);
  const std::size_t n = std::max(truth.size(), tracks.size()), m = std::min(truth.size(), tracks.size());
  // mt.cost counts c^p for every truth not matched closer than c; the injection's total adds c^p for
  // each element of the larger set beyond the smaller's size: (n - |truth|) more.
  if (n > 0) out.ospa = std::pow((mt.cost + cp * static_cast<double>(n - truth.size())) / static_cast<double>(n), 1.0 / prm.order);
  r.truth_to_track = mt.truth_to_track;
  r.assigned = mt.matched;
  r.localisation = mt.localisation;
  // The injection pairs every element of the smaller set: those not matched closer than c are pairs
  // at or beyond it (c^p / 2 missed and c^p / 2 false each), the rest of the larger set unmatched.
  const int cut_pairs = static_cast<int>(m) - mt.matched;
  const int unmatched_truth = static_cast<int>(truth.size()) - mt.matched - cut_pairs;
  const int unmatched_tracks = static_cast<int>(tracks.size()) - mt.matched - cut_pairs;
  r.missed_count = unmatched_truth + cut_pairs;
  r.false_count = unmatched_tracks + cut_pairs;
  r.missed = cp / 2.0 * cut_pairs + cp / prm.alpha * unmatched_truth;
  r.false_tracks = cp / 2.0 * cut_pairs + cp / prm.alpha * unmatched_tracks;
  r.distance = std::pow(r.localisation + r.missed + r.false_tracks, 1.0 / prm.order);
  return out;
}

double ospa(const std::vector<Vec3>& truth, const std::vector<Vec3>& tracks, const OspaParams& prm) {
  return set_distances(truth, tracks, prm).ospa;
}

GospaResult gospa(const std::vector<Vec3>& truth, const std::vector<Vec3>& tracks, const OspaParams& prm) {
  return set_distances(truth, tracks, prm).gospa;
}

}  // namespace skyshield
