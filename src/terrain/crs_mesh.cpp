#include "terrain/crs_mesh.hpp"

#include <fmt/format.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/error.hpp"

namespace skyshield {

struct GridCrs::Impl {
  OGRSpatialReference wgs84, grid;
  std::unique_ptr<OGRCoordinateTransformation> to_grid, to_wgs;
};

GridCrs::GridCrs(const std::string& wkt) : impl_(std::make_unique<Impl>()) {
  impl_->wgs84.SetWellKnownGeogCS("WGS84");
  impl_->wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);   // longitude, latitude
  if (impl_->grid.importFromWkt(wkt.c_str()) != OGRERR_NONE) throw InputError("its coordinate reference system cannot be read");
  impl_->grid.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);    // easting/longitude first
  impl_->to_grid.reset(OGRCreateCoordinateTransformation(&impl_->wgs84, &impl_->grid));
  impl_->to_wgs.reset(OGRCreateCoordinateTransformation(&impl_->grid, &impl_->wgs84));
  if (!impl_->to_grid || !impl_->to_wgs)
    throw InputError(fmt::format("PROJ finds no transformation between WGS 84 and its CRS '{}'",
                                 impl_->grid.GetName() ? impl_->grid.GetName() : "?"));
}

GridCrs::~GridCrs() = default;

bool GridCrs::geographic() const { return impl_->grid.IsGeographic(); }

double GridCrs::metres_per_unit() const { return geographic() ? 111320.0 : impl_->grid.GetLinearUnits(); }

bool GridCrs::from_wgs84(double lat_deg, double lon_deg, double& x, double& y) const {
  x = lon_deg;
  y = lat_deg;
  return impl_->to_grid->Transform(1, &x, &y) && std::isfinite(x) && std::isfinite(y);
}

bool GridCrs::to_wgs84(double x, double y, double& lat_deg, double& lon_deg) const {
  lon_deg = x;
  lat_deg = y;
  return impl_->to_wgs->Transform(1, &lon_deg, &lat_deg) && std::isfinite(lat_deg) && std::isfinite(lon_deg);
}

std::shared_ptr<const CrsMesh> make_crs_mesh(const GridCrs& crs, const ElevationGrid& g) {
  const double x1 = g.x0 + (g.cols - 1) * g.dx, y1 = g.y0 + (g.rows - 1) * g.dy;
  // WGS 84 longitude/latitude already: the identity at the corners and the centre.
  if (crs.geographic()) {
    bool identity = true;
    for (const auto& [x, y] : {std::pair{g.x0, g.y0}, {x1, g.y0}, {g.x0, y1}, {x1, y1}, {0.5 * (g.x0 + x1), 0.5 * (g.y0 + y1)}}) {
      double gx = 0.0, gy = 0.0;
      identity = identity && crs.from_wgs84(y, x, gx, gy) && std::abs(gx - x) < 1e-9 && std::abs(gy - y) < 1e-9;
    }
    if (identity) return nullptr;
  }
  // The WGS 84 bounding box of the hull of the cell centres, walked along its edges.
  double lat_lo = 90.0, lat_hi = -90.0, lon_lo = 540.0, lon_hi = -540.0;
  constexpr int kWalk = 256;
  for (int k = 0; k <= kWalk; ++k) {
    const double f = static_cast<double>(k) / kWalk;
    for (const auto& [x, y] : {std::pair{g.x0 + f * (x1 - g.x0), g.y0}, {g.x0 + f * (x1 - g.x0), y1},
                               {g.x0, g.y0 + f * (y1 - g.y0)}, {x1, g.y0 + f * (y1 - g.y0)}}) {
      double lat = 0.0, lon = 0.0;
      if (!crs.to_wgs84(x, y, lat, lon))
        throw InputError(fmt::format("PROJ cannot place the grid point ({}, {}) in WGS 84", x, y));
      lat_lo = std::min(lat_lo, lat), lat_hi = std::max(lat_hi, lat);
      lon_lo = std::min(lon_lo, lon), lon_hi = std::max(lon_hi, lon);
    }
  }
  if (lon_hi - lon_lo > 180.0) throw InputError("grids across the antimeridian are not supported");
  auto mesh = std::make_shared<CrsMesh>();
  double step = kMeshStepDeg;
  auto nodes = [&](double span) { return static_cast<int>(std::ceil(span / step)) + 5; };   // 2 steps of margin each side
  while (static_cast<double>(nodes(lat_hi - lat_lo)) * nodes(lon_hi - lon_lo) > kMaxMeshNodes) step *= 1.5;
  mesh->step_deg = step;
  mesh->rows = nodes(lat_hi - lat_lo);
  mesh->cols = nodes(lon_hi - lon_lo);
  mesh->south_lat_deg = std::max(-90.0, lat_lo - 2 * step);
  mesh->west_lon_deg = lon_lo - 2 * step;
  const std::size_t n = static_cast<std::size_t>(mesh->rows) * mesh->cols;
  mesh->x.resize(n);
  mesh->y.resize(n);
  for (int r = 0; r < mesh->rows; ++r)
    for (int c = 0; c < mesh->cols; ++c) {
      const std::size_t i = static_cast<std::size_t>(r) * mesh->cols + c;
      const double lat = std::min(90.0, mesh->south_lat_deg + r * step), lon = mesh->west_lon_deg + c * step;
      if (!crs.from_wgs84(lat, lon, mesh->x[i], mesh->y[i]))   // outside the projection: never inside the grid
        mesh->x[i] = mesh->y[i] = std::numeric_limits<double>::quiet_NaN();
    }
  return mesh;
}

}  // namespace skyshield
