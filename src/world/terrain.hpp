#pragma once
// Ground height under a point: flat (sea or a plain at a given height), procedural rolling hills (a
// smooth deterministic field standing in for a terrain database), or an elevation grid loaded from
// the scenario (ESRI ASCII grid in geographic coordinates, as exported by GDAL; bilinear between cell
// centres; outside the grid or on NODATA cells the ground is at base_m). Used by terrain-following
// flight and by radar terrain masking.
#include <memory>
#include <vector>

#include "core/geo.hpp"

namespace skyshield {

// Heights on a regular latitude/longitude grid, row 0 the southernmost.
struct ElevationGrid {
  int rows = 0, cols = 0;
  double south_lat_deg = 0.0;   // latitude of the centre of row 0
  double west_lon_deg = 0.0;    // longitude of the centre of column 0
  double cell_deg = 0.0;        // cell size (same in latitude and longitude)
  std::vector<double> height_m; // rows * cols, row-major; NaN = no data
  double max_height_m = 0.0;
};

struct TerrainParams {
  enum class Kind { Flat, Hills, Grid } kind = Kind::Flat;
  double base_m = 0.0;          // flat height, the hills' floor, or the ground outside a grid
  double amplitude_m = 0.0;     // hills: crest-to-floor height
  double wavelength_m = 20e3;   // hills: horizontal period
  std::shared_ptr<const ElevationGrid> grid;   // grid: the heights (shared, read-only)
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
  bool is_flat() const { return p_.kind == TerrainParams::Kind::Flat || (p_.kind == TerrainParams::Kind::Hills && p_.amplitude_m <= 0.0); }
  const TerrainParams& params() const { return p_; }

 private:
  double grid_height(double lat_deg, double lon_deg) const;
  TerrainParams p_;
  double floor_m_ = 0.0;
};

}  // namespace skyshield
