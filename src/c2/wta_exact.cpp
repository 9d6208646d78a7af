// Exact WTA: branch and bound on the integer counts x_ij (weapons of type i on target j; copies are
// counts, so no symmetric branching), bounded by the Lagrangian relaxation of c2/wta_lagrangian.hpp
// whose multipliers are warm-started from the parent node. Branching tightens a count's bounds
// (x_ij >= k + 1 | x_ij <= k) on a weapon type the relaxation overuses; the incumbent starts from
// the heuristic (c2/wta_heuristic.cpp) and improves from the relaxation's per-target
// plans (repaired, then local search). "Optimal" means the lower bound is within 1e-9 relative of the
// incumbent.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <optional>

#include "c2/wta_column_generation.hpp"
#include "c2/wta_lagrangian.hpp"
#include "c2/wta_rows.hpp"
#include "c2/wta_solvers.hpp"
#include "c2/wta_transport.hpp"

namespace skyshield {

namespace {

constexpr double kRelativeGap = 1e-9;
constexpr int kColumnRounds = 300;  // column generation rounds at the root (c2/wta_column_generation.hpp)
constexpr int kRootSteps = 300;     // then subgradient steps at the root (it stops early on a closed gap)
constexpr int kNodeSteps = 25;

class LagrangianBranchAndBound {
 public:
  LagrangianBranchAndBound(const WtaProblem& p, const WtaLimits& lim, std::chrono::steady_clock::time_point start)
      : p_(p), rows_(p), lim_(lim), lag_(p), start_(start), units_(wta_unit_types(p)) {
    for (int i = 0, u = 0; i < lag_.types(); ++i) {
      first_unit_.push_back(u);
      u += lag_.copies(i);
    }
  }

  WtaResult run() {
    // The heuristic also searched from the slot assignment (when the weapons fit one per target; with
    // more, its O(n^2 m) cost, seconds at 900 x 1,200, buys nothing the incumbent's prices do not):
    // its dual prices start the multipliers.
    WtaSlotAssignment slot;
    best_ = wta_heuristic(p_, [this] { return out_of_time(); }, &slot);
    ub_ = wta_surviving_value(p_, best_);
    WtaMultipliers m = initial_multipliers();
    if (slot.complete && !slot.price.empty()) m.u = slot.price;
    WtaCountBox box = lag_.full_box();
    // The heuristic's own prices often prove it optimal already (the Lagrangian bound at them meets its
    // value: 83 % of the default scenario's decisions): then neither column generation (a CLP master,
    // ~0.3 ms to set up) nor branching can improve on it.
    const WtaDualSolution at_start = lag_.evaluate(m, box);
    if (at_start.bound >= ub_ - tolerance()) {
      cg_bound_ = at_start.bound;
      root_dual_ = at_start;
    } else {
      const WtaColumnGenerationResult cg =
          wta_column_generation(lag_, box, plan_of(best_), m, kColumnRounds, [this] { return out_of_time(); }, seconds_left());
      m = cg.multipliers;
      try_plan(cg.lp_plan);
      try_plan(cg.best.plan);
      cg_bound_ = cg.best.bound;
      // Column generation that met its LP value found the Lagrangian dual's optimum: the root's
      // subgradient steps cannot raise that bound, so the root starts from its solution instead.
      if (cg.rounds > 0 && cg.best.bound >= cg.lp_value - kRelativeGap * std::abs(cg.lp_value)) root_dual_ = cg.best;
    }
    open_min_ = std::numeric_limits<double>::infinity();
    explore(box, m, -std::numeric_limits<double>::infinity(), true);
    WtaResult r;
    r.assignment = best_;
    r.value = wta_surviving_value(p_, best_);
    r.optimal = !stopped_;
    r.lower_bound = stopped_ ? std::min(r.value, std::max({0.0, open_min_, cg_bound_})) : std::min(r.value, root_lb_);
    if (r.optimal) r.lower_bound = std::min(r.value, std::max(root_lb_, r.value - tolerance()));
    r.nodes = nodes_;
    return r;
  }

