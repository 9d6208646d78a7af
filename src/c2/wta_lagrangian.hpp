#pragma once
// Lagrangian relaxation of the static WTA problem (c2/wta.hpp) with weapon types of several copies:
// the weapon constraints sum_j x_ij <= m_i (and the totals max_weapons, max_targets) move into the
// objective with multipliers u_i >= 0 (lambda, mu >= 0), and the problem splits into one small
// problem per target: choose the multiset of weapons S on j minimising
//   V_j prod_{i in S} (1 - p_ij) + sum_{i in S} (u_i + lambda) + mu [S not empty],
// solved exactly by a pruned enumeration (a weapon i can only help while u_i + lambda < V_j P p_ij,
// P the survival already reached, and P falls with every weapon added). For any multipliers,
//   L(u) = sum_j (per-target optimum) - sum_i u_i m_i - lambda W_max - mu T_max
// is a lower bound on the optimum (weak duality; Fisher 1981, Management Science 27(1)); its best
// value equals the bound of the linear relaxation of the per-target (column) formulation, the
// relaxation of the branch and price of Lu & Chen (2021, Omega 102). Multipliers are improved by
// projected subgradient steps (Polyak 1969 step length toward the incumbent).
// Bounds on the counts, lo_ij <= x_ij <= hi_ij, are the branching decisions of the exact solver.
#include <functional>
#include <utility>
#include <vector>

#include "c2/wta.hpp"

namespace skyshield {

struct WtaCountBox {
  int types = 0, targets = 0;
  std::vector<int> lo, hi;  // types x targets, row-major by target: index j * types + i
  int& low(int i, int j) { return lo[static_cast<std::size_t>(j) * types + i]; }
  int& high(int i, int j) { return hi[static_cast<std::size_t>(j) * types + i]; }
  int low(int i, int j) const { return lo[static_cast<std::size_t>(j) * types + i]; }
  int high(int i, int j) const { return hi[static_cast<std::size_t>(j) * types + i]; }
};

struct WtaMultipliers {
  std::vector<double> u;  // per weapon type
  double lambda = 0.0;    // per weapon used (max_weapons)
  double mu = 0.0;        // per target engaged (max_targets)
};

struct WtaDualSolution {
  double bound = 0.0;                                   // L(u)
  double value = 0.0;                                   // expected surviving value of the counts below
  std::vector<std::vector<std::pair<int, int>>> plan;   // per target: (type, count)
  std::vector<double> target_cost;                      // per target: its problem's optimum
  bool feasible = false;                                // the counts satisfy every relaxed constraint
};

// Multipliers from a feasible assignment: the price of a type is the smallest loss of removing one of
// its weapons from its target (0 for a type left unused) -- a dual estimate to start the ascent from.
WtaMultipliers wta_multipliers_from_assignment(const WtaProblem& p, const std::vector<int>& assignment);

class WtaLagrangian {
 public:
  WtaLagrangian(const WtaProblem& p);
  const WtaProblem& problem() const { return p_; }
  int types() const { return nw_; }
  int copies(int i) const { return m_[static_cast<std::size_t>(i)]; }
  WtaCountBox full_box() const;
  // L(u) and the per-target minimisers within the box.
  WtaDualSolution evaluate(const WtaMultipliers& m, const WtaCountBox& box) const;
  // Projected subgradient ascent from `m` (updated to the best multipliers found); `target` is an
  // upper bound (incumbent). Returns the best dual solution; stops early once its bound reaches
  // target - tolerance. Deterministic: a fixed iteration budget.
  // Reduced-cost fixing (Lagrangian probing): with the bound `d` of multipliers `m`, a count whose
  // change (x_ij >= 1 where the minimiser has 0; x_ij below the minimiser's count) alone lifts the bound
  // to `target` - tolerance or more cannot be changed in a better solution, so its box is tightened.
  // Each tightened entry (index, old lo, old hi) is appended to `undo`.
  struct Change { std::size_t index; int lo, hi; };
  void fix_by_reduced_cost(const WtaMultipliers& m, const WtaDualSolution& d, WtaCountBox& box, double target, double tolerance,
                           std::vector<Change>& undo) const;
  // The step halves after `patience` steps without a better bound. `visit` sees the minimiser
  // every 50 steps (and the first) and returns the (possibly improved) upper bound to aim at.
  WtaDualSolution ascend(WtaMultipliers& m, const WtaCountBox& box, double target, double tolerance, int iterations,
                         double step0, int patience, const std::function<bool()>& stop,
                         const std::function<double(const WtaDualSolution&)>& visit) const;

 private:
  double solve_target(int j, const WtaMultipliers& m, const WtaCountBox& box, std::vector<std::pair<int, int>>& items,
                      double& value) const;
  const WtaProblem& p_;
  int nw_, nt_;
  std::vector<int> m_;
  std::vector<double> strength_;  // -ln(1 - p_ij), by target then type
  struct Cand { int i; int extra; double price, p, q, ratio, log_ratio; };
  // Scratch of solve_target (a WtaLagrangian is used by one thread).
  mutable std::vector<Cand> cand_;
  mutable std::vector<int> count_;
  mutable std::vector<std::size_t> path_, best_path_;
};

}  // namespace skyshield
