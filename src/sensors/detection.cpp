#include "sensors/detection.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace skyshield {

namespace {

// Poisson probabilities t_j = e^-x x^j / j!, j = 0..J, with J far enough into the tail that the
// rest is below double precision (the Poisson tail beyond x + 12 sqrt(x) + 40 is < 1e-25).
std::vector<double> poisson_terms(double x, int j_min) {
  const int J = std::max(j_min, static_cast<int>(std::ceil(x + 12.0 * std::sqrt(x) + 40.0)));
  std::vector<double> t(J + 1);
  const double log_x = x > 0.0 ? std::log(x) : 0.0;
  for (int j = 0; j <= J; ++j) t[j] = x > 0.0 ? std::exp(-x + j * log_x - std::lgamma(j + 1.0)) : (j == 0 ? 1.0 : 0.0);
  return t;
}

// Regularised upper incomplete gamma of integer order: Q(n, x) = sum_{j<n} e^-x x^j / j!,
// summed in the log domain so that values far below 1 keep their relative accuracy.
double upper_gamma_q(int n, double x) {
  if (x <= 0.0) return 1.0;
  double log_max = -1e300;
  std::vector<double> lt(n);
  for (int j = 0; j < n; ++j) log_max = std::max(log_max, lt[j] = -x + j * std::log(x) - std::lgamma(j + 1.0));
  double s = 0.0;
  for (double l : lt) s += std::exp(l - log_max);
  return std::min(1.0, std::exp(log_max) * s);
}

}  // namespace

double square_law_threshold(int looks, double pfa) {
  if (looks < 1 || !(pfa > 0.0 && pfa < 1.0)) throw std::invalid_argument("square_law_threshold: looks >= 1, 0 < pfa < 1");
  if (looks == 1) return -std::log(pfa);
  // Q(N, T) decreases in T: bracket, then bisect on ln Q.
  double lo = 0.0, hi = looks + 10.0;
  while (upper_gamma_q(looks, hi) > pfa) hi *= 2.0;
  const double target = std::log(pfa);
  for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; ++i) {
    const double mid = 0.5 * (lo + hi);
    (std::log(upper_gamma_q(looks, mid)) > target ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

SquareLawDetector::SquareLawDetector(double pfa, int looks) : SquareLawDetector(pfa, looks, square_law_threshold(looks, pfa)) {}

SquareLawDetector SquareLawDetector::with_threshold(double threshold, int looks) {
  if (looks < 1 || !(threshold >= 0.0)) throw std::invalid_argument("SquareLawDetector: looks >= 1, threshold >= 0");
  return SquareLawDetector(upper_gamma_q(looks, threshold), looks, threshold);
}

SquareLawDetector::SquareLawDetector(double pfa, int looks, double threshold)
    : pfa_(pfa), looks_(looks), threshold_(threshold) {
  // t_j for the threshold; Q(N + k, T) = sum_{j < N + k} t_j, P(N + k, T) = sum_{j >= N + k} t_j.
  const std::vector<double> t = poisson_terms(threshold_, looks_ + 1);
  const int J = static_cast<int>(t.size()) - 1;
  const int K = J - looks_;  // beyond K, Q = 1 to double precision
  q_.resize(K + 1);
  p_.resize(K + 1);
  double below = 0.0;
  for (int j = 0; j < looks_; ++j) below += t[j];
  double above = 0.0;
  std::vector<double> tail(J + 2, 0.0);
  for (int j = J; j >= 0; --j) tail[j] = above += t[j];
  for (int k = 0; k <= K; ++k) {
    q_[k] = std::min(1.0, below);
    p_[k] = tail[looks_ + k];
    below += t[looks_ + k];
  }
  // The incomplete-gamma identity fixes Q(N, T) = Pfa exactly; use it rather than the sum.
  q_[0] = pfa_;
  log_int_.resize(K + 2 * looks_ + 3);
  for (std::size_t i = 1; i < log_int_.size(); ++i) log_int_[i] = std::log(static_cast<double>(i));
}

double SquareLawDetector::pd(Swerling sw, double snr) const {
  if (!(snr > 0.0)) return pfa_;
  const double n = looks_;
  const double energy = n * snr;  // mean total signal-to-noise energy over the N looks
  // Weights w_k of K (the Poisson index), in the log domain: log w_0 and log(w_k / w_(k-1)).
  double shape = 0.0;  // 0 = Poisson (Swerling 0)
  switch (sw) {
    case Swerling::Case0: break;
    case Swerling::Case1: shape = 1.0; break;
    case Swerling::Case2: shape = n; break;
    case Swerling::Case3: shape = 2.0; break;
    case Swerling::Case4: shape = 2.0 * n; break;
  }
  const int K = static_cast<int>(q_.size()) - 1;
  double log_w, log_ratio_const;
  if (shape == 0.0) {
    log_w = -energy;
    log_ratio_const = std::log(energy);
  } else {
    const double theta = energy / shape;
    log_w = -shape * std::log1p(theta);
    log_ratio_const = std::log(theta) - std::log1p(theta);
  }
  const int m = static_cast<int>(shape);
  double hit = 0.0, miss = 0.0, weight = 0.0;
  for (int k = 0; k <= K; ++k) {
    if (k > 0) log_w += log_ratio_const - log_int_[k] + (shape == 0.0 ? 0.0 : log_int_[k - 1 + m]);
    const double w = std::exp(log_w);
    weight += w;
    hit += w * q_[k];
    miss += w * p_[k];
  }
  // Weight beyond K detects with Q = 1. Both sums have positive terms: use the one that keeps the
  // relative accuracy of the smaller of Pd and 1 - Pd.
  const double pd = miss < 0.5 ? 1.0 - miss : hit + std::max(0.0, 1.0 - weight);
  return std::clamp(pd, 0.0, 1.0);
}

double SquareLawDetector::required_snr(Swerling sw, double pd_wanted) const {
  // Pd is increasing in SNR: bisection on the SNR in dB between -40 dB and +70 dB.
  double lo = -40.0, hi = 70.0;
  for (int i = 0; i < 60; ++i) {
    const double mid = 0.5 * (lo + hi);
    (pd(sw, std::pow(10.0, mid / 10.0)) < pd_wanted ? lo : hi) = mid;
  }
  return std::pow(10.0, 0.5 * (lo + hi) / 10.0);
}

double marcum_q1(double a, double b) {
  // Q1(a, b) is the one-look Swerling 0 detector with threshold b^2/2 and SNR a^2/2.
  return SquareLawDetector::with_threshold(0.5 * b * b, 1).pd(Swerling::Case0, 0.5 * a * a);
}

double detection_probability(Swerling sw, double snr, double pfa, int looks) {
  if (!(snr >= 0.0)) return 0.0;
  if (!(pfa > 0.0 && pfa < 1.0)) return pfa >= 1.0 ? 1.0 : 0.0;
  return SquareLawDetector(pfa, looks).pd(sw, snr);
}

double required_snr(Swerling sw, double pd, double pfa, int looks) {
  return SquareLawDetector(pfa, looks).required_snr(sw, pd);
}

}  // namespace skyshield
