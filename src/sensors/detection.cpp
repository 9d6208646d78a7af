#include "sensors/detection.hpp"

#include <algorithm>
#include <cmath>

namespace skyshield {

namespace {

// Probability that a non-central chi-square variable with 2 degrees of freedom and
// non-centrality 2*lambda exceeds 2*x, written as a Poisson mixture of central chi-squares:
//   Q1(sqrt(2 lambda), sqrt(2 x)) = sum_k Pois(k; lambda) * Q(k + 1, x),
// with Q(k + 1, x) = e^-x sum_{j<=k} x^j / j! the regularised upper incomplete gamma function.
// Every term is positive, so the sum is stable; it is truncated where the Poisson tail is < 1e-16.
double poisson_mixture_q(double lambda, double x) {
  if (lambda <= 0.0) return std::exp(-x);
  const double k_max = lambda + 12.0 * std::sqrt(lambda) + 40.0;
  double q = std::exp(-x);               // Q(1, x)
  double log_xj = -x;                    // log(e^-x x^k / k!) for the current k
  double sum = 0.0;
  const double log_lambda = std::log(lambda);
  const double log_x = x > 0.0 ? std::log(x) : -1e300;
  for (int k = 0; k <= static_cast<int>(k_max); ++k) {
    const double log_pois = -lambda + k * log_lambda - std::lgamma(k + 1.0);
    sum += std::exp(log_pois) * std::min(q, 1.0);
    log_xj += log_x - std::log(k + 1.0);
    q += std::exp(log_xj);               // Q(k + 2, x)
  }
  return std::clamp(sum, 0.0, 1.0);
}

}  // namespace

double marcum_q1(double a, double b) {
  return poisson_mixture_q(0.5 * a * a, 0.5 * b * b);
}

double detection_probability(Swerling sw, double snr, double pfa) {
  if (!(pfa > 0.0 && pfa < 1.0) || !(snr >= 0.0)) return snr >= 0.0 ? (pfa >= 1.0 ? 1.0 : 0.0) : 0.0;
  const double t = -std::log(pfa);       // normalised threshold of the square-law detector
  switch (sw) {
    case Swerling::Case0:                // steady target: Pd = Q1(sqrt(2 SNR), sqrt(-2 ln Pfa))
      return poisson_mixture_q(snr, t);
    case Swerling::Case1:                // Rayleigh amplitude, N = 1: Pd = Pfa^(1 / (1 + SNR))
    case Swerling::Case2:                // (cases 1 and 2 coincide for one look)
      return std::exp(-t / (1.0 + snr));
    case Swerling::Case3:                // one dominant plus Rayleigh (chi-square, 4 dof), N = 1:
    case Swerling::Case4: {              // Pd = (1 + 2 T S / (2 + S)^2) exp(-2 T / (2 + S))
      const double d = 2.0 + snr;
      return std::min(1.0, (1.0 + 2.0 * t * snr / (d * d)) * std::exp(-2.0 * t / d));
    }
  }
  return 0.0;
}

double required_snr(Swerling sw, double pd, double pfa) {
  // Pd is increasing in SNR: bisection on log SNR between -30 dB and +60 dB.
  double lo = -30.0, hi = 60.0;
  for (int i = 0; i < 100; ++i) {
    const double mid = 0.5 * (lo + hi);
    if (detection_probability(sw, std::pow(10.0, mid / 10.0), pfa) < pd) lo = mid;
    else hi = mid;
  }
  return std::pow(10.0, 0.5 * (lo + hi) / 10.0);
}

}  // namespace skyshield
