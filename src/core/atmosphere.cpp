#include "core/atmosphere.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace skyshield {

namespace {
// Constants of the standard (US-1976, table 2 and eq. 24-25).
constexpr double kR0 = 6356766.0;          // m, effective earth radius for geopotential
constexpr double kG0 = 9.80665;            // m^2/(s^2 m')
constexpr double kRstar = 8.31432e3;       // N m / (kmol K)
constexpr double kM0 = 28.9644;            // kg/kmol, sea-level molecular weight
constexpr double kR = kRstar / kM0;        // J/(kg K)
constexpr double kGamma = 1.4;

struct Layer {
  double base_h;      // geopotential base, m'
  double base_t;      // K
  double lapse;       // K/m'
  double base_p;      // Pa
};

// Layer bases from table 4 of the standard; base pressures follow from integrating the
// hydrostatic equation from 101325 Pa (computed once below rather than copied, so that the
// layers join exactly).
std::array<Layer, 8> make_layers() {
  std::array<Layer, 8> l{{{0.0, 288.15, -6.5e-3, 101325.0},
                          {11000.0, 0, 0.0, 0},
                          {20000.0, 0, 1.0e-3, 0},
                          {32000.0, 0, 2.8e-3, 0},
                          {47000.0, 0, 0.0, 0},
                          {51000.0, 0, -2.8e-3, 0},
                          {71000.0, 0, -2.0e-3, 0},
                          {84852.0, 0, 0.0, 0}}};
  for (std::size_t i = 1; i < l.size(); ++i) {
    const Layer& b = l[i - 1];
    const double dh = l[i].base_h - b.base_h;
    l[i].base_t = b.base_t + b.lapse * dh;
    l[i].base_p = b.lapse == 0.0 ? b.base_p * std::exp(-kG0 * dh / (kR * b.base_t))
                                 : b.base_p * std::pow(b.base_t / l[i].base_t, kG0 / (kR * b.lapse));
  }
  return l;
}

const std::array<Layer, 8>& layers() {
  static const std::array<Layer, 8> l = make_layers();
  return l;
}
}  // namespace

double geopotential_altitude(double geometric_m) { return kR0 * geometric_m / (kR0 + geometric_m); }

AtmosphereState us1976(double altitude_m) {
  const double h = geopotential_altitude(std::max(altitude_m, -5000.0));
  const auto& ls = layers();
  std::size_t i = ls.size() - 1;
  while (i > 0 && h < ls[i].base_h) --i;
  const Layer& l = ls[i];
  const double dh = h - l.base_h;
  AtmosphereState s;
  s.temperature_k = l.base_t + l.lapse * dh;
  s.pressure_pa = l.lapse == 0.0 ? l.base_p * std::exp(-kG0 * dh / (kR * l.base_t))
                                 : l.base_p * std::pow(l.base_t / s.temperature_k, kG0 / (kR * l.lapse));
  s.density_kg_m3 = s.pressure_pa / (kR * s.temperature_k);
  s.speed_of_sound_mps = std::sqrt(kGamma * kR * s.temperature_k);
  return s;
}

}  // namespace skyshield
