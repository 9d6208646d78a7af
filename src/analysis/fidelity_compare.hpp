#pragma once
// `skyshield compare-fidelity`: the full and the fast model (scenario/fidelity.hpp) run on the same
// seeds, each rate side by side with its 95 % interval and a two-sample test, and a flag on every fast
// rate outside the full model's interval (docs/fidelity.md).
#include <string>
#include <vector>

#include "analysis/monte_carlo.hpp"
#include "analysis/statistics.hpp"

namespace skyshield {

struct TwoSampleTest {
  double statistic = 0.0;   // z or t; positive when the second sample's rate is the larger
  double p_value = 1.0;     // two-sided
  double dof = 0.0;         // Welch: the Welch-Satterthwaite degrees of freedom; z: 0
};

// Two-proportion z test with the pooled proportion (e.g. Agresti, Categorical Data Analysis, 3rd ed.,
// sec. 1.4.3 / 2.1.3): z = (p2 - p1) / sqrt(p (1 - p) (1/n1 + 1/n2)), p = (k1 + k2) / (n1 + n2);
// two-sided p-value 2 (1 - Phi(|z|)) = erfc(|z| / sqrt 2). Equal samples with p = 0 or 1: z = 0, p = 1.
TwoSampleTest two_proportion_z(long long k1, long long n1, long long k2, long long n2);

// Welch's unequal-variance t test (Welch 1947): t = (m2 - m1) / sqrt(s1^2/n1 + s2^2/n2), with the
// Welch-Satterthwaite degrees of freedom; two-sided p from Student's t. Both samples need n >= 2.
// No spread in either sample: t = 0 and p = 1 when the means are equal, else t = +-inf and p = 0.
TwoSampleTest welch_t(const SampleStats& a, const SampleStats& b);

struct FidelityRow {
  std::string metric;        // "P(kill) drone", "leakers/run drone", "interceptors/run", "leakers/run"
  bool proportion = false;   // a proportion (Wilson intervals, z test) or a per-run mean (Student-t, Welch)
  double full = 0.0, fast = 0.0;
  Interval full_ci, fast_ci;
  bool has_ci = true;        // both intervals exist (a mean needs two runs)
  TwoSampleTest test;
  bool outside = false;      // the fast rate lies outside the full model's 95 % interval
};

// The rows of every threat class present in the full batch (P(kill), leakers per run), then
// interceptors per run and leakers per run over all classes. Both batches must have the same runs.
std::vector<FidelityRow> compare_fidelity(const MonteCarloResult& full, const MonteCarloResult& fast);

// The terminal table, with a last line counting the rates outside the full model's interval.
std::string fidelity_table(const std::vector<FidelityRow>& rows, const std::string& scenario, int runs, std::uint64_t seed);

}  // namespace skyshield
