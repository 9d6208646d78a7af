// The initiators' flat arrays and sweep-reach heaps (tracking/initiator_index.hpp).
#include "tracking/initiator_index.hpp"

#include <algorithm>
#include <limits>

#include "tracking/track_initiation.hpp"

namespace skyshield {

namespace {
// Heap order: the earliest reach time on top.
bool later(const std::pair<double, int>& a, const std::pair<double, int>& b) { return a.first > b.first; }
constexpr double kRounding = 1.0 + 1e-9;   // the bound's widening: far above a few ulps of error
}  // namespace

InitiatorIndex::InitiatorIndex(int radars) : heaps_(static_cast<std::size_t>(radars)) {}

void InitiatorIndex::clear() {
  for (auto* v : {&x_, &y_, &z_, &trace_, &t_}) v->clear();
  for (auto& h : heaps_) h.clear();
}

void InitiatorIndex::add(const Vec3& z, double t, double trace_r, const double* reach_t) {
  const int k = static_cast<int>(t_.size());
  x_.push_back(z.x());
  y_.push_back(z.y());
  z_.push_back(z.z());
  trace_.push_back(trace_r);
  t_.push_back(t);
  for (std::size_t r = 0; r < heaps_.size(); ++r) {
    heaps_[r].emplace_back(reach_t[r], k);
    std::push_heap(heaps_[r].begin(), heaps_[r].end(), later);
  }
}

void InitiatorIndex::near(const std::vector<Vec3>& p, const std::vector<double>& trace_p, double t, double gate, double sigma_v,
                          double cv_q, std::vector<int>& out) {
  const std::size_t n = t_.size();
  bound_.resize(n);
  excess_.assign(n, std::numeric_limits<double>::infinity());
  const double* tk = t_.data();
  const double* tr = trace_.data();
  double* bound = bound_.data();
  for (std::size_t k = 0; k < n; ++k) bound[k] = gate * (tr[k] + pair_spread(t - tk[k], sigma_v, cv_q));
  // Per initiator, the least excess of |d|^2 over the widened bound, over the detections: branch-free
  // and in doubles only, so that the compiler vectorises the loop.
  const double* xs = x_.data();
  const double* ys = y_.data();
  const double* zs = z_.data();
  double* excess = excess_.data();
  for (std::size_t j = 0; j < p.size(); ++j) {
    const double px = p[j].x(), py = p[j].y(), pz = p[j].z(), g = gate * trace_p[j];
    for (std::size_t k = 0; k < n; ++k) {
      const double dx = px - xs[k], dy = py - ys[k], dz = pz - zs[k];
      const double e = (dx * dx + dy * dy + dz * dz) - (bound[k] + g) * kRounding;
      excess[k] = e < excess[k] ? e : excess[k];
    }
  }
  for (std::size_t k = 0; k < n; ++k)
    if (excess[k] <= 0.0) out.push_back(static_cast<int>(k));
}

void InitiatorIndex::due(int radar, double t1, std::vector<int>& out) {
  auto& h = heaps_[static_cast<std::size_t>(radar)];
  while (!h.empty() && !(t1 < h.front().first)) {
    out.push_back(h.front().second);
    std::pop_heap(h.begin(), h.end(), later);
    h.pop_back();
  }
}

void InitiatorIndex::again(int radar, int k, double reach_t) {
  auto& h = heaps_[static_cast<std::size_t>(radar)];
  h.emplace_back(reach_t, k);
  std::push_heap(h.begin(), h.end(), later);
}

}  // namespace skyshield
