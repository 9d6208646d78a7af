#pragma once
// Static weapon-target assignment (Manne 1958; den Broeder, Ellison & Emerling 1959):
// weapons i, targets j with value V_j and kill probability p_ij; choose x_ij in {0,1}, each weapon
// at most once, to minimise the expected surviving value sum_j V_j * prod_i (1 - p_ij)^x_ij.
// Optional constraints: a cap on weapons per target and on the number of distinct targets engaged.
// Weapon types with copies (the benchmark layout "W T mi"): row i of pk is a weapon type with
// copies[i] identical weapons; an assignment then lists the target of each weapon (unit), the copies
// of type 0 first, then those of type 1, and so on.
#include <Eigen/Core>
#include <vector>

namespace skyshield {

struct WtaProblem {
  std::vector<double> value;        // V_j
  Eigen::MatrixXd pk;               // weapons x targets; 0 where a weapon cannot engage a target
  std::vector<int> max_per_target;  // empty = unlimited
  int max_targets = -1;             // -1 = unlimited distinct targets engaged
  int max_weapons = -1;             // -1 = unlimited weapons assigned in total
  std::vector<int> copies;          // weapons of each type (row); empty = one of each
};

// Number of weapons (units) and the type (row) of each unit.
int wta_unit_count(const WtaProblem& p);
std::vector<int> wta_unit_types(const WtaProblem& p);
// The same problem with one row per unit (copies expanded); `p` itself when it has no copies.
WtaProblem wta_expand_copies(const WtaProblem& p);

// Expected surviving value of an assignment (weapon unit -> target or -1).
double wta_surviving_value(const WtaProblem& p, const std::vector<int>& assignment);

// Greedy maximum marginal return (units of a type share one row; per-target heaps, so 300 types x
// 600 targets x 3 copies takes milliseconds): repeatedly give the weapon-target pair with the largest
// decrease of expected surviving value, until no pair helps. Optimal when all weapons are
// identical (den Broeder et al. 1959); a heuristic otherwise.
std::vector<int> wta_greedy(const WtaProblem& p);

// Exhaustive optimum over all (targets + 1)^weapons assignments; for tests on small cases.
std::vector<int> wta_brute_force(const WtaProblem& p);

}  // namespace skyshield
