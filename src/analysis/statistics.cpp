#include "analysis/statistics.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace skyshield {

Interval wilson_interval(long long successes, long long trials, double z) {
  if (trials <= 0) return {0.0, 1.0};
  const double n = static_cast<double>(trials);
  const double p = static_cast<double>(successes) / n;
  const double z2 = z * z;
  const double centre = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
  const double half = z / (1.0 + z2 / n) * std::sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n));
  return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

namespace {

// The continued fraction of I_x(a, b) (DLMF 8.17.22), good for x < (a + 1) / (a + b + 2).
double beta_fraction(double a, double b, double x) {
  constexpr double tiny = 1e-300, eps = 1e-15;
  double c = 1.0, d = 1.0 - (a + b) * x / (a + 1.0);
  if (std::abs(d) < tiny) d = tiny;
  d = 1.0 / d;
  double f = d;
  for (int m = 1; m < 100000; ++m) {
    // Even step d_{2m}, then odd step d_{2m+1}.
    for (int odd = 0; odd < 2; ++odd) {
      const double num = odd ? -(a + m) * (a + b + m) * x / ((a + 2.0 * m) * (a + 2.0 * m + 1.0))
                             : m * (b - m) * x / ((a + 2.0 * m - 1.0) * (a + 2.0 * m));
      d = 1.0 + num * d;
      if (std::abs(d) < tiny) d = tiny;
      c = 1.0 + num / c;
      if (std::abs(c) < tiny) c = tiny;
      d = 1.0 / d;
      const double delta = c * d;
      f *= delta;
      if (odd && std::abs(delta - 1.0) < eps) return f;
    }
  }
  return f;
}

}  // namespace

double incomplete_beta(double a, double b, double x) {
  if (x <= 0.0) return 0.0;
  if (x >= 1.0) return 1.0;
  const double log_front = std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x);
  if (x < (a + 1.0) / (a + b + 2.0)) return std::exp(log_front) * beta_fraction(a, b, x) / a;
  return 1.0 - std::exp(log_front) * beta_fraction(b, a, 1.0 - x) / b;  // I_x(a, b) = 1 - I_{1-x}(b, a)
}

double student_t_cdf(double t, double dof) {
  // P(T > |t|) = I_{dof / (dof + t^2)}(dof / 2, 1 / 2) / 2 (Abramowitz & Stegun 26.7.1 with 26.5.27).
  const double tail = 0.5 * incomplete_beta(dof / 2.0, 0.5, dof / (dof + t * t));
  return t >= 0.0 ? 1.0 - tail : tail;
}

double student_t_quantile(double p, double dof) {
  if (!(p > 0.0 && p < 1.0) || !(dof > 0.0)) return std::numeric_limits<double>::quiet_NaN();
  if (p == 0.5) return 0.0;
  // Solve I_x(dof/2, 1/2) = 2 min(p, 1-p) for x = dof / (dof + t^2) by bisection: I is increasing
  // in x, and bisection cannot fail where Newton's method could overshoot in the far tail.
  const double target = 2.0 * std::min(p, 1.0 - p);
  double lo = 0.0, hi = 1.0;
  for (int i = 0; i < 200 && hi - lo > 1e-17 * std::max(lo, 1e-300); ++i) {
    const double mid = 0.5 * (lo + hi);
    (incomplete_beta(dof / 2.0, 0.5, mid) < target ? lo : hi) = mid;
  }
  const double x = 0.5 * (lo + hi);
  const double t = std::sqrt(dof * (1.0 - x) / x);
  return p > 0.5 ? t : -t;
}

SampleStats sample_stats(std::span<const double> v) {
  SampleStats s;
  s.n = static_cast<long long>(v.size());
  if (v.empty()) return s;
  double sum = 0.0;
  for (double x : v) sum += x;
  s.mean = sum / s.n;
  double ss = 0.0;
  for (double x : v) ss += (x - s.mean) * (x - s.mean);
  s.sd = s.n > 1 ? std::sqrt(ss / (s.n - 1)) : 0.0;
  s.has_ci = s.n > 1;
  const double half = s.has_ci ? student_t_quantile(0.975, static_cast<double>(s.n - 1)) * s.sd / std::sqrt(static_cast<double>(s.n)) : 0.0;
  s.ci95 = {s.mean - half, s.mean + half};
  const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
  s.min = *lo;
  s.max = *hi;
  return s;
}

std::string few_runs_warning(long long runs, std::string_view per) {
  if (runs >= kFewRuns) return {};
  const long long dof = std::max(0LL, runs - 1);
  return fmt::format("warning: only {} run{}{}: the 95% intervals are wide (Student-t with {} degree{} of freedom) and rest "
                     "on a normal shape that so few runs cannot check; use --runs {} or more for conclusions",
                     runs, runs == 1 ? "" : "s", per, dof, dof == 1 ? "" : "s", kFewRuns);
}

}  // namespace skyshield
