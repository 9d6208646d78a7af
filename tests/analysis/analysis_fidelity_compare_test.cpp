// compare-fidelity's statistics (analysis/fidelity_compare.hpp) against values worked by hand:
//  - two-proportion z test, 45/50 against 38/50: pooled p = 83/100 = 0.83,
//    se = sqrt(0.83 * 0.17 * (1/50 + 1/50)) = 0.0751266, z = (0.76 - 0.90) / se = -1.863522,
//    two-sided p = erfc(1.863522 / sqrt 2) = 0.062389 (normal table: 2 (1 - 0.96880) = 0.0624);
//  - Welch t test, {1, 2, 3, 4} against {2, 4, 6, 8, 10}: means 2.5 and 6, s^2/n = 1.6667/4 = 0.41667
//    and 10/5 = 2, t = 3.5 / sqrt(2.41667) = 2.251436, Welch-Satterthwaite
//    dof = 2.41667^2 / (0.41667^2 / 3 + 2^2 / 4) = 5.520788, two-sided p = 0.069134 (Student-t density
//    integrated by Simpson's rule, 200,000 panels; at t = 2, 10 dof the same integration gives the
//    table's 0.0734).
#include <gtest/gtest.h>

#include <vector>

#include "analysis/fidelity_compare.hpp"

namespace skyshield {
namespace {

TEST(FidelityCompare, TwoProportionZTestByHand) {
  const TwoSampleTest z = two_proportion_z(45, 50, 38, 50);
  EXPECT_NEAR(z.statistic, -1.863522038227507, 1e-12);
  EXPECT_NEAR(z.p_value, 0.06238885487025294, 1e-12);
  // Symmetric: the samples swapped change the sign only.
  EXPECT_NEAR(two_proportion_z(38, 50, 45, 50).statistic, 1.863522038227507, 1e-12);
  // All successes on both sides: no evidence of a difference.
  const TwoSampleTest all = two_proportion_z(20, 20, 30, 30);
  EXPECT_EQ(all.statistic, 0.0);
  EXPECT_EQ(all.p_value, 1.0);
}

TEST(FidelityCompare, WelchTTestByHand) {
  const std::vector<double> a{1, 2, 3, 4}, b{2, 4, 6, 8, 10};
  const TwoSampleTest t = welch_t(sample_stats(a), sample_stats(b));
  EXPECT_NEAR(t.statistic, 2.2514363231593695, 1e-12);
  EXPECT_NEAR(t.dof, 5.520787746170677, 1e-9);
  EXPECT_NEAR(t.p_value, 0.06913359319239343, 1e-7);
  // Equal constant samples: t = 0, p = 1; different constants: p = 0.
  const std::vector<double> c{2, 2, 2}, d{3, 3};
  EXPECT_EQ(welch_t(sample_stats(c), sample_stats(c)).p_value, 1.0);
  EXPECT_EQ(welch_t(sample_stats(c), sample_stats(d)).p_value, 0.0);
}

RunRow row(int run, int killed, int leaked, int fired) {
  RunRow r;
  r.run = run;
  const int c = static_cast<int>(ThreatClass::Drone);
  r.count[c] = killed + leaked;
  r.killed[c] = killed;
  r.leaked[c] = leaked;
  r.fired = fired;
  return r;
}

TEST(FidelityCompare, RowsFlagARateOutsideTheFullInterval) {
  MonteCarloResult full, fast;
  for (int i = 0; i < 10; ++i) {
    full.rows.push_back(row(i, 9, 1, 12 + i % 2));
    fast.rows.push_back(row(i, i < 5 ? 9 : 8, i < 5 ? 1 : 2, 12 + i % 2));
  }
  const std::vector<FidelityRow> rows = compare_fidelity(full, fast);
  ASSERT_EQ(rows.size(), 4u);  // P(kill) drone, leakers/run drone, interceptors/run, leakers/run
  EXPECT_EQ(rows[0].metric, "P(kill) drone");
  EXPECT_DOUBLE_EQ(rows[0].full, 0.9);
  EXPECT_DOUBLE_EQ(rows[0].fast, 0.85);
  EXPECT_FALSE(rows[0].outside);  // 0.85 inside Wilson [0.826, 0.945] of 90/100
  // Leakers per run: the full model's are all 1 (no spread: the interval is [1, 1]); the fast 1.5.
  EXPECT_TRUE(rows[1].outside);
  EXPECT_DOUBLE_EQ(rows[2].full, 12.5);
  EXPECT_FALSE(rows[2].outside);  // the same interceptors per run
  EXPECT_NE(fidelity_table(rows, "x", 10, 1).find("2 of 4 fast rates outside"), std::string::npos);
}

}  // namespace
}  // namespace skyshield
