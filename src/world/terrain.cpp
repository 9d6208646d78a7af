#include "world/terrain.hpp"

#include <algorithm>
#include <cmath>

#include "core/units.hpp"

namespace skyshield {

Terrain::Terrain(TerrainParams p) : p_(std::move(p)), floor_m_(p_.base_m) {
  // Hills lie on their floor (amplitude >= 0 raises them); a grid may dip below base_m.
  if (p_.kind == TerrainParams::Kind::Grid && p_.grid)
    for (double h : p_.grid->height_m)
      if (!std::isnan(h)) floor_m_ = std::min(floor_m_, h);
}

double Terrain::grid_height(double lat_deg, double lon_deg) const {
  const ElevationGrid& g = *p_.grid;
  // Grid coordinates, with the edge centres counted in despite rounding (1e-9 cell).
  double r = (lat_deg - g.south_lat_deg) / g.cell_deg, c = (lon_deg - g.west_lon_deg) / g.cell_deg;
  constexpr double kEdge = 1e-9;
  if (!(r >= -kEdge && c >= -kEdge && r <= g.rows - 1 + kEdge && c <= g.cols - 1 + kEdge)) return p_.base_m;
  r = std::clamp(r, 0.0, g.rows - 1.0);
  c = std::clamp(c, 0.0, g.cols - 1.0);
  const int r0 = std::min(static_cast<int>(r), std::max(0, g.rows - 2));
  const int c0 = std::min(static_cast<int>(c), std::max(0, g.cols - 2));
  const int r1 = std::min(r0 + 1, g.rows - 1), c1 = std::min(c0 + 1, g.cols - 1);
  const double fr = r - r0, fc = c - c0;
  auto at = [&](int i, int j) {
    const double h = g.height_m[static_cast<std::size_t>(i) * g.cols + j];
    return std::isnan(h) ? p_.base_m : h;
  };
  return (1 - fr) * ((1 - fc) * at(r0, c0) + fc * at(r0, c1)) + fr * ((1 - fc) * at(r1, c0) + fc * at(r1, c1));
}

double Terrain::max_height() const {
  switch (p_.kind) {
    case TerrainParams::Kind::Flat: return p_.base_m;
    case TerrainParams::Kind::Hills: return p_.base_m + std::max(0.0, p_.amplitude_m);
    case TerrainParams::Kind::Grid: return std::max(p_.base_m, p_.grid->max_height_m);
  }
  return p_.base_m;
}

double Terrain::feature_scale_m() const {
  switch (p_.kind) {
    case TerrainParams::Kind::Flat: return 1e9;
    case TerrainParams::Kind::Hills: return p_.wavelength_m / 2.3;   // the shorter of the two sinusoids
    case TerrainParams::Kind::Grid: return p_.grid->cell_deg * 111320.0;
  }
  return 1e9;
}

double Terrain::height(double lat_deg, double lon_deg) const {
  if (p_.kind == TerrainParams::Kind::Grid) return grid_height(lat_deg, lon_deg);
  if (p_.kind == TerrainParams::Kind::Flat || p_.amplitude_m <= 0.0) return p_.base_m;
  // Local metres (equirectangular: a smooth field only needs to be smooth, not conformal).
  const double y = lat_deg * 111320.0, x = lon_deg * 111320.0 * std::cos(lat_deg * kDegToRad);
  const double k = 2 * kPi / p_.wavelength_m;
  const double f = 0.5 * (1 + std::sin(k * x) * std::sin(k * y)) * 0.7 +
                   0.5 * (1 + std::sin(2.3 * k * x + 1.0) * std::sin(1.7 * k * y + 2.0)) * 0.3;
  return p_.base_m + p_.amplitude_m * f;
}

double Terrain::max_height_ahead(const Geodetic& from, double azimuth_deg, double distance_m) const {
  double h = height(from);
  if (is_flat() || distance_m <= 0.0) return h;
  // Sample every 100 m along the heading; over a few km a local spherical step (R = 6371 km) is
  // within metres of the geodesic, far inside the 100 m sampling.
  const int n = std::max(1, static_cast<int>(std::ceil(distance_m / 100.0)));
  const double az = azimuth_deg * kDegToRad, step = distance_m / n / 6371008.8 * kRadToDeg;
  const double dlat = step * std::cos(az), dlon = step * std::sin(az) / std::max(1e-6, std::cos(from.lat_deg * kDegToRad));
  for (int i = 1; i <= n; ++i) h = std::max(h, height(from.lat_deg + i * dlat, from.lon_deg + i * dlon));
  return h;
}

}  // namespace skyshield
