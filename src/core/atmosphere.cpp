#include "core/atmosphere.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

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

namespace {

constexpr double kTableLow = -5000.0, kTableHigh = 86000.0, kTableStep = 25.0;

// Inverse of geopotential_altitude (US-1976 eq. 19).
double geometric_altitude(double h) { return kR0 * h / (kR0 - h); }

std::size_t layer_of(double h) {
  const auto& ls = layers();
  std::size_t i = ls.size() - 1;
  while (i > 0 && h < ls[i].base_h) --i;
  return i;
}

// d rho / dz (geometric): rho (d ln p/dH - d ln T/dH) dH/dz, with d ln p/dH = -g0/(R T) (hydrostatic
// equation, US-1976 eq. 33), d ln T/dH = lapse/T and dH/dz = (r0/(r0+z))^2 (from eq. 18).
double density_slope_exact(double z, std::size_t layer) {
  const double h = geopotential_altitude(z);
  const Layer& l = layers()[layer];
  const double t = l.base_t + l.lapse * (h - l.base_h);
  const double dhdz = (kR0 / (kR0 + z)) * (kR0 / (kR0 + z));
  return us1976(z).density_kg_m3 * (-kG0 / (kR * t) - l.lapse / t) * dhdz;
}

// One uniform grid per layer, from its geometric base to the next base (nodes on the layer
// boundaries, where the density's slope changes with the lapse rate), steps of at most kTableStep.
struct DensityTable {
  struct Segment {
    double z0, step;
    std::size_t first, n;   // nodes first .. first + n - 1
  };
  std::vector<Segment> segments;
  std::vector<double> rho, slope;
  DensityTable() {
    const auto& ls = layers();
    for (std::size_t i = 0; i + 1 < ls.size(); ++i) {
      const double za = i == 0 ? kTableLow : geometric_altitude(ls[i].base_h);
      const double zb = i + 2 == ls.size() ? kTableHigh : geometric_altitude(ls[i + 1].base_h);
      const auto steps = static_cast<std::size_t>(std::ceil((zb - za) / kTableStep));
      segments.push_back({za, (zb - za) / static_cast<double>(steps), rho.size(), steps + 1});
      for (std::size_t k = 0; k <= steps; ++k) {
        const double z = k == steps ? zb : za + segments.back().step * static_cast<double>(k);
        // Each node in its own layer (the boundary node from the side of the segment).
        rho.push_back(us1976(z).density_kg_m3);
        slope.push_back(density_slope_exact(z, i));
      }
    }
  }
};

const DensityTable& density_table() {
  static const DensityTable t;
  return t;
}

// Linear interpolation of the table at z inside [kTableLow, kTableHigh].
DensitySlope interpolate(double z) {
  const DensityTable& t = density_table();
  std::size_t i = t.segments.size() - 1;
  while (i > 0 && z < t.segments[i].z0) --i;
  const DensityTable::Segment& sg = t.segments[i];
  const double u = (z - sg.z0) / sg.step;
  const std::size_t k = std::min(static_cast<std::size_t>(std::max(u, 0.0)), sg.n - 2);
  const double f = u - static_cast<double>(k);
  const std::size_t j = sg.first + k;
  return {t.rho[j] + f * (t.rho[j + 1] - t.rho[j]), t.slope[j] + f * (t.slope[j + 1] - t.slope[j])};
}

}  // namespace

AtmosphereState us1976_fast(double altitude_m) {
  if (!(altitude_m >= kTableLow && altitude_m <= kTableHigh)) return us1976(altitude_m);
  const double h = geopotential_altitude(altitude_m);
  const Layer& l = layers()[layer_of(h)];
  AtmosphereState s;
  s.temperature_k = l.base_t + l.lapse * (h - l.base_h);
  s.density_kg_m3 = interpolate(altitude_m).density_kg_m3;
  s.pressure_pa = s.density_kg_m3 * kR * s.temperature_k;
  s.speed_of_sound_mps = std::sqrt(kGamma * kR * s.temperature_k);
  return s;
}

DensitySlope us1976_density_slope(double altitude_m) {
  if (altitude_m < kTableLow) return {us1976(altitude_m).density_kg_m3, 0.0};
  if (altitude_m > kTableHigh) return {us1976(altitude_m).density_kg_m3, density_slope_exact(altitude_m, layer_of(geopotential_altitude(altitude_m)))};
  return interpolate(altitude_m);
}

}  // namespace skyshield
