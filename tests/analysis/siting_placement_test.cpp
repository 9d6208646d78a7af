// Placement of battalions over candidate sites (analysis/siting_placement.hpp): branch and bound
// against brute force over every injective placement (values recounted element by element here, not
// by the library's word counting), the greedy + swap heuristic within its published bounds
// (1 - 1/e for identical units: Nemhauser, Wolsey & Fisher 1978; 1/3 over two partition matroids:
// Fisher, Nemhauser & Wolsey 1978), and a hand-worked case.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "analysis/siting_placement.hpp"
#include "core/error.hpp"

namespace skyshield {
namespace {

// Weighted count of the elements covered by the placement, bit by bit (the independent reference).
double recount(const PlacementProblem& p, const std::vector<int>& site_of_unit) {
  double v = 0.0;
  for (std::size_t w = 0; w < p.word_weight.size(); ++w)
    for (int b = 0; b < 64; ++b) {
      bool covered = false;
      for (int u = 0; u < p.units; ++u) covered = covered || ((p.cover(u, site_of_unit[u])[w] >> b) & 1u);
      if (covered) v += p.word_weight[w];
    }
  return v;
}

PlacementProblem random_problem(std::mt19937_64& rng, int units, int sites, bool identical_units) {
  PlacementProblem p;
  p.units = units;
  p.sites = sites;
  std::uniform_real_distribution<double> weight(0.1, 2.0);
  p.word_weight = {weight(rng), weight(rng), weight(rng)};
  std::bernoulli_distribution bit(0.25);
  std::vector<ElementSet> per_site(sites);
  for (int s = 0; s < sites; ++s) {
    per_site[s].assign(3, 0);
    for (int w = 0; w < 3; ++w)
      for (int b = 0; b < 64; ++b)
        if (bit(rng)) per_site[s][w] |= std::uint64_t{1} << b;
  }
  for (int u = 0; u < units; ++u)
    for (int s = 0; s < sites; ++s) {
      ElementSet e = per_site[s];
      if (!identical_units)   // different radars: the unit sees a random part of what the site offers
        for (auto& w : e) w &= rng();
      p.covers.push_back(e);
    }
  return p;
}

TEST(SitingPlacement, ExactEqualsBruteForceOnSmallCases) {
  std::mt19937_64 rng(35);
  int heuristic_short = 0;   // cases where the search had to beat its greedy + swap incumbent
  for (int trial = 0; trial < 200; ++trial) {
    const int units = 1 + trial % 3, sites = units + 1 + trial % 5;
    const PlacementProblem p = random_problem(rng, units, sites, trial % 2 == 0);
    const Placement brute = place_brute_force(p);
    heuristic_short += place_greedy_swap(p).value < brute.value - 1e-9;
    const Placement exact = place_exact(p);
    EXPECT_TRUE(exact.optimal);
    EXPECT_NEAR(exact.value, brute.value, 1e-9) << "trial " << trial;
    EXPECT_NEAR(recount(p, exact.site_of_unit), brute.value, 1e-9);
    EXPECT_NEAR(recount(p, brute.site_of_unit), brute.value, 1e-9);
    // The maps are injective.
    std::vector<int> seen(sites, 0);
    for (int s : exact.site_of_unit) EXPECT_EQ(++seen[s], 1);
    // Brute force saw every injective map: sites! / (sites - units)!.
    long long maps = 1;
    for (int i = 0; i < units; ++i) maps *= sites - i;
    EXPECT_EQ(brute.nodes, maps);
  }
  EXPECT_GT(heuristic_short, 0);
}

TEST(SitingPlacement, GreedySwapIsWithinItsBound) {
  std::mt19937_64 rng(7);
  int at_optimum = 0;
  for (int trial = 0; trial < 60; ++trial) {
    const bool identical = trial % 2 == 0;
    const int units = 2 + trial % 2, sites = 4 + trial % 4;
    const PlacementProblem p = random_problem(rng, units, sites, identical);
    const double best = place_brute_force(p).value;
    const Placement h = place_greedy_swap(p);
    EXPECT_NEAR(recount(p, h.site_of_unit), h.value, 1e-9);
    EXPECT_GE(h.value, (identical ? 1.0 - std::exp(-1.0) : 1.0 / 3.0) * best - 1e-9) << "trial " << trial;
    at_optimum += h.value >= best - 1e-9;
  }
  EXPECT_GE(at_optimum, 30);   // on these small cases the swaps usually reach the optimum
}

TEST(SitingPlacement, SwapRepairsTheGreedyTrap) {
  // Elements {1..6} in one word of weight 1; site A = {1,2,3,4}, B = {1,2,5}, C = {3,4,6}; two identical
  // units. Greedy takes A (4) and then B or C (+1) = 5; the optimum is B + C = 6 (by hand).
  PlacementProblem p;
  p.units = 2;
  p.sites = 3;
  p.word_weight = {1.0};
  const ElementSet A{0b001111u << 1}, B{0b010011u << 1}, C{0b101100u << 1};
  p.covers = {A, B, C, A, B, C};
  EXPECT_DOUBLE_EQ(place_exact(p).value, 6.0);
  EXPECT_DOUBLE_EQ(place_greedy_swap(p).value, 6.0);
  EXPECT_DOUBLE_EQ(placement_value(p, {0, 1}), 5.0);
  // The greedy + swap incumbent is optimal here: the root's bound proves it at once.
  EXPECT_TRUE(place_exact(p, 1).optimal);
  // No node allowed: not proven, the incumbent kept.
  const Placement limited = place_exact(p, 0);
  EXPECT_FALSE(limited.optimal);
  EXPECT_DOUBLE_EQ(limited.value, 6.0);
}

TEST(SitingPlacement, TooFewSitesIsRefused) {
  PlacementProblem p;
  p.units = 3;
  p.sites = 2;
  p.word_weight = {1.0};
  p.covers.assign(6, ElementSet{1});
  EXPECT_THROW(place_exact(p), InputError);
}

}  // namespace
}  // namespace skyshield
