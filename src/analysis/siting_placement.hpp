#pragma once
// Placement of units (battalions) on candidate sites as weighted maximum coverage. Each unit placed on
// a site covers a set of elements (an asset's approach radial at low altitude: covered when the unit's
// radars detect an inbound target early enough, analysis/siting_approach.hpp); an element counts once,
// with its weight (the asset's value / its number of radials), however many units cover it. Each unit
// takes exactly one site and each site holds at most one unit; maximise the covered weight.
//  - place_exact: depth-first branch and bound over the units in order; the bound of a partial
//    placement is the weight covered by it together with every site any remaining unit could take.
//    Proven optimal unless max_nodes is reached (then `optimal` is false and the best found is returned).
//  - place_greedy_swap: greedy (the (unit, site) pair of largest marginal gain, repeatedly), then local
//    search (move a unit to a free site, or exchange two units' sites) while the weight improves.
//    For identical units this is maximum coverage under a cardinality constraint: greedy alone is within
//    1 - 1/e of the optimum (Nemhauser, Wolsey & Fisher 1978); for units of different radars the
//    constraints are two partition matroids (one site per unit, one unit per site) and greedy is within
//    1/3 (Fisher, Nemhauser & Wolsey 1978, p + 1 for p matroids). The swaps only improve on it.
//  - place_brute_force: every injective map (tests, tiny cases).
#include <cstdint>
#include <vector>

namespace skyshield {

using ElementSet = std::vector<std::uint64_t>;   // a bitset over the elements

struct PlacementProblem {
  int units = 0, sites = 0;
  std::vector<double> word_weight;   // weight of every element of 64-bit word w (blocks padded to words)
  std::vector<ElementSet> covers;    // [unit * sites + site]: the elements that unit covers from that site
  const ElementSet& cover(int unit, int site) const { return covers[static_cast<std::size_t>(unit) * sites + site]; }
};

struct Placement {
  std::vector<int> site_of_unit;
  double value = 0.0;        // covered weight
  bool optimal = false;      // proven optimal
  long long nodes = 0;       // search nodes (exact) or placements evaluated (brute force, heuristic moves)
};

double covered_weight(const PlacementProblem& p, const ElementSet& covered);
double placement_value(const PlacementProblem& p, const std::vector<int>& site_of_unit);

Placement place_brute_force(const PlacementProblem& p);
Placement place_greedy_swap(const PlacementProblem& p);
Placement place_exact(const PlacementProblem& p, long long max_nodes = 5'000'000);

}  // namespace skyshield
