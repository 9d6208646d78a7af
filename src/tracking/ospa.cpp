#include "tracking/ospa.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <tuple>
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
  bool upper_bound = false;    // the near pairs were restricted (see below): cost >= the optimum
};

// Every pair of truth i with a track closer than c, as row i; false (rows unspecified) as soon as
// the grid would hand out more than max_pairs candidates in all, so the work and memory stay within
// that cap whatever the crowd.
bool near_pairs(const std::vector<Vec3>& truth, const std::vector<Vec3>& tracks, const OspaParams& prm,
                std::size_t max_pairs, std::vector<SparseRow>& rows) {
  const DetectionGrid grid(tracks, std::max(prm.cutoff_m, 1.0));
  std::vector<int> near;
  std::size_t listed = 0;
  for (std::size_t i = 0; i < truth.size(); ++i) {
    if (!grid.query(truth[i], prm.cutoff_m, near, max_pairs - listed)) return false;
    listed += near.size();
    for (int j : near) {
      const double d = (truth[i] - tracks[static_cast<std::size_t>(j)]).norm();
      if (d < prm.cutoff_m) rows[i].emplace_back(j, std::pow(d, prm.order));
    }
  }
  return true;
}

// The crowded case: truth i may pair only with its k nearest tracks closer than c (a k-d tree). Any
// matching over these pairs is a feasible injection of the full problem, so its cost is an UPPER
// BOUND of the exact OSPA / GOSPA.
void nearest_pairs(const std::vector<Vec3>& truth, const std::vector<Vec3>& tracks, const OspaParams& prm,
                   std::size_t k, std::vector<SparseRow>& rows) {
  const NearestPoints tree(tracks);
  std::vector<int> near;
  for (std::size_t i = 0; i < truth.size(); ++i) {
    rows[i].clear();
    tree.query(truth[i], prm.cutoff_m, k, near);
    for (int j : near) {
      const double d = (truth[i] - tracks[static_cast<std::size_t>(j)]).norm();
      if (d < prm.cutoff_m) rows[i].emplace_back(j, std::pow(d, prm.order));
    }
  }
}

// The restricted pairs matched greedily, nearest first (ties: truth, then track index): a crowd's
// optimal assignment over them took seconds (every truth contending for the same tracks), the greedy
// one sorts k pairs a truth. Any matching is feasible, so the bound stays an upper bound.
void greedy_nearest(const std::vector<SparseRow>& rows, int n_tracks, std::vector<int>& truth_to_track) {
  std::vector<std::tuple<double, int, int>> pairs;
  for (std::size_t i = 0; i < rows.size(); ++i)
    for (const auto& [j, dp] : rows[i]) pairs.emplace_back(dp, static_cast<int>(i), j);
  std::sort(pairs.begin(), pairs.end());
  std::vector<char> used(static_cast<std::size_t>(n_tracks), 0);
  for (const auto& [dp, i, j] : pairs)
    if (truth_to_track[static_cast<std::size_t>(i)] < 0 && !used[static_cast<std::size_t>(j)]) {
      truth_to_track[static_cast<std::size_t>(i)] = j;
      used[static_cast<std::size_t>(j)] = 1;
    }
}

