#include "sensors/detection.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace skyshield {

namespace {

// Probability that a non-central chi-square variable with 2 degrees of freedom and
// non-centrality 2*lambda exceeds 2*x, written as a Poisson mixture of central chi-squares:
//   Q1(sqrt(2 lambda), sqrt(2 x)) = sum_k Pois(k; lambda) * Q(k + 1, x),
// with Q(k + 1, x) = e^-x sum_{j<=k} x^j / j! the regularised upper incomplete gamma function and
// P = 1 - Q its complement. Every term of both sums is positive: the result is computed as the hit
// sum when below 1/2 and as 1 - (the miss sum) above, so that both tails keep full relative accuracy.
double poisson_mixture_q(double lambda, double x) {
  // Terms t_j = e^-x x^j / j!, up to where they vanish (Poisson tail beyond x + 40 sqrt(x) + 60).
  const int J = static_cast<int>(std::ceil(x + 40.0 * std::sqrt(x) + 60.0));
  std::vector<double> q(J + 1), p(J + 1);  // q[k] = Q(k + 1, x), p[k] = P(k + 1, x)
  const double log_x = x > 0.0 ? std::log(x) : 0.0;
  std::vector<double> t(J + 1);
  for (int j = 0; j <= J; ++j) t[j] = x > 0.0 ? std::exp(-x + j * log_x - std::lgamma(j + 1.0)) : (j == 0 ? 1.0 : 0.0);
  double acc = 0.0;
  for (int k = 0; k <= J; ++k) q[k] = std::min(1.0, acc += t[k]);
  acc = 0.0;
  for (int k = J; k >= 0; --k) {
    p[k] = acc;  // sum over j > k
    acc += t[k];
  }
  const double spread = 12.0 * std::sqrt(lambda) + 40.0;
  const int k_lo = static_cast<int>(std::max(0.0, std::floor(lambda - spread)));
  const int k_hi = static_cast<int>(std::ceil(lambda + spread));
  const double log_lambda = lambda > 0.0 ? std::log(lambda) : 0.0;
  double hit = 0.0, miss = 0.0;
  for (int k = k_lo; k <= k_hi; ++k) {
    const double pois = lambda > 0.0 ? std::exp(-lambda + k * log_lambda - std::lgamma(k + 1.0)) : (k == 0 ? 1.0 : 0.0);
    hit += pois * q[std::min(k, J)];
    if (k < J) miss += pois * p[k];
  }
  return std::clamp(hit < 0.5 ? hit : 1.0 - miss, 0.0, 1.0);
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
