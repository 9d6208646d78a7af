// Wilson score interval against Newcombe (1998), "Two-sided confidence intervals for the single
// proportion: comparison of seven methods", Statistics in Medicine 17:857-872, Table II, method 3
// (score interval without continuity correction); sample statistics against hand values.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "analysis/statistics.hpp"

namespace skyshield {
namespace {

TEST(Statistics, WilsonMatchesNewcombe1998) {
  struct Case {
    long long k, n;
    double lo, hi;
  };
  const Case cases[] = {{81, 263, 0.2553, 0.3662}, {15, 148, 0.0624, 0.1605}, {0, 20, 0.0000, 0.1611}, {1, 29, 0.0061, 0.1718}};
  for (const Case& c : cases) {
    const Interval w = wilson_interval(c.k, c.n);
    EXPECT_NEAR(w.lo, c.lo, 5e-5) << c.k << "/" << c.n;
    EXPECT_NEAR(w.hi, c.hi, 5e-5) << c.k << "/" << c.n;
  }
  const Interval none = wilson_interval(0, 0);
  EXPECT_EQ(none.lo, 0.0);
  EXPECT_EQ(none.hi, 1.0);
  const Interval all = wilson_interval(20, 20);  // symmetric to 0/20
  EXPECT_NEAR(all.lo, 1.0 - 0.1611, 5e-5);
  EXPECT_NEAR(all.hi, 1.0, 1e-12);
}

TEST(Statistics, SampleStatsByHand) {
  // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, sum of squares 32, sample sd sqrt(32 / 7).
  const std::vector<double> v{2, 4, 4, 4, 5, 5, 7, 9};
  const SampleStats s = sample_stats(v);
  EXPECT_EQ(s.n, 8);
  EXPECT_DOUBLE_EQ(s.mean, 5.0);
  EXPECT_NEAR(s.sd, std::sqrt(32.0 / 7.0), 1e-12);
  EXPECT_NEAR(s.ci95.hi - s.mean, 1.959963984540054 * std::sqrt(32.0 / 7.0) / std::sqrt(8.0), 1e-12);
  EXPECT_EQ(s.min, 2.0);
  EXPECT_EQ(s.max, 9.0);
  // Large offset: the two-pass formula keeps the spread exact.
  std::vector<double> w;
  for (double x : v) w.push_back(x + 1e9);
  EXPECT_NEAR(sample_stats(w).sd, s.sd, 1e-6);
}

}  // namespace
}  // namespace skyshield
