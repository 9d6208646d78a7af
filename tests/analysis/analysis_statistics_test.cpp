// Wilson score interval against Newcombe (1998), "Two-sided confidence intervals for the single
// proportion: comparison of seven methods", Statistics in Medicine 17:857-872, Table II, method 3
// (score interval without continuity correction); sample statistics against hand values.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <random>
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
  // Student-t with 7 degrees of freedom: t(0.975, 7) = 2.365 (NIST/SEMATECH e-Handbook of Statistical
  // Methods, section 1.3.6.7.2, table of upper critical values of the t distribution, alpha = 0.025).
  EXPECT_TRUE(s.has_ci);
  EXPECT_NEAR(s.ci95.hi - s.mean, 2.365 * std::sqrt(32.0 / 7.0) / std::sqrt(8.0), 5e-4 * std::sqrt(32.0 / 7.0 / 8.0));
  EXPECT_NEAR(s.mean - s.ci95.lo, s.ci95.hi - s.mean, 1e-12);
  EXPECT_EQ(s.min, 2.0);
  EXPECT_EQ(s.max, 9.0);
  // Large offset: the two-pass formula keeps the spread exact.
  std::vector<double> w;
  for (double x : v) w.push_back(x + 1e9);
  EXPECT_NEAR(sample_stats(w).sd, s.sd, 1e-6);
}

TEST(Statistics, StudentTQuantilesMatchPublishedTable) {
  // Upper critical values t(0.975, nu): NIST/SEMATECH e-Handbook of Statistical Methods, section
  // 1.3.6.7.2 "Critical values of the Student's t distribution" (alpha = 0.025 column), 3 decimals.
  struct Case {
    double dof, t;
  };
  const Case table[] = {{1, 12.706}, {2, 4.303}, {3, 3.182}, {4, 2.776},  {5, 2.571},   {9, 2.262},
                        {19, 2.093}, {30, 2.042}, {60, 2.000}, {100, 1.984}, {1000, 1.962}};
  for (const Case& c : table) EXPECT_NEAR(student_t_quantile(0.975, c.dof), c.t, 5e-4) << "dof " << c.dof;
  // Other columns of the same table: t(0.95, 10) = 1.812, t(0.995, 4) = 4.604, t(0.9995, 1) = 636.619.
  EXPECT_NEAR(student_t_quantile(0.95, 10), 1.812, 5e-4);
  EXPECT_NEAR(student_t_quantile(0.995, 4), 4.604, 5e-4);
  EXPECT_NEAR(student_t_quantile(0.9995, 1), 636.619, 5e-3);
  // Symmetry, and the normal limit: z(0.975) = 1.959964 (same handbook, section 1.3.6.7.1).
  EXPECT_NEAR(student_t_quantile(0.025, 7), -student_t_quantile(0.975, 7), 1e-12);
  EXPECT_NEAR(student_t_quantile(0.975, 1e7), 1.959964, 2e-6);
  EXPECT_EQ(student_t_quantile(0.5, 3), 0.0);
  EXPECT_TRUE(std::isnan(student_t_quantile(1.0, 3)));
  EXPECT_TRUE(std::isnan(student_t_quantile(0.9, 0)));
}

TEST(Statistics, StudentTClosedFormsForOneAndTwoDegrees) {
  // nu = 1 is the Cauchy distribution: F(t) = 1/2 + atan(t)/pi, quantile tan(pi (p - 1/2)).
  // nu = 2: F(t) = 1/2 + t / (2 sqrt(2 + t^2)), quantile (2p - 1) / sqrt(2 p (1 - p)).
  // (Both: Johnson, Kotz & Balakrishnan, Continuous Univariate Distributions vol. 2, ch. 28.)
  for (double p : {0.6, 0.8, 0.9, 0.975, 0.999, 0.1, 0.01}) {
    EXPECT_NEAR(student_t_quantile(p, 1), std::tan(std::numbers::pi * (p - 0.5)), 1e-9 * (1 + std::abs(std::tan(std::numbers::pi * (p - 0.5)))));
    EXPECT_NEAR(student_t_quantile(p, 2), (2 * p - 1) / std::sqrt(2 * p * (1 - p)), 1e-9) << p;
  }
  for (double t : {-30.0, -2.0, -0.3, 0.0, 0.7, 4.0, 100.0}) {
    EXPECT_NEAR(student_t_cdf(t, 1), 0.5 + std::atan(t) / std::numbers::pi, 1e-12) << t;
    EXPECT_NEAR(student_t_cdf(t, 2), 0.5 + t / (2 * std::sqrt(2 + t * t)), 1e-12) << t;
  }
  // I_x(a, 1) = x^a and I_x(1, b) = 1 - (1 - x)^b (DLMF 8.17.1 with B(a, 1) = 1/a).
  EXPECT_NEAR(incomplete_beta(3.5, 1, 0.4), std::pow(0.4, 3.5), 1e-14);
  EXPECT_NEAR(incomplete_beta(1, 2.5, 0.7), 1 - std::pow(0.3, 2.5), 1e-14);
}

TEST(Statistics, StudentIntervalCoversTheMeanNinetyFivePercentOfTheTimeWithThreeRuns) {
  // Brute force: 20,000 samples of 3 normal values (fixed seed). The t interval covers the true mean
  // in 95 % of them (sd of the estimate 0.0015); the normal approximation (z = 1.96) only ~88 %.
  std::mt19937_64 rng(12345);
  std::normal_distribution<double> normal(10.0, 3.0);
  int covered = 0;
  const int trials = 20000;
  for (int i = 0; i < trials; ++i) {
    const std::vector<double> v{normal(rng), normal(rng), normal(rng)};
    const SampleStats s = sample_stats(v);
    covered += s.ci95.lo <= 10.0 && 10.0 <= s.ci95.hi;
  }
  EXPECT_NEAR(static_cast<double>(covered) / trials, 0.95, 0.006);
}

TEST(Statistics, OneRunHasNoIntervalAndFewRunsWarn) {
  const std::vector<double> one{4.0};
  const SampleStats s = sample_stats(one);
  EXPECT_FALSE(s.has_ci);
  EXPECT_EQ(s.ci95.lo, 4.0);
  EXPECT_EQ(s.ci95.hi, 4.0);
  EXPECT_NE(few_runs_warning(2).find("only 2 runs"), std::string::npos);
  EXPECT_NE(few_runs_warning(9).find("--runs 10"), std::string::npos);
  EXPECT_EQ(few_runs_warning(10), "");
}

}  // namespace
}  // namespace skyshield
