#pragma once
// The best multipliers of the Lagrangian relaxation (c2/wta_lagrangian.hpp) found exactly, by column
// generation on its linear-programming twin (the per-target "plan" formulation, as in the branch and
// price of Lu & Chen 2021, Omega 102): the master LP chooses a convex combination of plans per
// target within the weapons' copies (and the totals); its weapon-row duals are the multipliers, and
// pricing a target is the Lagrangian's per-target problem. Each round's L(u) is a valid bound; the
// rounds stop when it meets the master's value (the LP bound, proven) or after `max_rounds`.
// The master LP is solved by COIN-OR CLP (Debian coinor-libcbc-dev / coinor-libclp-dev).
#include <functional>
#include <utility>
#include <vector>

#include "c2/wta_lagrangian.hpp"

namespace skyshield {

struct WtaColumnGenerationResult {
  WtaMultipliers multipliers;  // of the best bound
  WtaDualSolution best;        // the Lagrangian solution at them
  double lp_value = 0.0;       // the last master LP value (an upper bound on the LP bound)
  std::vector<std::vector<std::pair<int, int>>> lp_plan;  // per target, its heaviest plan in the LP
  bool lp_integral = false;    // one plan per target at weight 1: the LP solution is an assignment
  int rounds = 0;
};

WtaColumnGenerationResult wta_column_generation(const WtaLagrangian& lag, const WtaCountBox& box,
                                                const std::vector<std::vector<std::pair<int, int>>>& start,
                                                WtaMultipliers start_multipliers, int max_rounds,
                                                const std::function<bool()>& stop, double seconds_left);

}  // namespace skyshield
