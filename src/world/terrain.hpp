#pragma once
// Ground height under a point: flat (sea or a plain at a given height), procedural rolling hills (a
// smooth deterministic field standing in for a terrain database), or elevation data loaded from the
// scenario (`kind: grid`, an ESRI ASCII grid in WGS 84 degrees, or `kind: dem`, any raster GDAL
// reads, in any CRS, several tiles: see docs/terrain.md). Elevation data are bilinear between cell
// centres; outside the data or on a no-data cell the ground is at base_m. The one source of the
// ground for terrain-following flight, radar terrain masking and every object's ground check.
#include <memory>
#include <string>
#include <vector>

#include "core/geo.hpp"
#include "world/elevation_grid.hpp"

namespace skyshield {

struct TerrainParams {
  enum class Kind { Flat, Hills, Grid } kind = Kind::Flat;
  double base_m = 0.0;          // flat height, the hills' floor, or the ground outside a grid
  double amplitude_m = 0.0;     // hills: crest-to-floor height
  double wavelength_m = 20e3;   // hills: horizontal period
  // grid / dem: the heights (shared, read-only), queried in order (the first grid holding a point
  // gives its height; grids of one load never overlap unless they share a lattice and were mosaicked).
  std::vector<std::shared_ptr<const ElevationGrid>> grids;
  std::vector<std::string> holes;  // dem: where and how many no-data cells each grid has (reported at load)
};

class Terrain {
 public:
  Terrain() = default;
  explicit Terrain(TerrainParams p);
  // Height of the ground above the ellipsoid at (lat, lon).
  double height(double lat_deg, double lon_deg) const;
  double height(const Geodetic& g) const { return height(g.lat_deg, g.lon_deg); }
  // Highest ground along a geodesic from `from` over `distance_m` on `azimuth_deg` (sampled).
  double max_height_ahead(const Geodetic& from, double azimuth_deg, double distance_m) const;
  // Highest ground anywhere (an upper bound, for horizon limits).
  double max_height() const;
  // Lowest ground anywhere: the smooth earth under the radar horizon (over a plain, the plain itself;
  // over uneven ground the terrain mask accounts for everything rising above it).
  double floor_height() const { return floor_m_; }
  // Horizontal scale below which the ground is smooth (sampling step for profiles).
  double feature_scale_m() const;
  // True where elevation data hold the point (always true for flat ground and hills).
  bool covers(double lat_deg, double lon_deg) const;
  bool covers(const Geodetic& g) const { return covers(g.lat_deg, g.lon_deg); }
  bool is_flat() const { return p_.kind == TerrainParams::Kind::Flat || (p_.kind == TerrainParams::Kind::Hills && p_.amplitude_m <= 0.0); }
  const TerrainParams& params() const { return p_; }

 private:
  TerrainParams p_;
  double floor_m_ = 0.0;
};

}  // namespace skyshield
