#pragma once
// Distances between a set of true positions and a set of track positions, the standard scores of a
// multi-target tracker:
//  - OSPA, Schuhmacher, Vo & Vo, "A consistent metric for performance evaluation of multi-object
//    filters", IEEE Trans. Signal Processing 56(8), 2008, eq. (3): for |X| = m <= |Y| = n,
//      d_p^(c)(X, Y) = ( (1/n) ( min_pi sum_i min(c, |x_i - y_pi(i)|)^p + c^p (n - m) ) )^(1/p),
//    0 when both sets are empty.
//  - GOSPA, Rahmathullah, Garcia-Fernandez & Svensson, "Generalized optimal sub-pattern assignment
//    metric", FUSION 2017, eq. (1): the same without the 1/n normalisation and with c^p / alpha per
//    unmatched element,
//      d_p^(c,alpha)(X, Y) = ( min_pi sum_i min(c, |x_i - y_pi(i)|)^p + c^p / alpha (n - m) )^(1/p).
//    For alpha = 2 (the paper's Proposition 1) it equals
//      ( min over assignments gamma of sum_(i,j in gamma) d(x_i, y_j)^p + c^p / 2 (|X| + |Y| - 2 |gamma|) )^(1/p)
//    with only pairs closer than c assigned, which splits it into a localisation part (assigned
//    pairs), a missed-target part (c^p / 2 per unassigned truth) and a false-track part (c^p / 2 per
//    unassigned track). The split is reported in p-th-power units (the three parts sum to d^p).
//    For alpha != 2 the split is the same bookkeeping (a pair at or beyond c counts c^p / 2 as missed
//    and c^p / 2 as false; unmatched elements count c^p / alpha), which the paper does not define.
// Both minimisations are solved exactly (tracking/assignment.hpp) over the pairs closer than c, unless
// those pairs are too many (a crowd: thousands of truths and tracks within c of each other, where
// the list would take gigabytes): past OspaBounds::max_near_pairs each truth may pair only with its
// OspaBounds::nearest_tracks nearest tracks within c, matched greedily nearest first, then the
// truths and tracks left over are paired within cubes of side c / 2. That matching is feasible for
// the full problem, so the result is then an UPPER BOUND of the exact OSPA / GOSPA, flagged by
// GospaResult::upper_bound (and counted in the run's track-quality summary).
#include <cstddef>
#include <vector>

#include "core/vec.hpp"

namespace skyshield {

struct OspaParams {
  double cutoff_m = 5000.0;   // c: the distance beyond which a pair counts as a miss plus a false track
  double order = 2.0;         // p >= 1
  double alpha = 2.0;         // GOSPA's 0 < alpha <= 2 (2: the decomposable form)
};

struct GospaResult {
  double distance = 0.0;        // d_p^(c,alpha)
  double localisation = 0.0;    // sum over assigned pairs closer than c of d^p
  double missed = 0.0;          // p-th-power part due to truths without a track
  double false_tracks = 0.0;    // p-th-power part due to tracks without a truth
  int assigned = 0;             // pairs closer than c
  int missed_count = 0;         // truths without a track within c
  int false_count = 0;          // tracks without a truth within c
  std::vector<int> truth_to_track;   // per truth, the assigned track (closer than c) or -1
  bool upper_bound = false;     // computed over restricted pairs: an upper bound, not the optimum
};

// The crowd bound. The cap keeps the pair list (12 bytes a pair) near 50 MB; 16 nearest tracks per
// truth leave a crowd's assignment 16 pairs a row.
struct OspaBounds {
  std::size_t max_near_pairs = 4'000'000;   // candidate pairs listed before the restriction applies
  int nearest_tracks = 16;                  // k: tracks per truth under the restriction
};

double ospa(const std::vector<Vec3>& truth, const std::vector<Vec3>& tracks, const OspaParams& params);
GospaResult gospa(const std::vector<Vec3>& truth, const std::vector<Vec3>& tracks, const OspaParams& params);
// Both from one optimal assignment (they minimise the same sum).
struct SetDistances {
  double ospa = 0.0;
  GospaResult gospa;
};
SetDistances set_distances(const std::vector<Vec3>& truth, const std::vector<Vec3>& tracks, const OspaParams& params,
                           const OspaBounds& bounds = {});

}  // namespace skyshield
