#include "world/ballistic/kepler.hpp"

#include <cmath>

#include "core/units.hpp"

namespace skyshield {

double free_flight_range_angle(double v_mps, double r_m, double gamma_rad) {
  const double nu = v_mps * v_mps * r_m / kEarthMu;
  const double c = std::cos(gamma_rad), s = std::sin(gamma_rad);
  return 2.0 * std::atan2(nu * s * c, 1.0 - nu * c * c);
}

double burnout_speed_for_range(double psi_rad, double r_m, double gamma_rad) {
  // Solve tan(psi/2) (1 - nu cos^2 g) = nu sin g cos g for nu.
  const double tp = std::tan(psi_rad / 2.0);
  const double c = std::cos(gamma_rad), s = std::sin(gamma_rad);
  const double nu = tp / (s * c + tp * c * c);
  return std::sqrt(nu * kEarthMu / r_m);
}

double minimum_energy_gamma(double psi_rad) { return kPi / 4.0 - psi_rad / 4.0; }

}  // namespace skyshield