 private:
  double tolerance() const { return kRelativeGap * std::max(ub_, 1e-300) + 1e-300; }

  // The wall clock (standalone use only) is read at every subgradient step: a few ms apart at most.
  bool out_of_time() {
    if (lim_.time_limit_s > 0.0 &&
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count() > lim_.time_limit_s)
      stopped_ = true;
    return stopped_;
  }
  double seconds_left() const {
    return lim_.time_limit_s > 0.0
               ? lim_.time_limit_s - std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count()
               : 0.0;
  }
  bool stop() {
    if (lim_.max_nodes > 0 && nodes_ >= lim_.max_nodes) stopped_ = true;
    return out_of_time();
  }

  WtaMultipliers initial_multipliers() const { return wta_multipliers_from_assignment(p_, best_); }

  std::vector<std::vector<std::pair<int, int>>> plan_of(const std::vector<int>& a) const {
    std::vector<std::vector<std::pair<int, int>>> plan(p_.value.size());
    for (std::size_t u = 0; u < a.size(); ++u) {
      if (a[u] < 0) continue;
      auto& items = plan[static_cast<std::size_t>(a[u])];
      auto it = std::find_if(items.begin(), items.end(), [&](const auto& e) { return e.first == units_[u]; });
      if (it != items.end()) ++it->second;
      else items.emplace_back(units_[u], 1);
    }
    return plan;
  }

  double try_plan(const std::vector<std::vector<std::pair<int, int>>>& plan) {
    std::vector<int> a = wta_local_search_rows(p_, rows_, wta_assignment_from_plan(p_, plan), nullptr, [this] { return out_of_time(); });
    const double v = wta_surviving_value(p_, a);
    if (v < ub_) {
      ub_ = v;
      best_ = std::move(a);
    }
    return ub_;
  }

  void explore(WtaCountBox& box, WtaMultipliers m, double parent_lb, bool root) {
    if (stop()) {
      open_min_ = std::min(open_min_, parent_lb);
      return;
    }
    ++nodes_;
    const auto halt = [this] { return out_of_time(); };
    const auto visit = [this](const WtaDualSolution& x) { return try_plan(x.plan); };
    const WtaDualSolution d = root && root_dual_
                                  ? *root_dual_
                                  : lag_.ascend(m, box, ub_, tolerance(), root ? kRootSteps : kNodeSteps, root ? 1.0 : 0.25, root ? 50 : 8,
                                                halt, visit);
    const double lb = std::max({parent_lb, d.bound, root ? cg_bound_ : parent_lb});
    if (root) root_lb_ = lb;
    if (lb >= ub_ - tolerance()) return;
    if (stopped_) {
      open_min_ = std::min(open_min_, lb);
      return;
    }
    std::vector<WtaLagrangian::Change> undo;
    lag_.fix_by_reduced_cost(m, d, box, ub_, tolerance(), undo);
    struct Restore {
      WtaCountBox& box;
      std::vector<WtaLagrangian::Change>& undo;
      ~Restore() {
        for (auto it = undo.rbegin(); it != undo.rend(); ++it) {
          box.lo[it->index] = it->lo;
          box.hi[it->index] = it->hi;
        }
      }
    } restore{box, undo};
    int bi = -1, bj = -1, k = 0;
    if (!choose_branch(d, box, bi, bj, k)) return;  // every count fixed: the node is solved
    const int old_lo = box.low(bi, bj), old_hi = box.high(bi, bj);
    // Child "x_ij >= k + 1" (if the forced counts still fit the type's copies), then "x_ij <= k".
    int forced = 0;
    for (int j = 0; j < box.targets; ++j) forced += j == bj ? k + 1 : box.low(bi, j);
    if (forced <= lag_.copies(bi)) {
      box.low(bi, bj) = k + 1;
      explore(box, m, lb, false);
      box.low(bi, bj) = old_lo;
    }
    box.high(bi, bj) = k;
    explore(box, m, lb, false);
    box.high(bi, bj) = old_hi;
  }

