#pragma once
// A track's radar signature: its RCS estimated from each associated detection by inverting the
// radar equation the radar model uses (sensors/radar_equation.hpp: SNR = C sigma / R^4, so sigma =
// SNR R^4 / C with C the radar's SNR for 1 m^2 at 1 m), kept per radar band as a running mean and
// standard deviation in dB (Welford's update) with a count. A steady target gives a constant
// estimate; a tumbling or fluctuating one a spread: for a Swerling 1 target (exponential echo power)
// the standard deviation of 10 log10 of the power is (10 / ln 10) pi / sqrt(6) = 5.57 dB (the
// variance of ln X for X exponential is pi^2 / 6: Johnson, Kotz & Balakrishnan, Continuous
// Univariate Distributions, vol. 1, ch. 21, the Gumbel law of -ln X). Bands differ by frequency
// (S-band surveillance and X-band engagement radar see different RCS for one object).
#include <array>

namespace skyshield {

struct SignatureBand {
  double frequency_hz = 0.0;   // 0: unused slot
  int count = 0;
  double mean_db = 0.0;        // dBsm
  double m2 = 0.0;             // sum of squared deviations from the mean (Welford)

  double std_db() const;       // sample standard deviation (0 below two samples)
};

struct Signature {
  static constexpr int kMaxBands = 3;
  std::array<SignatureBand, kMaxBands> bands{};

  // Adds one RCS estimate (dBsm) seen at this frequency (a band is matched within 5 %); a fourth
  // band is not kept.
  void add(double frequency_hz, double rcs_dbsm);
  // The band with the most samples, or nullptr when none.
  const SignatureBand* best() const;
  int total_count() const;
};

// RCS (dBsm) from a detection's SNR (dB) at range_m, for a radar of calibration snr_1m2_at_1m
// (linear SNR of 1 m^2 at 1 m).
double rcs_dbsm_from_snr(double snr_db, double range_m, double snr_1m2_at_1m);

}  // namespace skyshield
