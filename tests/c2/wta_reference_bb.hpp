#pragma once
// Test-only reference: the branch and bound this project shipped before issue 30 (depth-first over
// single weapons, bounded by letting every free weapon hit each target with the best free weapon's
// Pk). A different method from the Lagrangian branch and bound of c2/wta_exact.cpp, used to check
// it on instances too large for exhaustive enumeration. Weapons are units: expand copies first.
#include <algorithm>
#include <limits>
#include <numeric>
#include <vector>

#include "c2/wta.hpp"

namespace skyshield::reference {

class BranchAndBound {  // the shipped code, limits removed
 public:
  explicit BranchAndBound(const WtaProblem& p)
      : p_(p), nw_(static_cast<int>(p.pk.rows())), nt_(static_cast<int>(p.value.size())),
        s_(nt_, 1.0), per_target_(nt_, 0), cur_(nw_, -1) {
    // suffix_max_[i][j] = max over weapons k >= i of p_kj (0 past the last weapon).
    suffix_max_.assign(nw_ + 1, std::vector<double>(nt_, 0.0));
    for (int i = nw_ - 1; i >= 0; --i)
      for (int j = 0; j < nt_; ++j) suffix_max_[i][j] = std::max(suffix_max_[i + 1][j], p_.pk(i, j));
  }

  double run(std::vector<int> incumbent) {
    best_ = std::move(incumbent);
    best_value_ = wta_surviving_value(p_, best_);
    value_ = std::accumulate(p_.value.begin(), p_.value.end(), 0.0);
    open_min_ = std::numeric_limits<double>::infinity();
    search(0);
    return wta_surviving_value(p_, best_);  // recomputed: no drift from the incremental updates
  }

 private:
  // Lower bound on the surviving value reachable from the current node (weapons i.. still free).
  // Relaxation: every free weapon is as good against target j as the best free one, p_j = max_k p_kj.
  // Then m weapons on j leave at least V_j s_j (1 - p_j)^m, a convex decreasing term, and the best
  // split of the free weapons over the targets is found greedily (marginal allocation, optimal for
  // separable convex objectives). Per-target caps are kept; the distinct-target cap is relaxed.
  double bound(int i) const {
    int free = nw_ - i;
    if (p_.max_weapons >= 0) free = std::min(free, p_.max_weapons - used_);
    if (free <= 0) return value_;
    std::vector<std::pair<double, int>> heap;  // (marginal drop, target)
    heap.reserve(nt_);
    std::vector<int> room(nt_);
    for (int j = 0; j < nt_; ++j) {
      room[j] = p_.max_per_target.empty() ? free : p_.max_per_target[j] - per_target_[j];
      const double drop = p_.value[j] * s_[j] * suffix_max_[i][j];
      if (room[j] > 0 && drop > 0.0) heap.emplace_back(drop, j);
    }
    std::make_heap(heap.begin(), heap.end());
    double lb = value_;
    for (int n = 0; n < free && !heap.empty(); ++n) {
      std::pop_heap(heap.begin(), heap.end());
      auto [drop, j] = heap.back();
      heap.pop_back();
      lb -= drop;
      if (--room[j] > 0) {
        heap.emplace_back(drop * (1.0 - suffix_max_[i][j]), j);
        std::push_heap(heap.begin(), heap.end());
      }
    }
    return lb;
  }

  bool feasible(int i, int j) const {
    if (p_.pk(i, j) <= 0.0) return false;
    if (p_.max_weapons >= 0 && used_ >= p_.max_weapons) return false;
    if (!p_.max_per_target.empty() && per_target_[j] >= p_.max_per_target[j]) return false;
    if (p_.max_targets >= 0 && per_target_[j] == 0 && engaged_ >= p_.max_targets) return false;
    return true;
  }

  bool out_of_budget() {
    if (stopped_) return true;
    return stopped_;
  }

  void search(int i) {
    const double lb = bound(i);
    if (lb >= best_value_ - 1e-12) return;
    if (out_of_budget()) {
      open_min_ = std::min(open_min_, lb);  // this subtree stays unexplored
      return;
    }
    ++nodes_;
    if (i == nw_) {
      best_value_ = value_;
      best_ = cur_;
      return;
    }
    // Children: targets by decreasing immediate drop, then "weapon unused".
    std::vector<std::pair<double, int>> children;
    for (int j = 0; j < nt_; ++j)
      if (feasible(i, j)) children.emplace_back(-p_.value[j] * s_[j] * p_.pk(i, j), j);
    std::sort(children.begin(), children.end());
    children.emplace_back(0.0, -1);
    for (const auto& [neg_drop, j] : children) {
      if (j < 0) {
        search(i + 1);
        continue;
      }
      const double old_s = s_[j];
      s_[j] *= 1.0 - p_.pk(i, j);
      value_ += neg_drop;
      if (per_target_[j]++ == 0) ++engaged_;
      ++used_;
      cur_[i] = j;
      search(i + 1);
      cur_[i] = -1;
      --used_;
      if (--per_target_[j] == 0) --engaged_;
      value_ -= neg_drop;
      s_[j] = old_s;
    }
  }

  const WtaProblem& p_;
  int nw_, nt_;
  std::vector<double> s_;
  std::vector<std::vector<double>> suffix_max_;
  std::vector<int> per_target_;
  std::vector<int> cur_, best_;
  double value_ = 0.0, best_value_ = 0.0, open_min_ = 0.0;
  int engaged_ = 0, used_ = 0;
  long long nodes_ = 0;
  bool stopped_ = false;
};

// The proven optimum of `p` (no limits), as the surviving value.
inline double optimum_by_unit_branch_and_bound(const WtaProblem& p) {
  const WtaProblem e = wta_expand_copies(p);
  BranchAndBound bb(e);
  return bb.run(std::vector<int>(static_cast<std::size_t>(e.pk.rows()), -1));
}

}  // namespace skyshield::reference
