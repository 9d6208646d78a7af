#pragma once
// The slot relaxation of WTA as a linear assignment (after the minimum-cost-flow lower bound of
// Ahuja, Kumar, Jha & Orlin 2007, Operations Research 55(6), section 4): target j has slots k = 1..K,
// and a weapon of type i in slot k earns V_j p_ij (1 - p_ij)^(k-1), the most its k-th weapon (in
// decreasing Pk) can take off. Solved by the shortest augmenting path method (Kuhn-Munkres with
// potentials), it gives (a) an assignment, a start for local search, and (b) the dual price of each
// weapon, the starting multipliers of the Lagrangian relaxation (c2/wta_lagrangian.hpp).
#include <functional>
#include <vector>

#include "c2/wta.hpp"

namespace skyshield {

struct WtaSlotAssignment {
  std::vector<int> assignment;  // unit -> target or -1
  std::vector<double> price;    // per weapon type: the mean dual price of its units (>= 0)
  bool complete = true;         // false when `stop` ended it early (then assignment and prices are empty)
};

// K = `slots` (raised so that every unit has a slot). Side constraints of the problem are ignored.
// `stop` is polled once per unit (row) added.
WtaSlotAssignment wta_slot_assignment(const WtaProblem& p, int slots, const std::function<bool()>& stop = [] { return false; });

}  // namespace skyshield
