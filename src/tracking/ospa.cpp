#include "tracking/ospa.hpp"

#include <algorithm>
#include <cmath>

#include "tracking/assignment.hpp"

namespace skyshield {

namespace {

// Optimal injection of the smaller set into the larger on the cut-off distance to the power p.
// Returns per truth the matched track (or -1) and the cost sum.
struct Matching {
  std::vector<int> truth_to_track;
  double cost = 0.0;
};

Matching match(const std::vector<Vec3>& truth, const std::vector<Vec3>& tracks, const OspaParams& prm) {
  const double cp = std::pow(prm.cutoff_m, prm.order);
  Eigen::MatrixXd cost(static_cast<Eigen::Index>(truth.size()), static_cast<Eigen::Index>(tracks.size()));
  for (std::size_t i = 0; i < truth.size(); ++i)
    for (std::size_t j = 0; j < tracks.size(); ++j) {
      const double d = (truth[i] - tracks[j]).norm();
      cost(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = d >= prm.cutoff_m ? cp : std::pow(d, prm.order);
    }
  Matching m;
  m.truth_to_track = solve_assignment(cost);   // every row (or column) of the smaller side is matched
  m.cost = assignment_cost(cost, m.truth_to_track);
  return m;
}

}  // namespace

SetDistances set_distances(const std::vector<Vec3>& truth, const std::vector<Vec3>& tracks, const OspaParams& prm) {
  SetDistances out;
  GospaResult& r = out.gospa;
  const double cp = std::pow(prm.cutoff_m, prm.order);
  const Matching mt = match(truth, tracks, prm);
  const std::size_t n = std::max(truth.size(), tracks.size()), m = std::min(truth.size(), tracks.size());
  if (n > 0) out.ospa = std::pow((mt.cost + cp * static_cast<double>(n - m)) / static_cast<double>(n), 1.0 / prm.order);
  r.truth_to_track.assign(truth.size(), -1);
  int pairs = 0, cut_pairs = 0;
  for (std::size_t i = 0; i < truth.size(); ++i) {
    const int j = mt.truth_to_track[i];
    if (j < 0) continue;
    ++pairs;
    const double d = (truth[i] - tracks[static_cast<std::size_t>(j)]).norm();
    if (d < prm.cutoff_m) {
      r.localisation += std::pow(d, prm.order);
      r.truth_to_track[i] = j;
      ++r.assigned;
    } else {
      ++cut_pairs;   // as good as leaving both unassigned: a miss and a false track
    }
  }
  const int unmatched_truth = static_cast<int>(truth.size()) - pairs;
  const int unmatched_tracks = static_cast<int>(tracks.size()) - pairs;
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
