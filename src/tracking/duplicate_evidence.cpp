#include "tracking/duplicate_evidence.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace skyshield {

double duplicate_look_llr(double pd) { return std::log(1.0 / (2.0 * (1.0 - pd))); }

double duplicate_run_pd(int hits, int looks, const DuplicateParams& p) {
  const double k = p.pd_prior_looks;
  return std::min(p.pd, (hits + k * p.pd) / (looks + k));
}

double duplicate_merge_threshold(const DuplicateParams& p) {
  return std::log((1.0 - p.kept_duplicate_probability) / p.false_merge_probability);
}

namespace {
using Vec6 = Eigen::Matrix<double, 6, 1>;
using Mat6 = Eigen::Matrix<double, 6, 6>;

Mat6 floor_cov(const DuplicateParams& p) {
  Mat6 f = Mat6::Zero();
  for (int k = 0; k < 3; ++k) {
    f(k, k) = 2.0 * p.min_sigma_m * p.min_sigma_m;
    f(k + 3, k + 3) = 2.0 * p.min_sigma_mps * p.min_sigma_mps;
  }
  return f;
}

// |d|^2 > gate * trace(S) rules the pair out without a solve (d' S^-1 d >= |d|^2 / lambda_max(S)).
bool surely_apart(const Vec9& xa, const Mat9& Pa, const Vec9& xb, const Mat9& Pb, const DuplicateParams& p) {
  const double d2 = (xa.head<3>() - xb.head<3>()).squaredNorm();
  const double tr = Pa.topLeftCorner<3, 3>().trace() + Pb.topLeftCorner<3, 3>().trace() + 6.0 * p.min_sigma_m * p.min_sigma_m;
  return d2 > p.gate_chi2 * tr;
}
}  // namespace

double duplicate_distance2(const Vec9& xa, const Mat9& Pa, const Vec9& xb, const Mat9& Pb, const DuplicateParams& p) {
  const Vec6 d = xa.head<6>() - xb.head<6>();
  const Mat6 S = Pa.topLeftCorner<6, 6>() + Pb.topLeftCorner<6, 6>() + floor_cov(p);
  const Eigen::LDLT<Mat6> f(S);
  if (f.info() != Eigen::Success) return std::numeric_limits<double>::infinity();
  return d.dot(f.solve(d));
}

double DuplicateEvidence::score(int a, int b) const {
  const int lo = std::min(a, b), hi = std::max(a, b);
  for (const Pair& q : pairs_)
    if (q.lo == lo && q.hi == hi) return q.llr;
  return 0.0;
}

bool DuplicateEvidence::both_updated(int a, int b) const {
  const int lo = std::min(a, b), hi = std::max(a, b);
  for (const Pair& q : pairs_)
    if (q.lo == lo && q.hi == hi) return q.lo_updated && q.hi_updated;
  return false;
}

std::vector<std::pair<int, int>> DuplicateEvidence::observe(const std::vector<Look>& looks) {
  std::vector<std::pair<int, int>> merges;
  bool any_updated = false;
  for (const Look& l : looks) any_updated = any_updated || l.detection >= 0;
  if (!any_updated && pairs_.empty()) return merges;
  auto look_of = [&](int id) -> const Look* {
    for (const Look& l : looks)
      if (l.id == id) return &l;
    return nullptr;
  };
  auto agree = [&](const Look& a, const Look& b) {
    return !surely_apart(*a.x, *a.P, *b.x, *b.P, p_) && duplicate_distance2(*a.x, *a.P, *b.x, *b.P, p_) <= p_.gate_chi2;
  };
  // One detection for the pair (one track updated by a detection in the other's gate, or both by the
  // same detection under JPDA) is evidence of one object; two detections, or one outside the other
  // track's gate, of two.
  auto in_gate = [](const Look& l, int detection) {
    return std::any_of(l.gated.begin(), l.gated.end(), [&](const GatePair& g) { return g.detection == detection; });
  };
  auto one_detection = [&](const Look& a, const Look& b) {
    if (a.detection >= 0 && b.detection >= 0) return a.detection == b.detection;
    return a.detection >= 0 ? in_gate(b, a.detection) : in_gate(a, b.detection);
  };
  // The pairs with evidence so far: this look decides each that it covered.
  for (Pair& q : pairs_) {
    const Look* a = look_of(q.lo);
    const Look* b = look_of(q.hi);
    if (!a || !b || (a->detection < 0 && b->detection < 0)) continue;
    if (one_detection(*a, *b) && agree(*a, *b)) {
      q.llr += q.step;
      q.lo_updated = q.lo_updated || a->detection >= 0;
      q.hi_updated = q.hi_updated || b->detection >= 0;
    } else {
      q.llr = 0.0;   // the run ends (the pair is dropped below)
    }
  }
  // New pairs: one track updated, the other covered and not, in agreement.
  const std::size_t old = pairs_.size();
  for (std::size_t i = 0; i < looks.size(); ++i) {
    const Look& u = looks[i];
    if (u.detection < 0) continue;
    for (std::size_t j = 0; j < looks.size(); ++j) {
      const Look& v = looks[j];
      // Each unordered pair once: u updated and v not, or both by one detection (u first).
      if (j == i || (v.detection >= 0 && (v.detection != u.detection || j < i))) continue;
      const int lo = std::min(u.id, v.id), hi = std::max(u.id, v.id);
      bool known = false;
      for (std::size_t k = 0; k < old && !known; ++k) known = pairs_[k].lo == lo && pairs_[k].hi == hi;
      if (known || !one_detection(u, v) || !agree(u, v)) continue;
      const double pd = duplicate_run_pd(u.recent_hits + v.recent_hits, u.recent_looks + v.recent_looks, p_);
      if (pd <= 0.5) continue;   // a look with one detection is no evidence of one object
      const double step = duplicate_look_llr(pd);
      const bool u_lo = u.id == lo;
      // v is updated too only when both took one detection (JPDA).
      pairs_.push_back({lo, hi, step, step, u_lo || v.detection >= 0, !u_lo || v.detection >= 0});
    }
  }
  const double threshold = duplicate_merge_threshold(p_);
  std::vector<Pair> kept;
  kept.reserve(pairs_.size());
  for (const Pair& q : pairs_) {
    if (q.llr >= threshold && q.lo_updated && q.hi_updated) merges.emplace_back(q.lo, q.hi);
    else if (q.llr > 0.0) kept.push_back(q);   // the run goes on (a suspect from ln 5: suspect_of)
  }
  pairs_.swap(kept);
  return merges;
}

int DuplicateEvidence::suspect_of(int id) const {
  int best = -1;
  double best_llr = duplicate_look_llr(p_.pd) - 1e-9;   // one look's worth at the assumed Pd
  for (const Pair& q : pairs_) {
    if (q.lo != id && q.hi != id) continue;
    if (q.llr > best_llr) best_llr = q.llr, best = q.lo == id ? q.hi : q.lo;
  }
  return best;
}

void DuplicateEvidence::forget(int id) {
  pairs_.erase(std::remove_if(pairs_.begin(), pairs_.end(), [&](const Pair& q) { return q.lo == id || q.hi == id; }), pairs_.end());
}

}  // namespace skyshield
