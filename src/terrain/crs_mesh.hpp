#pragma once
// A grid's CRS at load time (PROJ through GDAL's OGR; never used by queries) and the CrsMesh that
// replaces it at query time.
#include <memory>
#include <string>

#include "world/elevation_grid.hpp"

namespace skyshield {

class GridCrs {
 public:
  explicit GridCrs(const std::string& wkt);   // throws InputError when PROJ cannot use it
  ~GridCrs();
  GridCrs(const GridCrs&) = delete;
  GridCrs& operator=(const GridCrs&) = delete;

  bool geographic() const;
  double metres_per_unit() const;   // projected: the linear unit; geographic: metres per degree (111320)
  // WGS 84 latitude/longitude <-> grid (x, y); false where PROJ has no answer.
  bool from_wgs84(double lat_deg, double lon_deg, double& x, double& y) const;
  bool to_wgs84(double x, double y, double& lat_deg, double& lon_deg) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Nodes spaced kMeshStepDeg (or wider, to keep at most kMaxMeshNodes nodes) over the grid's WGS 84
// bounding box: the mapping from WGS 84 to the grid, bilinear between nodes. Null when the grid is
// in WGS 84 longitude/latitude already (checked at its corners and centre to 1e-9 degree).
inline constexpr double kMeshStepDeg = 0.002;
inline constexpr double kMaxMeshNodes = 4.0e6;
std::shared_ptr<const CrsMesh> make_crs_mesh(const GridCrs& crs, const ElevationGrid& g);

}  // namespace skyshield
