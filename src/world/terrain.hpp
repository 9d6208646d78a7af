#pragma once
// Ground height under a point: flat (sea or a plain at a given height) or procedural rolling hills,
// a smooth deterministic field (two crossed sinusoid products) standing in for a terrain database,
// which skyshield does not ship. Used by terrain-following flight; radar masking by terrain is not
// modelled (README, limits).
#include "core/geo.hpp"

namespace skyshield {

struct TerrainParams {
  enum class Kind { Flat, Hills } kind = Kind::Flat;
  double base_m = 0.0;          // flat height, or the hills' floor
  double amplitude_m = 0.0;     // hills: crest-to-floor height
  double wavelength_m = 20e3;   // hills: horizontal period
};

class Terrain {
 public:
  Terrain() = default;
  explicit Terrain(TerrainParams p) : p_(p) {}
  // Height of the ground above the ellipsoid at (lat, lon).
  double height(double lat_deg, double lon_deg) const;
  double height(const Geodetic& g) const { return height(g.lat_deg, g.lon_deg); }
  // Highest ground along a geodesic from `from` over `distance_m` on `azimuth_deg` (sampled).
  double max_height_ahead(const Geodetic& from, double azimuth_deg, double distance_m) const;
  const TerrainParams& params() const { return p_; }

 private:
  TerrainParams p_;
};

}  // namespace skyshield
