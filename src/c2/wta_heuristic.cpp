// The WTA heuristic (c2/wta_solvers.hpp): no search tree, a fixed amount of work (deterministic).
//  1. Starts: local search from maximum marginal return (greedy) and from the slot assignment
//     (c2/wta_transport.hpp, one slot per target: a linear assignment).
//  2. Lagrangian repair: a short projected-subgradient ascent of the relaxation of
//     c2/wta_lagrangian.hpp from the incumbent's prices; the per-target minimisers it visits are
//     repaired to feasibility (wta_assignment_from_plan) and improved by local search. Near the dual
//     optimum the minimisers overuse few weapons, so their repairs are close to the optimum
//     (Lagrangian heuristics: Fisher 1981, Management Science 27(1), section 6).
#include <algorithm>
#include <cstdlib>
#include <string>

#include "c2/wta_lagrangian.hpp"
#include "c2/wta_solvers.hpp"
#include "c2/wta_transport.hpp"

namespace skyshield {

namespace {
// One slot per target: on the standard families local search reaches from it what two slots reach,
// in half the time.
constexpr int kHeuristicSlots = 1;
// Subgradient steps of the repair phase; the minimiser is repaired at the first step and every 50th.
constexpr int kRepairSteps = 150;
}  // namespace

std::vector<int> wta_heuristic(const WtaProblem& p) {
  std::vector<int> best = wta_local_search(p, wta_greedy(p));
  double best_value = wta_surviving_value(p, best);
  if (std::getenv("WTA_STAGE") && std::string(std::getenv("WTA_STAGE")) == "greedy") return best;
  const auto consider = [&](std::vector<int> a) {
    const double v = wta_surviving_value(p, a);
    if (v < best_value) {
      best_value = v;
      best = std::move(a);
    }
    return best_value;
  };
  {
    // The slot assignment ignores the side constraints (cap per target, channels); the plan's repair
    // keeps them.
    const WtaSlotAssignment slot = wta_slot_assignment(p, kHeuristicSlots);
    std::vector<std::vector<std::pair<int, int>>> plan(p.value.size());
    const std::vector<int> type = wta_unit_types(p);
    for (std::size_t u = 0; u < slot.assignment.size(); ++u)
      if (slot.assignment[u] >= 0) plan[static_cast<std::size_t>(slot.assignment[u])].emplace_back(type[u], 1);
    consider(wta_local_search(p, wta_assignment_from_plan(p, plan)));
  }
  if (std::getenv("WTA_STAGE") && std::string(std::getenv("WTA_STAGE")) == "slot") return best;
  const WtaLagrangian lag(p);
  WtaMultipliers m = wta_multipliers_from_assignment(p, best);
  const double tolerance = 1e-9 * std::max(best_value, 1e-300);
  lag.ascend(m, lag.full_box(), best_value, tolerance, kRepairSteps, 1.0, 20, [] { return false; },
             [&](const WtaDualSolution& d) { return consider(wta_local_search(p, wta_assignment_from_plan(p, d.plan))); });
  return best;
}

}  // namespace skyshield