// After the restricted matching: pairs, in index order, the truths and tracks left unmatched that
// share a cube of side c / 2 (any two points in one are closer than c: its diagonal is 0.87 c).
// Each such pair lowers the cost (d^p < c^p) and keeps the injection feasible, so the result stays
// an upper bound; it matters for a crowd of coincident objects, where every truth's k nearest
// tracks are the same k tracks.
void complete_in_cubes(const std::vector<Vec3>& truth, const std::vector<Vec3>& tracks, const OspaParams& prm,
                       double shift, std::vector<int>& truth_to_track) {
  const double side = prm.cutoff_m / 2.0;
  std::vector<char> used(tracks.size(), 0);
  for (int j : truth_to_track)
    if (j >= 0) used[static_cast<std::size_t>(j)] = 1;
  struct Entry {
    std::array<std::int64_t, 3> cube;
    int kind;    // 0: truth, 1: track
    int index;
    bool operator<(const Entry& o) const { return std::tie(cube, kind, index) < std::tie(o.cube, o.kind, o.index); }
  };
  auto cube = [&](const Vec3& p) {
    return std::array<std::int64_t, 3>{static_cast<std::int64_t>(std::floor(p.x() / side + shift)),
                                       static_cast<std::int64_t>(std::floor(p.y() / side + shift)),
                                       static_cast<std::int64_t>(std::floor(p.z() / side + shift))};
  };
  std::vector<Entry> e;
  for (std::size_t i = 0; i < truth.size(); ++i)
    if (truth_to_track[i] < 0) e.push_back({cube(truth[i]), 0, static_cast<int>(i)});
  for (std::size_t j = 0; j < tracks.size(); ++j)
    if (!used[j]) e.push_back({cube(tracks[j]), 1, static_cast<int>(j)});
  std::sort(e.begin(), e.end());
  for (std::size_t a = 0; a < e.size();) {
    std::size_t b = a;
    while (b < e.size() && e[b].cube == e[a].cube) ++b;
    std::size_t t = a, k = a;   // truths first in the cube, then tracks
    while (k < b && e[k].kind == 0) ++k;
    for (; t < b && e[t].kind == 0 && k < b; ++t, ++k) {
      const auto i = static_cast<std::size_t>(e[t].index), j = static_cast<std::size_t>(e[k].index);
      if ((truth[i] - tracks[j]).norm() < prm.cutoff_m) truth_to_track[i] = e[k].index;
    }
    a = b;
  }
}

Matching match(const std::vector<Vec3>& truth, const std::vector<Vec3>& tracks, const OspaParams& prm,
               const OspaBounds& bounds) {
  const double cp = std::pow(prm.cutoff_m, prm.order);
  const int nt = static_cast<int>(tracks.size());
  Matching m;
  m.truth_to_track.assign(truth.size(), -1);
  std::vector<SparseRow> rows(truth.size());
  if (nt > 0 && !near_pairs(truth, tracks, prm, bounds.max_near_pairs, rows)) {
    nearest_pairs(truth, tracks, prm, static_cast<std::size_t>(std::max(1, bounds.nearest_tracks)), rows);
    m.upper_bound = true;
  }
  if (m.upper_bound) {
    greedy_nearest(rows, nt, m.truth_to_track);
    complete_in_cubes(truth, tracks, prm, 0.0, m.truth_to_track);
    complete_in_cubes(truth, tracks, prm, 0.5, m.truth_to_track);   // the cubes shifted by half a side
  } else {
    for (std::size_t i = 0; i < rows.size(); ++i) rows[i].emplace_back(nt + static_cast<int>(i), cp);
    const std::vector<int> col = solve_assignment(nt + static_cast<int>(truth.size()), rows);
    for (std::size_t i = 0; i < truth.size(); ++i)
      if (col[i] >= 0 && col[i] < nt) m.truth_to_track[i] = col[i];
  }
  for (std::size_t i = 0; i < truth.size(); ++i) {
    if (m.truth_to_track[i] >= 0) {
      ++m.matched;
      const double dp = std::pow((truth[i] - tracks[static_cast<std::size_t>(m.truth_to_track[i])]).norm(), prm.order);
      m.cost += dp;
      m.localisation += dp;
    } else {
      m.cost += cp;
    }
  }
  return m;
}

}  // namespace

SetDistances set_distances(const std::vector<Vec3>& truth, const std::vector<Vec3>& tracks, const OspaParams& prm,
                           const OspaBounds& bounds) {
  SetDistances out;
  GospaResult& r = out.gospa;
  const double cp = std::pow(prm.cutoff_m, prm.order);
  const Matching mt = match(truth, tracks, prm, bounds);
  r.upper_bound = mt.upper_bound;   // restricted pairs: both distances below are upper bounds
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
