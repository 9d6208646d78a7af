// Exact WTA (branch and bound) against exhaustive enumeration, and the gaps of greedy and local
// search to the proven optimum. Instances follow the published generator of Ahuja, Kumar, Jha &
// Orlin (2007, Operations Research 55(6)): Pk uniform in [0.6, 0.9], target values in [25, 100].
#include <gtest/gtest.h>

#include <random>

#include "c2/wta_solvers.hpp"

namespace skyshield {
namespace {

WtaProblem generated(std::mt19937& gen, int nw, int nt, bool constrained) {
  std::uniform_real_distribution<double> pk(0.6, 0.9), value(25.0, 100.0), u(0.0, 1.0);
  WtaProblem p;
  for (int j = 0; j < nt; ++j) p.value.push_back(value(gen));
  p.pk.resize(nw, nt);
  for (int i = 0; i < nw; ++i)
    for (int j = 0; j < nt; ++j) p.pk(i, j) = (constrained && u(gen) < 0.25) ? 0.0 : pk(gen);
  if (constrained) {
    p.max_per_target.assign(nt, 2);
    p.max_targets = std::max(1, nt - 1);
    p.max_weapons = std::max(1, nw - 1);
  }
  return p;
}

TEST(WtaExact, MatchesBruteForceOn500Instances) {
  std::mt19937 gen(2007);
  std::uniform_int_distribution<int> dim(1, 6);
  for (int trial = 0; trial < 500; ++trial) {
    const WtaProblem p = generated(gen, dim(gen), dim(gen), trial % 3 == 0);
    const WtaResult r = wta_branch_and_bound(p);
    const double brute = wta_surviving_value(p, wta_brute_force(p));
    ASSERT_TRUE(r.optimal);
    EXPECT_NEAR(r.value, brute, 1e-9) << "trial " << trial;
    EXPECT_NEAR(wta_surviving_value(p, r.assignment), r.value, 1e-12);
    EXPECT_LE(r.lower_bound, brute + 1e-12);                   // a bound never above the optimum
    EXPECT_GE(r.lower_bound, r.value * (1.0 - 1e-9) - 1e-12);  // "optimal": within 1e-9 relative
  }
}

TEST(WtaHeuristics, GapsToTheOptimumLocalSearchBeatsGreedy) {
  std::mt19937 gen(55);
  double gap_greedy = 0.0, gap_local = 0.0;
  int n = 0, greedy_suboptimal = 0;
  for (int trial = 0; trial < 300; ++trial) {
    const WtaProblem p = generated(gen, 7, 5, trial % 2 == 0);
    const double opt = wta_branch_and_bound(p).value;
    const double g = solve_wta(p, WtaSolver::Greedy).value;
    const double h = solve_wta(p, WtaSolver::Heuristic).value;
    EXPECT_LE(wta_surviving_value(p, wta_local_search(p, wta_greedy(p))), g + 1e-12);  // local search never worsens its start
    EXPECT_GE(h, opt - 1e-9);  // nor better than the optimum
    gap_greedy += (g - opt) / opt;
    gap_local += (h - opt) / opt;
    greedy_suboptimal += g > opt + 1e-9;
    ++n;
  }
  RecordProperty("mean_gap_greedy", std::to_string(gap_greedy / n));
  RecordProperty("mean_gap_local_search", std::to_string(gap_local / n));
  EXPECT_GT(greedy_suboptimal, 0);
  EXPECT_LT(gap_local, gap_greedy);
}

TEST(WtaSolvers, NamesRoundTrip) {
  for (WtaSolver s : {WtaSolver::Greedy, WtaSolver::Exact, WtaSolver::Heuristic}) {
    WtaSolver back = WtaSolver::Greedy;
    ASSERT_TRUE(wta_solver_from_string(to_string(s), back));
    EXPECT_EQ(back, s);
  }
  WtaSolver x;
  EXPECT_FALSE(wta_solver_from_string("optimal", x));
}

}  // namespace
}  // namespace skyshield
