#include "tracking/gating.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include <Eigen/Cholesky>
#include <nanoflann.hpp>

namespace skyshield {

double position_distance2(const Vec3& a, const Mat3& Pa, const Vec3& b, const Mat3& Pb, double floor_sigma_m) {
  const Vec3 d = a - b;
  const Mat3 S = Pa + Pb + 2.0 * floor_sigma_m * floor_sigma_m * Mat3::Identity();
  const Eigen::LDLT<Mat3> f(S);
  if (f.info() != Eigen::Success) return std::numeric_limits<double>::infinity();
  return d.dot(f.solve(d));
}

DetectionGrid::DetectionGrid(const std::vector<Vec3>& points, double cell_m) : cell_(cell_m), n_(points.size()) {
  cells_.reserve(points.size());
  for (std::size_t k = 0; k < points.size(); ++k) {
    const auto i = static_cast<std::int64_t>(std::floor(points[k].x() / cell_));
    const auto j = static_cast<std::int64_t>(std::floor(points[k].y() / cell_));
    cells_.emplace_back(key(i, j), static_cast<int>(k));
  }
  std::sort(cells_.begin(), cells_.end());
}

bool DetectionGrid::query(const Vec3& c, double r, std::vector<int>& out, std::size_t limit) const {
  out.clear();
  const auto i0 = static_cast<std::int64_t>(std::floor((c.x() - r) / cell_));
  const auto i1 = static_cast<std::int64_t>(std::floor((c.x() + r) / cell_));
  const auto j0 = static_cast<std::int64_t>(std::floor((c.y() - r) / cell_));
  const auto j1 = static_cast<std::int64_t>(std::floor((c.y() + r) / cell_));
  if (static_cast<double>(i1 - i0 + 1) * static_cast<double>(j1 - j0 + 1) > static_cast<double>(n_)) {
    // A disc wider than the data: every point (cheaper than visiting empty cells).
    if (n_ > limit) return false;
    out.resize(n_);
    std::iota(out.begin(), out.end(), 0);
    return true;
  }
  for (std::int64_t i = i0; i <= i1; ++i)
    for (std::int64_t j = j0; j <= j1; ++j) {
      auto it = std::lower_bound(cells_.begin(), cells_.end(), std::make_pair(key(i, j), -1));
      for (; it != cells_.end() && it->first == key(i, j); ++it) {
        if (out.size() == limit) return false;
        out.push_back(it->second);
      }
    }
  std::sort(out.begin(), out.end());
  return true;
}

namespace {
struct PointCloud {   // nanoflann's view of the points
  const std::vector<Vec3>* p;
  std::size_t kdtree_get_point_count() const { return p->size(); }
  double kdtree_get_pt(std::size_t i, std::size_t d) const { return (*p)[i](static_cast<Eigen::Index>(d)); }
  template <class Box>
  bool kdtree_get_bbox(Box&) const { return false; }
};
using KdTree = nanoflann::KDTreeSingleIndexAdaptor<nanoflann::L2_Simple_Adaptor<double, PointCloud>, PointCloud, 3, std::size_t>;
}  // namespace

struct NearestPoints::Tree {
  PointCloud cloud;
  KdTree index;
  explicit Tree(const std::vector<Vec3>& points) : cloud{&points}, index(3, cloud, nanoflann::KDTreeSingleIndexAdaptorParams(10)) {}
};

NearestPoints::NearestPoints(const std::vector<Vec3>& points) : tree_(std::make_unique<Tree>(points)) {}
NearestPoints::~NearestPoints() = default;

void NearestPoints::query(const Vec3& c, double r, std::size_t k, std::vector<int>& out) const {
  out.clear();
  std::vector<std::size_t> index(k);
  std::vector<double> d2(k);
  const double q[3] = {c.x(), c.y(), c.z()};
  const std::size_t n = tree_->index.knnSearch(q, k, index.data(), d2.data());
  for (std::size_t m = 0; m < n; ++m)
    if (d2[m] <= r * r) out.push_back(static_cast<int>(index[m]));
  std::sort(out.begin(), out.end());
}

std::vector<std::vector<int>> gate_clusters(const std::vector<GatePair>& pairs, int n_tracks, int n_detections) {
  // Union-find over tracks [0, n_tracks) and detections [n_tracks, n_tracks + n_detections).
  std::vector<int> parent(static_cast<std::size_t>(n_tracks + n_detections));
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](int a) {
    while (parent[a] != a) a = parent[a] = parent[parent[a]];
    return a;
  };
  for (const GatePair& p : pairs) {
    const int a = find(p.track), b = find(n_tracks + p.detection);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
  std::vector<int> slot(parent.size(), -1);
  std::vector<std::vector<int>> out;
  for (int k = 0; k < static_cast<int>(pairs.size()); ++k) {
    const int root = find(pairs[k].track);
    if (slot[root] < 0) {
      slot[root] = static_cast<int>(out.size());
      out.emplace_back();
    }
    out[slot[root]].push_back(k);
  }
  return out;
}

}  // namespace skyshield
