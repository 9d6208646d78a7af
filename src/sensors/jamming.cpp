#include "sensors/jamming.hpp"

#include <algorithm>
#include <cmath>

#include "core/units.hpp"
#include "sensors/radar_equation.hpp"

namespace skyshield {

double thermal_noise_density(const RadarParams& p) {
  return kBoltzmann * system_temperature_k(p);
}

double receive_gain(const RadarParams& p, double d_az, double d_el) {
  const double g = db_to_linear(p.gain_db);
  const double a = d_az / (p.beamwidth_az_deg * kDegToRad), e = d_el / (p.beamwidth_el_deg * kDegToRad);
  const double main = std::exp(-4.0 * std::log(2.0) * (a * a + e * e));
  return g * std::max(main, db_to_linear(p.sidelobe_level_db));
}

double jammer_noise_density(const RadarParams& p, const JammerParams& j, double range_m, double rx_gain) {
  if (!j.covers(p.frequency_hz) || !(range_m > 0.0)) return 0.0;
  const double lambda = kSpeedOfLight / p.frequency_hz;
  const double four_pi_r = 4.0 * kPi * range_m;
  return j.power_w * db_to_linear(j.gain_db) * rx_gain * lambda * lambda /
         (four_pi_r * four_pi_r * db_to_linear(j.losses_db) * j.bandwidth_hz());
}

double self_protection_js(const RadarParams& p, const JammerParams& j, double rcs_m2, double range_m) {
  // E = SNR * N0 (the range equation's SNR is echo energy over thermal noise density).
  const double energy = radar_snr(p, rcs_m2, range_m) * thermal_noise_density(p);
  return jammer_noise_density(p, j, range_m, db_to_linear(p.gain_db)) / energy;
}

double repeater_js(const RadarParams& p, const DeceptionJammerParams& j, double rcs_m2, double range_m) {
  return 4.0 * kPi * j.power_w * db_to_linear(j.gain_db) * range_m * range_m / (p.peak_power_w * db_to_linear(p.gain_db) * rcs_m2);
}

double burn_through_range_m(const RadarParams& p, const JammerParams& j, double rcs_m2, double s) {
  const double n0 = thermal_noise_density(p);
  const double a = radar_snr(p, rcs_m2, 1.0) * n0;                                 // E R^4
  const double b = jammer_noise_density(p, j, 1.0, db_to_linear(p.gain_db));       // J0 R^2
  if (b <= 0.0) return radar_equation_range(radar_terms(p, rcs_m2), s);           // not jammed
  // The root in rationalised form (no cancellation when the jammer dominates the thermal noise).
  const double r2 = 2.0 * a / (s * b + std::sqrt(s * s * b * b + 4.0 * s * n0 * a));
  return std::sqrt(r2);
}

}  // namespace skyshield
