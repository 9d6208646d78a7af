// The WTA heuristic (c2/wta_solvers.hpp): no search tree, a fixed amount of work (deterministic).
// Multi-exchange search (c2/wta_exchange.cpp) from two starts, the better kept:
//  - maximum marginal return (greedy, c2/wta.hpp);
//  - the slot assignment (c2/wta_transport.hpp, one slot per target: a linear assignment), only when
//    the weapons fit one to a target (then it costs about what the search does; with more weapons than
//    targets its O(n^2 m) assignment dominates and greedy's start is as good on the families).
// On the standard families (docs/wta.md) the slot start is what reaches the optimum with one or two
// copies, and the exchanges what closes most of greedy's gap with three.
#include "c2/wta_solvers.hpp"
#include "c2/wta_transport.hpp"

namespace skyshield {

namespace {
constexpr int kHeuristicSlots = 1;
constexpr int kExchangeRounds = 1000;  // a bound only: rounds stop when one finds no improvement
}  // namespace

std::vector<int> wta_heuristic(const WtaProblem& p) {
  std::vector<int> best = wta_exchange_search(p, wta_greedy(p), kExchangeRounds);
  if (wta_unit_count(p) > static_cast<int>(p.value.size())) return best;
  // The slot assignment ignores the side constraints (cap per target, channels); the plan's repair
  // (wta_assignment_from_plan) keeps them.
  const WtaSlotAssignment slot = wta_slot_assignment(p, kHeuristicSlots);
  std::vector<std::vector<std::pair<int, int>>> plan(p.value.size());
  const std::vector<int> type = wta_unit_types(p);
  for (std::size_t u = 0; u < slot.assignment.size(); ++u)
    if (slot.assignment[u] >= 0) plan[static_cast<std::size_t>(slot.assignment[u])].emplace_back(type[u], 1);
  std::vector<int> other = wta_exchange_search(p, wta_assignment_from_plan(p, plan), kExchangeRounds);
  if (wta_surviving_value(p, other) < wta_surviving_value(p, best)) best = std::move(other);
  return best;
}

}  // namespace skyshield
