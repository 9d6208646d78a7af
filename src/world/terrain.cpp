#include "world/terrain.hpp"

#include <algorithm>
#include <cmath>

#include "core/units.hpp"

namespace skyshield {

double Terrain::height(double lat_deg, double lon_deg) const {
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
  if (p_.kind == TerrainParams::Kind::Flat || distance_m <= 0.0) return h;
  // Sample every 100 m along the heading; over a few km a local spherical step (R = 6371 km) is
  // within metres of the geodesic, far inside the 100 m sampling.
  const int n = std::max(1, static_cast<int>(std::ceil(distance_m / 100.0)));
  const double az = azimuth_deg * kDegToRad, step = distance_m / n / 6371008.8 * kRadToDeg;
  const double dlat = step * std::cos(az), dlon = step * std::sin(az) / std::max(1e-6, std::cos(from.lat_deg * kDegToRad));
  for (int i = 1; i <= n; ++i) h = std::max(h, height(from.lat_deg + i * dlat, from.lon_deg + i * dlon));
  return h;
}

}  // namespace skyshield
