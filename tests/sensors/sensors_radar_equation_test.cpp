// Radar range equation against MATLAB Radar Toolbox documentation examples
// (tests/reference/radar_reference_values.txt, block A; mathworks.com/help/radar/ref/radareq{snr,rng,pow}.html).
#include <gtest/gtest.h>

#include <cmath>

#include "core/units.hpp"
#include "sensors/radar_equation.hpp"

namespace skyshield {
namespace {

// MATLAB defaults: Gain = 20 dB (tx = rx), RCS = 1 m^2, Ts = 290 K, Loss = 0 dB.
RadarEquationTerms matlab_defaults(double f_hz, double tau_s, double pt_w) {
  RadarEquationTerms t;
  t.peak_power_w = pt_w;
  t.pulse_width_s = tau_s;
  t.gain_tx_linear = t.gain_rx_linear = db_to_linear(20.0);
  t.wavelength_m = kSpeedOfLight / f_hz;
  return t;
}

TEST(RadarEquation, MatlabRadareqrngExamples) {
  // radareqrng(lambda, SNR = 6 dB, Pt = 1 MW, tau = 10 us) -> 4.1057e4 m  [block A]
  RadarEquationTerms t = matlab_defaults(10e9, 10e-6, 1e6);
  EXPECT_NEAR(radar_equation_range(t, db_to_linear(6.0)), 4.1057e4, 5.0);
  // same + Gain 40 dB, RCS 0.1, Loss 3 dB -> 1.9426e5 m  [block A]
  t.gain_tx_linear = t.gain_rx_linear = db_to_linear(40.0);
  t.rcs_m2 = 0.1;
  t.losses_linear = db_to_linear(3.0);
  EXPECT_NEAR(radar_equation_range(t, db_to_linear(6.0)), 1.9426e5, 50.0);
}

TEST(RadarEquation, MatlabRadareqsnrExamples) {
  // radareqsnr(f = 1 GHz, R = 50 km, Pt = 1 MW, tau = 0.2 us) -> 5.5868 dB  [block A]
  RadarEquationTerms t = matlab_defaults(1e9, 0.2e-6, 1e6);
  EXPECT_NEAR(linear_to_db(radar_equation_snr(t, 50e3)), 5.5868, 1e-3);
  // f = 10 GHz, R = 100 km, Pt = 1 MW, tau = 1 us, RCS 0.5, Gain 40, Ts 300 K, Loss 3 -> 14.3778 dB  [block A]
  t = matlab_defaults(10e9, 1e-6, 1e6);
  t.rcs_m2 = 0.5;
  t.gain_tx_linear = t.gain_rx_linear = db_to_linear(40.0);
  t.system_temperature_k = 300.0;
  t.losses_linear = db_to_linear(3.0);
  EXPECT_NEAR(linear_to_db(radar_equation_snr(t, 100e3)), 14.3778, 1e-3);
  // Bistatic example (Gt = 40 dB, Gr = 20 dB, Rt = 50 km, Rr = 75 km) -> 9.0547 dB: our monostatic
  // form with R^4 = Rt^2 Rr^2 must give the same number.  [block A]
  t = matlab_defaults(10e9, 1e-6, 1e6);
  t.gain_tx_linear = db_to_linear(40.0);
  EXPECT_NEAR(linear_to_db(radar_equation_snr(t, std::sqrt(50e3 * 75e3))), 9.0547, 1e-3);
}

TEST(RadarEquation, MatlabRadareqpowExamplesByInversion) {
  // radareqpow(f = 1 GHz, R = 50 km, SNR = 6 dB, tau = 1 us) -> 2.1996e5 W  [block A]:
  // with that power the SNR at 50 km must be 6 dB.
  RadarEquationTerms t = matlab_defaults(1e9, 1e-6, 2.1996e5);
  EXPECT_NEAR(linear_to_db(radar_equation_snr(t, 50e3)), 6.0, 1e-3);
  // f = 10 GHz, R = 50 km, SNR = 10 dB, RCS 0.5, Gain 30, Ts 300, Loss 3 -> 2.2809e6 W  [block A]
  t = matlab_defaults(10e9, 1e-6, 2.2809e6);
  t.rcs_m2 = 0.5;
  t.gain_tx_linear = t.gain_rx_linear = db_to_linear(30.0);
  t.system_temperature_k = 300.0;
  t.losses_linear = db_to_linear(3.0);
  EXPECT_NEAR(linear_to_db(radar_equation_snr(t, 50e3)), 10.0, 1e-3);
}

TEST(RadarEquation, ConfiguredRadarFollowsTheEquation) {
  RadarParams p;
  p.peak_power_w = 2e5;
  p.gain_db = 42.0;
  p.frequency_hz = 9e9;
  p.pulse_width_s = 20e-6;
  p.pulses_integrated = 4;
  p.noise_figure_db = 4.0;
  p.losses_db = 8.0;
  // Hand evaluation of SNR = Pt n tau G^2 lambda^2 sigma / ((4 pi)^3 k T0 F R^4 L).
  const double lambda = kSpeedOfLight / 9e9, g = std::pow(10.0, 4.2), R = 150e3;
  const double hand = 2e5 * 4 * 20e-6 * g * g * lambda * lambda * 5.0 /
                      (std::pow(4 * kPi, 3) * kBoltzmann * 290.0 * std::pow(10.0, 0.4) * std::pow(R, 4) * std::pow(10.0, 0.8));
  EXPECT_NEAR(radar_snr(p, 5.0, R) / hand, 1.0, 1e-12);
  EXPECT_NEAR(radar_snr(p, 5.0, R) / radar_snr(p, 5.0, 2 * R), 16.0, 1e-9);   // R^-4
  RadarParams p8 = p;
  p8.pulses_integrated = 8;
  EXPECT_NEAR(radar_snr(p8, 5.0, R) / radar_snr(p, 5.0, R), 2.0, 1e-12);      // coherent integration
}

}  // namespace
}  // namespace skyshield
