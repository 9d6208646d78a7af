#pragma once
// Gating support for the tracker: a spatial index of a batch's detections on a horizontal grid
// (so each track looks only at the detections near it, instead of all pairs), and the split of the
// gated track-detection pairs into independent clusters (connected components), so that
// assignment or JPDA runs per cluster and the cost stays near-linear in the number of targets.
#include <cstdint>
#include <memory>
#include <vector>

#include "core/vec.hpp"

namespace skyshield {

// Squared Mahalanobis distance of two position estimates' difference, with their covariances summed
// and floor_sigma_m per axis added to each (+inf if that sum is not positive definite). The one test
// behind the tracker's re-initiation merge, the command post's hold near a lost engagement and the
// network picture's track-to-track correlation.
double position_distance2(const Vec3& a, const Mat3& Pa, const Vec3& b, const Mat3& Pb, double floor_sigma_m);

class DetectionGrid {
 public:
  // points: detection positions in the tracker frame; cell_m: the grid's horizontal cell size.
  DetectionGrid(const std::vector<Vec3>& points, double cell_m);
  // Indices (ascending) of the points whose horizontal cell overlaps the disc of radius r about c.
  // With a limit: false (and `out` unspecified) as soon as more than `limit` points are found.
  bool query(const Vec3& c, double r, std::vector<int>& out, std::size_t limit = SIZE_MAX) const;

 private:
  std::int64_t key(std::int64_t i, std::int64_t j) const { return (i << 32) ^ (j & 0xffffffff); }
  double cell_;
  std::vector<std::pair<std::int64_t, int>> cells_;   // (cell key, point), sorted
  std::size_t n_ = 0;
};

// The k points nearest a point (3-D) among those within a radius: the bounded look-up of a crowded
// batch (thousands of objects within one gate), where the grid would hand every track every
// detection. A k-d tree (nanoflann, Debian's libnanoflann-dev); `points` must outlive it.
class NearestPoints {
 public:
  explicit NearestPoints(const std::vector<Vec3>& points);
  ~NearestPoints();
  // Indices (ascending) of at most k points nearest c, each within r of it.
  void query(const Vec3& c, double r, std::size_t k, std::vector<int>& out) const;

 private:
  struct Tree;
  std::unique_ptr<Tree> tree_;
};

struct GatePair {
  int track = -1;     // index among the batch's candidate tracks
  int detection = -1;
};

// Groups of pair indices, one per connected component of the bipartite gating graph, each
// ordered, the groups in order of their first pair.
std::vector<std::vector<int>> gate_clusters(const std::vector<GatePair>& pairs, int n_tracks, int n_detections);

}  // namespace skyshield
