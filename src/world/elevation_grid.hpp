#pragma once
// An elevation raster held in memory (read whole at load, then only read: safe to query from any
// number of threads). Cell centres lie on a regular lattice of the grid's own coordinate system;
// heights are bilinear between the four surrounding centres.
//  - Geographic WGS 84 grids (no mesh): x is the longitude, y the latitude, in degrees.
//  - Any other CRS (projected, or geographic on another datum): a CrsMesh, tabulated by PROJ at load,
//    maps WGS 84 latitude/longitude to the grid's x and y without PROJ or GDAL at query time.
// No GDAL here: src/terrain/ reads the files and fills these structures.
#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

namespace skyshield {

// WGS 84 latitude/longitude -> a grid's (x, y), tabulated on a regular latitude/longitude mesh and
// bilinear between nodes (the accuracy is stated and tested in docs/terrain.md and tests/terrain/).
struct CrsMesh {
  int rows = 0, cols = 0;          // nodes; row 0 the southernmost
  double south_lat_deg = 0.0, west_lon_deg = 0.0, step_deg = 0.0;
  std::vector<double> x, y;        // rows * cols, row-major
  // The grid coordinates of (lat, lon); false outside the mesh.
  bool map(double lat_deg, double lon_deg, double& x_out, double& y_out) const {
    const double r = (lat_deg - south_lat_deg) / step_deg, c = (lon_deg - west_lon_deg) / step_deg;
    if (!(r >= 0.0 && c >= 0.0 && r <= rows - 1 && c <= cols - 1)) return false;
    const int r0 = std::min(static_cast<int>(r), rows - 2), c0 = std::min(static_cast<int>(c), cols - 2);
    const double fr = r - r0, fc = c - c0;
    const std::size_t i = static_cast<std::size_t>(r0) * cols + c0, j = i + cols;
    x_out = (1 - fr) * ((1 - fc) * x[i] + fc * x[i + 1]) + fr * ((1 - fc) * x[j] + fc * x[j + 1]);
    y_out = (1 - fr) * ((1 - fc) * y[i] + fc * y[i + 1]) + fr * ((1 - fc) * y[j] + fc * y[j + 1]);
    return true;
  }
};

struct ElevationGrid {
  int rows = 0, cols = 0;
  double x0 = 0.0, y0 = 0.0;       // centre of cell (row 0, col 0); row 0 has the lowest y (the south)
  double dx = 0.0, dy = 0.0;       // cell size along x and y (> 0), in the grid's units
  std::vector<double> height_m;    // rows * cols, row-major; NaN = no data (a hole)
  double max_height_m = 0.0;       // over the cells with data
  double min_height_m = 0.0;
  double cell_m = 0.0;             // the smaller cell side on the ground, metres (sampling scale)
  std::shared_ptr<const CrsMesh> mesh;   // null: x = longitude, y = latitude (WGS 84, degrees)
  std::string source;              // the file(s) it came from, for messages

  // Fractional (row, col) of (lat, lon); false outside the hull of the cell centres (1e-9 cell slack).
  bool locate(double lat_deg, double lon_deg, double& r, double& c) const {
    double x = lon_deg, y = lat_deg;
    if (mesh) {
      if (!mesh->map(lat_deg, lon_deg, x, y)) return false;
    } else if (x < x0 - 0.5 * dx && x + 360.0 <= x0 + cols * dx) {
      x += 360.0;   // a grid given in longitudes [0, 360)
    }
    r = (y - y0) / dy;
    c = (x - x0) / dx;
    constexpr double kEdge = 1e-9;
    return r >= -kEdge && c >= -kEdge && r <= rows - 1 + kEdge && c <= cols - 1 + kEdge;
  }
  // Bilinear height at fractional (row, col) inside the hull; a hole counts as `hole_m`.
  double sample(double r, double c, double hole_m) const {
    r = std::clamp(r, 0.0, rows - 1.0);
    c = std::clamp(c, 0.0, cols - 1.0);
    const int r0 = std::min(static_cast<int>(r), std::max(0, rows - 2));
    const int c0 = std::min(static_cast<int>(c), std::max(0, cols - 2));
    const int r1 = std::min(r0 + 1, rows - 1), c1 = std::min(c0 + 1, cols - 1);
    const double fr = r - r0, fc = c - c0;
    auto at = [&](int i, int j) {
      const double h = height_m[static_cast<std::size_t>(i) * cols + j];
      return std::isnan(h) ? hole_m : h;
    };
    return (1 - fr) * ((1 - fc) * at(r0, c0) + fc * at(r0, c1)) + fr * ((1 - fc) * at(r1, c0) + fc * at(r1, c1));
  }
};

}  // namespace skyshield
