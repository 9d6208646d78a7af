#pragma once
// The monostatic radar range equation (e.g. Skolnik, Introduction to Radar Systems, 3rd ed., eq. 2.61;
// MATLAB radareqsnr):  SNR = Pt * tau * Gt * Gr * lambda^2 * sigma / ((4 pi)^3 * k * Ts * R^4 * L)
#include "sensors/radar_params.hpp"

namespace skyshield {

struct RadarEquationTerms {
  double peak_power_w = 0.0;
  double pulse_width_s = 0.0;       // or the coherent integration time's energy equivalent: n * tau
  double gain_tx_linear = 1.0;
  double gain_rx_linear = 1.0;
  double wavelength_m = 0.0;
  double rcs_m2 = 1.0;
  double system_temperature_k = 290.0;
  double losses_linear = 1.0;
};

// Linear single-look SNR at range_m.
double radar_equation_snr(const RadarEquationTerms& terms, double range_m);
// Range at which the SNR equals snr_linear.
double radar_equation_range(const RadarEquationTerms& terms, double snr_linear);

// System noise temperature Ts = T0 * F of a configured radar (T0 = 290 K).
double system_temperature_k(const RadarParams& params);

// Terms of a configured radar against a target of the given RCS (coherent integration of
// pulses_integrated pulses; Ts = 290 K * noise figure).
RadarEquationTerms radar_terms(const RadarParams& params, double rcs_m2);
// Linear SNR of a configured radar against rcs_m2 at range_m.
double radar_snr(const RadarParams& params, double rcs_m2, double range_m);

}  // namespace skyshield
