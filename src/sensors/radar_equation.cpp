#include "sensors/radar_equation.hpp"

#include <cmath>

#include "core/units.hpp"

namespace skyshield {

namespace {
double numerator_over_r4(const RadarEquationTerms& t) {
  const double four_pi_cubed = std::pow(4.0 * kPi, 3);
  return t.peak_power_w * t.pulse_width_s * t.gain_tx_linear * t.gain_rx_linear * t.wavelength_m * t.wavelength_m *
         t.rcs_m2 / (four_pi_cubed * kBoltzmann * t.system_temperature_k * t.losses_linear);
}
}  // namespace

double radar_equation_snr(const RadarEquationTerms& terms, double range_m) {
  const double r2 = range_m * range_m;
  return numerator_over_r4(terms) / (r2 * r2);
}

double radar_equation_range(const RadarEquationTerms& terms, double snr_linear) {
  return std::pow(numerator_over_r4(terms) / snr_linear, 0.25);
}

double system_temperature_k(const RadarParams& p) { return kStandardTemperature * db_to_linear(p.noise_figure_db); }

RadarEquationTerms radar_terms(const RadarParams& p, double rcs_m2) {
  RadarEquationTerms t;
  t.peak_power_w = p.peak_power_w;
  t.pulse_width_s = p.pulse_width_s * p.pulses_integrated;
  t.gain_tx_linear = db_to_linear(p.gain_db);
  t.gain_rx_linear = t.gain_tx_linear;
  t.wavelength_m = kSpeedOfLight / p.frequency_hz;
  t.rcs_m2 = rcs_m2;
  t.system_temperature_k = system_temperature_k(p);
  t.losses_linear = db_to_linear(p.losses_db);
  return t;
}

double radar_snr(const RadarParams& params, double rcs_m2, double range_m) {
  return radar_equation_snr(radar_terms(params, rcs_m2), range_m);
}

}  // namespace skyshield
