// The local search without side constraints (c2/wta_local_search.cpp) skips moves and swap pairs
// that its change counts and "don't look" flags prove cannot gain. Checked against two references:
//  - the general full-pass search of the same file, reached by side constraints that never bind
//    (a cap per target, targets engaged and weapons used all above the number of weapons): it makes
//    the same moves and swaps in the same order, so the assignments must be identical;
//  - brute force: after the search no single move (of any unit to any target or off) and no swap of
//    two units of different types lowers the objective by more than 1e-12 (the search's tolerance),
//    each evaluated by recomputing the whole objective (c2/wta.hpp wta_surviving_value).
// The `dirty` variant (after a ruin: some targets cleared) must give what the full search gives
// from the same start.
#include <gtest/gtest.h>

#include <algorithm>

#include "c2/wta_instance.hpp"
#include "c2/wta_solvers.hpp"

namespace skyshield {
namespace {

WtaProblem with_slack_constraints(WtaProblem p) {
  const int n = wta_unit_count(p);
  p.max_per_target.assign(p.value.size(), n + 1);
  p.max_targets = static_cast<int>(p.value.size()) + 1;
  p.max_weapons = n + 1;
  return p;
}

// The best change of the objective over every single move and every swap, by brute force.
double best_neighbour_change(const WtaProblem& p, const std::vector<int>& a) {
  const std::vector<int> type = wta_unit_types(p);
  const double v0 = wta_surviving_value(p, a);
  double best = 0.0;
  std::vector<int> b = a;
  const int nt = static_cast<int>(p.value.size());
  for (std::size_t u = 0; u < a.size(); ++u) {
    for (int t = -1; t < nt; ++t) {
      if (t == a[u] || (t >= 0 && p.pk(type[u], t) <= 0.0)) continue;
      b[u] = t;
      best = std::min(best, wta_surviving_value(p, b) - v0);
      b[u] = a[u];
    }
    for (std::size_t k = u + 1; k < a.size(); ++k) {
      if (type[u] == type[k] || a[u] < 0 || a[k] < 0 || a[u] == a[k]) continue;
      std::swap(b[u], b[k]);
      best = std::min(best, wta_surviving_value(p, b) - v0);
      std::swap(b[u], b[k]);
    }
  }
  return best;
}

TEST(WtaLocalSearch, SameAsTheFullPassSearchAndALocalOptimum) {
  int cases = 0;
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    const int w = 3 + static_cast<int>(seed % 6), mi = 1 + static_cast<int>(seed % 3);
    const WtaProblem p = generate_wta_instance(w, 2 * w, seed, mi);
    const std::vector<int> start = wta_greedy(p);
    const std::vector<int> fast = wta_local_search(p, start);
    const std::vector<int> full = wta_local_search(with_slack_constraints(p), start);
    EXPECT_EQ(fast, full) << "seed " << seed;
    EXPECT_GE(best_neighbour_change(p, fast), -1e-12) << "seed " << seed;
    ++cases;
  }
  EXPECT_EQ(cases, 40);
}

TEST(WtaLocalSearch, AfterARuinOnlyTheChangedPartIsSearchedAgainWithTheSameResult) {
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    const int w = 4 + static_cast<int>(seed % 5), mi = 1 + static_cast<int>(seed % 3);
    const WtaProblem p = generate_wta_instance(w, 2 * w, seed, mi);
    const std::vector<int> optimum = wta_local_search(p, wta_greedy(p));
    // Clear two targets (those of the first and last units, when assigned) and search again.
    std::vector<int> ruined_targets, start = optimum;
    for (int t : {optimum.front(), optimum.back()})
      if (t >= 0) ruined_targets.push_back(t);
    for (int& t : start)
      if (std::find(ruined_targets.begin(), ruined_targets.end(), t) != ruined_targets.end()) t = -1;
    const std::vector<int> incremental = wta_local_search_from(p, start, &ruined_targets);
    const std::vector<int> full = wta_local_search(with_slack_constraints(p), start);
    EXPECT_EQ(incremental, full) << "seed " << seed;
    EXPECT_GE(best_neighbour_change(p, incremental), -1e-12) << "seed " << seed;
  }
}

}  // namespace
}  // namespace skyshield
