// Multi-exchange search (c2/wta_exchange.cpp) against brute force on small family instances: never
// worse than plain local search from the same start, always feasible, and it reaches the exhaustive
// optimum (c2/wta.hpp wta_brute_force) on more instances than local search does.
#include <gtest/gtest.h>

#include "c2/wta_instance.hpp"
#include "c2/wta_solvers.hpp"

namespace skyshield {
namespace {

bool feasible(const WtaProblem& p, const std::vector<int>& a) {
  if (static_cast<int>(a.size()) != wta_unit_count(p)) return false;
  std::vector<int> per_target(p.value.size(), 0);
  const std::vector<int> type = wta_unit_types(p);
  int used = 0, engaged = 0;
  for (std::size_t u = 0; u < a.size(); ++u) {
    if (a[u] < 0) continue;
    if (p.pk(type[u], a[u]) <= 0.0) return false;
    ++used;
    if (per_target[a[u]]++ == 0) ++engaged;
  }
  for (std::size_t j = 0; j < per_target.size(); ++j)
    if (!p.max_per_target.empty() && per_target[j] > p.max_per_target[j]) return false;
  return (p.max_targets < 0 || engaged <= p.max_targets) && (p.max_weapons < 0 || used <= p.max_weapons);
}

TEST(WtaExchange, NeverWorseThanLocalSearchAndOftenerOptimal) {
  int ls_optimal = 0, x_optimal = 0, cases = 0;
  for (std::uint64_t seed = 1; seed <= 60; ++seed) {
    // 4 types x 8 targets, one copy (9^4 assignments) and 3 types x 6 targets, two copies (7^6).
    const WtaProblem p = seed % 2 ? generate_wta_instance(4, 8, seed, 1) : generate_wta_instance(3, 6, seed, 2);
    const double opt = wta_surviving_value(p, wta_brute_force(p));
    const std::vector<int> start = wta_greedy(p);
    const std::vector<int> ls = wta_local_search(p, start);
    const std::vector<int> x = wta_exchange_search(p, start, 1000);
    ASSERT_TRUE(feasible(p, x)) << "seed " << seed;
    const double v_ls = wta_surviving_value(p, ls), v_x = wta_surviving_value(p, x);
    EXPECT_LE(v_x, v_ls + 1e-12) << "seed " << seed;
    EXPECT_GE(v_x, opt - 1e-12) << "seed " << seed;
    ls_optimal += v_ls <= opt * (1.0 + 1e-12);
    x_optimal += v_x <= opt * (1.0 + 1e-12);
    ++cases;
  }
  EXPECT_GT(x_optimal, ls_optimal) << "exchange optimal on " << x_optimal << " of " << cases << ", local search on " << ls_optimal;
  RecordProperty("exchange_optimal", x_optimal);
  RecordProperty("local_search_optimal", ls_optimal);
}

TEST(WtaExchange, KeepsSideConstraints) {
  for (std::uint64_t seed = 1; seed <= 30; ++seed) {
    WtaProblem p = generate_wta_instance(4, 8, seed, 2);
    p.max_per_target.assign(p.value.size(), 1);
    p.max_targets = 5;
    p.max_weapons = 6;
    const std::vector<int> x = wta_exchange_search(p, wta_greedy(p), 1000);
    ASSERT_TRUE(feasible(p, x)) << "seed " << seed;
    EXPECT_LE(wta_surviving_value(p, x), wta_surviving_value(p, wta_greedy(p)) + 1e-12);
  }
}

}  // namespace
}  // namespace skyshield
