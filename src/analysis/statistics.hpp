#pragma once
// Sample statistics for Monte Carlo results: the mean with its Student-t confidence interval, and
// the Wilson score interval for proportions (Wilson 1927; Newcombe 1998, method 3).
#include <span>
#include <string>
#include <string_view>

namespace skyshield {

struct Interval {
  double lo = 0.0, hi = 0.0;
};

// Wilson score interval for `successes` out of `trials` at the two-sided normal quantile z
// (1.959964 for 95 %). trials = 0 gives [0, 1].
Interval wilson_interval(long long successes, long long trials, double z = 1.959963984540054);

// Regularized incomplete beta function I_x(a, b), a, b > 0, 0 <= x <= 1 (continued fraction,
// DLMF 8.17.22, evaluated by the modified Lentz method).
double incomplete_beta(double a, double b, double x);

// Student's t distribution with `dof` >= 1 degrees of freedom: cumulative distribution at t, and its
// inverse (the quantile) for 0 < p < 1.
double student_t_cdf(double t, double dof);
double student_t_quantile(double p, double dof);

struct SampleStats {
  long long n = 0;
  double mean = 0.0;
  double sd = 0.0;        // sample standard deviation (n - 1)
  bool has_ci = false;    // n >= 2: a spread, and so an interval, exists
  Interval ci95;          // mean +- t(0.975, n - 1) sd / sqrt(n) (Student-t); [mean, mean] when n < 2
  double min = 0.0, max = 0.0;
};

// Two-pass (numerically stable) statistics of the values, in the order given.
SampleStats sample_stats(std::span<const double> values);

// Below this many runs the intervals are wide and the normal shape of the mean is doubtful.
inline constexpr long long kFewRuns = 10;
// A one-line caution when runs < kFewRuns, else empty; `per` qualifies the count (" per point").
std::string few_runs_warning(long long runs, std::string_view per = "");

}  // namespace skyshield
