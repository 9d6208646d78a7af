#pragma once
// Sample statistics for Monte Carlo results: mean with a normal-approximation confidence interval,
// and the Wilson score interval for proportions (Wilson 1927; Newcombe 1998, method 3).
#include <span>

namespace skyshield {

struct Interval {
  double lo = 0.0, hi = 0.0;
};

// Wilson score interval for `successes` out of `trials` at the two-sided normal quantile z
// (1.959964 for 95 %). trials = 0 gives [0, 1].
Interval wilson_interval(long long successes, long long trials, double z = 1.959963984540054);

struct SampleStats {
  long long n = 0;
  double mean = 0.0;
  double sd = 0.0;       // sample standard deviation (n - 1)
  Interval ci95;         // mean +- 1.96 sd / sqrt(n) (normal approximation)
  double min = 0.0, max = 0.0;
};

// Two-pass (numerically stable) statistics of the values, in the order given.
SampleStats sample_stats(std::span<const double> values);

}  // namespace skyshield
