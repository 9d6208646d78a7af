#pragma once
// Reserve valuation of the regiment's joint assignment (issue 29). The joint WTA maximises the value
// destroyed this decision and gives every shot to the battalion with the best Pk: one battalion runs
// dry while the other's rounds are stranded (for instance when its radar fails later). This adds the
// value of the rounds each battalion keeps: a round drawn from a battalion holding s rounds costs
// weight x V_j / s, where V_j is the value of the target it is fired at (so the term is in the
// objective's own units, whatever the scale of the threat priorities, and weight is dimensionless).
// The objective of an assignment x (row i of member b(i) on target x_i, or -1):
//   J(x) = sum_j V_j prod_{i: x_i = j} (1 - p_ij)  +  weight x sum_{i: x_i >= 0} V_{x_i} / s_{b(i)}
// (the expected surviving value plus the reserve cost; 1/s is the marginal value of a round under a
// logarithmic utility of the stock, so the cost rises as the magazine empties).
// The rebalancing keeps the number of shots on every target (the solve's, so that reserve valuation
// changes which battalion fires, never how many rounds are fired) and moves shots from one weapon to a
// free weapon of any member able to hit the same target, the move that lowers J most first, while one
// does; a move must keep the receiving member within its own free missile and target channels.
#include <vector>

#include "c2/wta.hpp"

namespace skyshield {

struct ReserveRows {
  std::vector<int> member_of_row;  // joint row -> member index
  std::vector<int> stock;          // per member: rounds left over all its launchers (at least 1 is used)
  std::vector<int> max_weapons;    // per member: free missile channels (-1: no limit)
  std::vector<int> max_targets;    // per member: free target channels (-1: no limit)
};

// J(x) above.
double reserve_objective(const WtaProblem& p, const ReserveRows& rows, double weight, const std::vector<int>& assignment);

// Moves shots between weapons (same target) while J decreases; weight <= 0 leaves the assignment.
void rebalance_for_reserve(const WtaProblem& p, const ReserveRows& rows, double weight, std::vector<int>& assignment);

}  // namespace skyshield
