// Weapon-target assignment: greedy maximum marginal return against exhaustive search. With identical
// weapons (p_ij = p_j) greedy is optimal (den Broeder, Ellison & Emerling 1959); otherwise it is
// only an upper bound on the optimum's surviving value.
#include <gtest/gtest.h>

#include <random>

#include "c2/wta.hpp"

namespace skyshield {
namespace {

TEST(Wta, SurvivingValueByHand) {
  WtaProblem p;
  p.value = {10.0, 4.0};
  p.pk.resize(2, 2);
  p.pk << 0.5, 0.9, 0.6, 0.2;
  // Both on target 0: 10 * 0.5 * 0.4 + 4 = 6; split (0 -> 0, 1 -> 1): 10 * 0.5 + 4 * 0.8 = 8.2.
  EXPECT_DOUBLE_EQ(wta_surviving_value(p, {0, 0}), 6.0);
  EXPECT_DOUBLE_EQ(wta_surviving_value(p, {0, 1}), 8.2);
  EXPECT_DOUBLE_EQ(wta_surviving_value(p, {-1, -1}), 14.0);
  EXPECT_DOUBLE_EQ(wta_surviving_value(p, wta_brute_force(p)), 4.0 * 0.1 + 10.0 * 0.4);  // 1 -> 0, 0 -> 1
}

WtaProblem random_problem(std::mt19937& gen, bool identical) {
  std::uniform_int_distribution<int> nw(1, 5), nt(1, 4);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  WtaProblem p;
  const int w = nw(gen), t = nt(gen);
  for (int j = 0; j < t; ++j) p.value.push_back(1.0 + 9.0 * u(gen));
  p.pk.resize(w, t);
  for (int j = 0; j < t; ++j) {
    const double pj = 0.1 + 0.85 * u(gen);
    for (int i = 0; i < w; ++i) p.pk(i, j) = identical ? pj : (u(gen) < 0.2 ? 0.0 : 0.1 + 0.85 * u(gen));
  }
  return p;
}

TEST(Wta, GreedyIsOptimalForIdenticalWeapons) {
  std::mt19937 gen(1959);
  for (int trial = 0; trial < 300; ++trial) {
    WtaProblem p = random_problem(gen, true);
    if (trial % 2) p.max_per_target.assign(p.value.size(), 2);
    EXPECT_NEAR(wta_surviving_value(p, wta_greedy(p)), wta_surviving_value(p, wta_brute_force(p)), 1e-12) << trial;
  }
}

TEST(Wta, GreedyBoundsTheOptimumAndBruteForceBeatsRandomAssignments) {
  std::mt19937 gen(1958);
  int greedy_optimal = 0;
  for (int trial = 0; trial < 300; ++trial) {
    const WtaProblem p = random_problem(gen, false);
    const double best = wta_surviving_value(p, wta_brute_force(p));
    const double greedy = wta_surviving_value(p, wta_greedy(p));
    EXPECT_GE(greedy, best - 1e-12);
    greedy_optimal += greedy < best + 1e-9;
    std::uniform_int_distribution<int> pick(-1, static_cast<int>(p.value.size()) - 1);
    for (int k = 0; k < 20; ++k) {
      std::vector<int> a(p.pk.rows());
      for (int& x : a) x = pick(gen);
      EXPECT_GE(wta_surviving_value(p, a), best - 1e-12);
    }
  }
  EXPECT_GT(greedy_optimal, 200);  // a good heuristic on small problems
}

TEST(Wta, ConstraintsAreRespected) {
  std::mt19937 gen(7);
  for (int trial = 0; trial < 200; ++trial) {
    WtaProblem p = random_problem(gen, trial % 2 == 0);
    p.max_per_target.assign(p.value.size(), 1);
    p.max_targets = 2;
    p.max_weapons = 2;
    for (const std::vector<int>& a : {wta_greedy(p), wta_brute_force(p)}) {
      std::vector<int> per(p.value.size(), 0);
      int used = 0, engaged = 0;
      for (std::size_t i = 0; i < a.size(); ++i) {
        const int j = a[i];
        if (j < 0) continue;
        ++used;
        if (per[j]++ == 0) ++engaged;
        EXPECT_GT(p.pk(static_cast<Eigen::Index>(i), j), 0.0);  // no weapon wasted
      }
      for (int n : per) EXPECT_LE(n, 1);
      EXPECT_LE(engaged, 2);
      EXPECT_LE(used, 2);
    }
  }
}

}  // namespace
}  // namespace skyshield