  // A count to split: on the most overused type, its target with the largest V_j p_ij whose count
  // is above its lower bound (k = count - 1); else any count above its lower bound; else a count
  // below its upper bound (k = count).
  bool choose_branch(const WtaDualSolution& d, const WtaCountBox& box, int& bi, int& bj, int& k) const {
    std::vector<int> used(static_cast<std::size_t>(lag_.types()), 0);
    for (const auto& items : d.plan)
      for (const auto& [i, c] : items) used[i] += c;
    int worst = -1, excess = 0;
    for (int i = 0; i < lag_.types(); ++i)
      if (used[i] - lag_.copies(i) > excess) {
        excess = used[i] - lag_.copies(i);
        worst = i;
      }
    double best_w = -1.0;
    bi = -1;
    for (std::size_t j = 0; j < d.plan.size(); ++j)
      for (const auto& [i, c] : d.plan[j]) {
        if ((worst >= 0 && i != worst) || c <= box.low(i, static_cast<int>(j))) continue;
        const double w = p_.value[j] * p_.pk(i, static_cast<Eigen::Index>(j));
        if (w > best_w) {
          best_w = w;
          bi = i;
          bj = static_cast<int>(j);
          k = c - 1;
        }
      }
    if (bi >= 0) return true;
    for (int j = 0; j < box.targets; ++j)
      for (int i = 0; i < box.types; ++i)
        if (box.low(i, j) < box.high(i, j)) {
          int c = 0;
          for (const auto& [ii, cc] : d.plan[static_cast<std::size_t>(j)])
            if (ii == i) c = cc;
          bi = i;
          bj = j;
          k = c;
          return true;
        }
    return false;
  }

  const WtaProblem& p_;
  const WtaRows rows_;  // Pk by type and by target, for the incumbents' local search
  WtaLimits lim_;
  WtaLagrangian lag_;
  std::chrono::steady_clock::time_point start_;
  std::vector<int> units_, first_unit_, best_;
  double ub_ = 0.0, open_min_ = 0.0, root_lb_ = 0.0, cg_bound_ = -1e300;
  std::optional<WtaDualSolution> root_dual_;
  long long nodes_ = 0;
  bool stopped_ = false;
};

}  // namespace

WtaResult wta_branch_and_bound(const WtaProblem& p, const WtaLimits& limits) {
  const auto t0 = std::chrono::steady_clock::now();
  WtaResult r = LagrangianBranchAndBound(p, limits, t0).run();
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return r;
}

const char* to_string(WtaSolver s) {
  switch (s) {
    case WtaSolver::Greedy: return "greedy";
    case WtaSolver::Exact: return "exact";
    case WtaSolver::Heuristic: return "heuristic";
  }
  return "?";
}

bool wta_solver_from_string(const std::string& s, WtaSolver& out) {
  for (WtaSolver v : {WtaSolver::Greedy, WtaSolver::Exact, WtaSolver::Heuristic})
    if (s == to_string(v)) {
      out = v;
      return true;
    }
  return false;
}

WtaResult solve_wta(const WtaProblem& p, WtaSolver solver, const WtaLimits& limits) {
  if (solver == WtaSolver::Exact) return wta_branch_and_bound(p, limits);
  const auto t0 = std::chrono::steady_clock::now();
  WtaResult r;
  r.assignment = solver == WtaSolver::Heuristic ? wta_heuristic(p) : wta_greedy(p);
  r.value = wta_surviving_value(p, r.assignment);
  r.lower_bound = 0.0;  // no bound from a heuristic
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return r;
}

}  // namespace skyshield
