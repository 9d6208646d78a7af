#include "world/terrain.hpp"

#include <algorithm>
#include <cmath>

#include "core/units.hpp"

namespace skyshield {

Terrain::Terrain(TerrainParams p) : p_(std::move(p)), floor_m_(p_.base_m) {
  // Hills lie on their floor (amplitude >= 0 raises them); a grid may dip below base_m.
  if (p_.kind == TerrainParams::Kind::Grid)
    for (const auto& g : p_.grids) floor_m_ = std::min(floor_m_, g->min_height_m);
}

bool Terrain::covers(double lat_deg, double lon_deg) const {
  if (p_.kind != TerrainParams::Kind::Grid) return true;
  double r = 0.0, c = 0.0;
  for (const auto& g : p_.grids)
    if (g->locate(lat_deg, lon_deg, r, c)) return true;
  return false;
}

double Terrain::max_height() const {
  switch (p_.kind) {
    case TerrainParams::Kind::Flat: return p_.base_m;
    case TerrainParams::Kind::Hills: return p_.base_m + std::max(0.0, p_.amplitude_m);
    case TerrainParams::Kind::Grid: {
      double h = p_.base_m;
      for (const auto& g : p_.grids) h = std::max(h, g->max_height_m);
      return h;
    }
  }
  return p_.base_m;
}

double Terrain::feature_scale_m() const {
  switch (p_.kind) {
    case TerrainParams::Kind::Flat: return 1e9;
    case TerrainParams::Kind::Hills: return p_.wavelength_m / 2.3;   // the shorter of the two sinusoids
    case TerrainParams::Kind::Grid: {
      double m = 1e9;
      for (const auto& g : p_.grids) m = std::min(m, g->cell_m);
      return m;
    }
  }
  return 1e9;
}

double Terrain::height(double lat_deg, double lon_deg) const {
  if (p_.kind == TerrainParams::Kind::Grid) {
    double r = 0.0, c = 0.0;
    for (const auto& g : p_.grids)
      if (g->locate(lat_deg, lon_deg, r, c)) return g->sample(r, c, p_.base_m);
    return p_.base_m;
  }
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
  // Sample every 100 m along the heading, or every half cell of finer elevation data (a 30 m DEM peak
  // one cell wide would slip between 100 m samples); over a few km a local spherical step (R = 6371 km)
  // is within metres of the geodesic, far inside the sampling.
  const double step_m = std::min(100.0, 0.5 * feature_scale_m());
  const int n = std::max(1, static_cast<int>(std::ceil(distance_m / step_m)));
  const double az = azimuth_deg * kDegToRad, step = distance_m / n / 6371008.8 * kRadToDeg;
  const double dlat = step * std::cos(az), dlon = step * std::sin(az) / std::max(1e-6, std::cos(from.lat_deg * kDegToRad));
  for (int i = 1; i <= n; ++i) h = std::max(h, height(from.lat_deg + i * dlat, from.lon_deg + i * dlon));
  return h;
}

}  // namespace skyshield
