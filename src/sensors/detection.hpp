#pragma once
// Probability of detection of a square-law detector that sums N looks non-coherently, for a given
// per-look SNR and false-alarm probability, for the Swerling fluctuation cases 0-4 (Swerling 1959;
// Skolnik ch. 2; Mahafza ch. 2; DiFranco & Rubin ch. 11).
//
// One exact formula covers every case. Normalised by the noise power, the sum of N square-law
// looks is, given the total signal-to-noise energy X, Gamma(N + K, 1) with K ~ Poisson(X)
// (the Poisson-mixture form of the non-central chi-square). The Swerling cases only change the
// law of X (total energy, mean N*S): fixed (case 0), or Gamma(m, N*S/m) with m = 1 (case 1, one
// Rayleigh draw per scan), N (case 2, per look), 2 (case 3, chi-square 4 dof per scan) or 2N
// (case 4, per look). Mixing Poisson over Gamma gives a negative binomial. So
//   Pd = sum_k w_k * Q(N + k, T),  Q the regularised upper incomplete gamma function,
// with w_k Poisson(N*S) or NegBin(m, N*S/m), and the threshold T solving Q(N, T) = Pfa.
#include <vector>

#include "world/truth_view.hpp"

namespace skyshield {

// A square-law detector integrating `looks` looks non-coherently, thresholded for `pfa`.
class SquareLawDetector {
 public:
  SquareLawDetector(double pfa, int looks = 1);
  // The same detector given its threshold T directly (Pfa = Q(N, T)).
  static SquareLawDetector with_threshold(double threshold, int looks = 1);
  // Pd for a per-look linear SNR (after any coherent integration within a look).
  double pd(Swerling sw, double snr_per_look) const;
  // Per-look linear SNR needed for probability of detection pd (bisection on the monotone Pd).
  double required_snr(Swerling sw, double pd) const;
  double threshold() const { return threshold_; }  // T, in units of the noise power per look
  double pfa() const { return pfa_; }
  int looks() const { return looks_; }

 private:
  SquareLawDetector(double pfa, int looks, double threshold);
  double pfa_;
  int looks_;
  double threshold_;
  std::vector<double> q_;     // q_[k] = Q(N + k, T)
  std::vector<double> p_;     // p_[k] = 1 - Q(N + k, T), kept separately for accuracy near Pd = 1
  std::vector<double> log_int_;  // log_int_[i] = ln i (log_int_[0] unused)
};

// Marcum Q function Q1(a, b).
double marcum_q1(double a, double b);
// Threshold T of N summed square-law looks: Q(N, T) = pfa.
double square_law_threshold(int looks, double pfa);
// Pd for linear per-look SNR snr, false-alarm probability pfa and N looks (default one).
double detection_probability(Swerling sw, double snr_linear, double pfa, int looks = 1);
// Per-look linear SNR needed for probability of detection pd (inverse of the above).
double required_snr(Swerling sw, double pd, double pfa, int looks = 1);

}  // namespace skyshield
