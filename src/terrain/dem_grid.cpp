// Reading tiles into grids: grouping by lattice, mosaicking, holes, overlap checks (see dem_reader.hpp).
#include <fmt/format.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/error.hpp"
#include "terrain/crs_mesh.hpp"
#include "terrain/dem_reader.hpp"
#include "terrain/gdal_session.hpp"

namespace skyshield {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// A tile's cell centres in its CRS, row 0 the lowest y.
struct Lattice {
  double x0, y0, dx, dy;
};

Lattice lattice_of(const DemTile& t) {
  const double* gt = t.geotransform;
  const double dy = std::abs(gt[5]);
  const double y0 = gt[5] < 0.0 ? gt[3] + (t.rows - 0.5) * gt[5] : gt[3] + 0.5 * gt[5];
  return {gt[0] + 0.5 * gt[1], y0, gt[1], dy};
}

// Distance of v from the nearest whole number.
double off_whole(double v) { return std::abs(v - std::round(v)); }

struct Group {
  OGRSpatialReference srs;
  std::string wkt;
  Lattice lat;   // of the first tile
  std::vector<const DemTile*> tiles;
};

bool same_lattice(const Group& g, const OGRSpatialReference& srs, const Lattice& l) {
  return std::abs(l.dx - g.lat.dx) <= 1e-9 * g.lat.dx && std::abs(l.dy - g.lat.dy) <= 1e-9 * g.lat.dy &&
         off_whole((l.x0 - g.lat.x0) / g.lat.dx) < 1e-6 && off_whole((l.y0 - g.lat.y0) / g.lat.dy) < 1e-6 &&
         srs.IsSame(&g.srs);
}

std::string source_of(const std::vector<const DemTile*>& tiles) {
  if (tiles.size() == 1) return tiles[0]->path;
  if (tiles.size() <= 3) {
    std::string s = tiles[0]->path;
    for (std::size_t i = 1; i < tiles.size(); ++i) s += ", " + tiles[i]->path;
    return s;
  }
  return fmt::format("{} ... ({} tiles)", tiles[0]->path, tiles.size());
}

// Metres per unit of the heights (the band's unit type; metres when it says nothing).
double height_unit_m(const std::string& unit, const std::string& path) {
  std::string u = unit;
  std::transform(u.begin(), u.end(), u.begin(), [](unsigned char c) { return std::tolower(c); });
  if (u.empty() || u == "m" || u == "metre" || u == "meter" || u == "metres" || u == "meters") return 1.0;
  if (u == "ft" || u == "foot" || u == "feet" || u == "international foot") return 0.3048;
  if (u == "us-ft" || u == "us survey foot" || u == "ftus") return 1200.0 / 3937.0;
  throw InputError(fmt::format("{}: height unit '{}' is not metres or feet", path, unit));
}

// Copies a tile's first band into the grid (cells already filled by an earlier tile are kept).
void read_tile_into(const DemTile& t, const Lattice& l, ElevationGrid& g) {
  GdalSession session;
  GDALDatasetUniquePtr ds(GDALDataset::Open(t.path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
  if (!ds) throw InputError(fmt::format("{}: GDAL cannot open it as a raster ({})", t.path, last_gdal_error()));
  GDALRasterBand* band = ds->GetRasterBand(1);
  std::vector<double> v(static_cast<std::size_t>(t.rows) * t.cols);
  if (band->RasterIO(GF_Read, 0, 0, t.cols, t.rows, v.data(), t.cols, t.rows, GDT_Float64, 0, 0) != CE_None)
    throw InputError(fmt::format("{}: cannot read its heights ({})", t.path, last_gdal_error()));
  int has_nodata = 0, has_scale = 0, has_offset = 0;
  const double nodata = band->GetNoDataValue(&has_nodata);
  const double scale = band->GetScale(&has_scale), offset = band->GetOffset(&has_offset);
  const double unit = height_unit_m(band->GetUnitType() ? band->GetUnitType() : "", t.path);
  const int c_off = static_cast<int>(std::lround((l.x0 - g.x0) / g.dx));
  const int r_off = static_cast<int>(std::lround((l.y0 - g.y0) / g.dy));
  const bool north_up = t.geotransform[5] < 0.0;
  for (int i = 0; i < t.rows; ++i)
    for (int j = 0; j < t.cols; ++j) {
      double h = v[static_cast<std::size_t>(i) * t.cols + j];
      if ((has_nodata && h == nodata) || std::isnan(h)) continue;
      h = ((has_scale ? scale : 1.0) * h + (has_offset ? offset : 0.0)) * unit;
      if (!(h >= -500.0 && h <= 9000.0))
        throw InputError(fmt::format("{}: height {} m at pixel (column {}, row {}) is outside [-500, 9000] m "
                                     "(a no-data value the file does not declare?)", t.path, h, j, i));
      const int r = r_off + (north_up ? t.rows - 1 - i : i);
      double& cell = g.height_m[static_cast<std::size_t>(r) * g.cols + c_off + j];
      if (std::isnan(cell)) cell = h;
    }
}

// Builds one grid from tiles on one lattice.
ElevationGrid mosaic(const Group& grp, const GridCrs& crs, double& cells_left) {
  ElevationGrid g;
  const Lattice& ref = grp.lat;
  double xlo = 1e300, xhi = -1e300, ylo = 1e300, yhi = -1e300;
  for (const DemTile* t : grp.tiles) {
    const Lattice l = lattice_of(*t);
    xlo = std::min(xlo, l.x0), xhi = std::max(xhi, l.x0 + (t->cols - 1) * l.dx);
    ylo = std::min(ylo, l.y0), yhi = std::max(yhi, l.y0 + (t->rows - 1) * l.dy);
  }
  g.dx = ref.dx;
  g.dy = ref.dy;
  g.x0 = xlo;
  g.y0 = ylo;
  const double cols = std::round((xhi - xlo) / ref.dx) + 1, rows = std::round((yhi - ylo) / ref.dy) + 1;
  if (rows * cols > cells_left)
    throw InputError(fmt::format("{}: the tiles span {:.0f} x {:.0f} cells, more than the {:.0f} the terrain may still hold",
                                 source_of(grp.tiles), cols, rows, cells_left));
  cells_left -= rows * cols;
  g.cols = static_cast<int>(cols);
  g.rows = static_cast<int>(rows);
  g.source = source_of(grp.tiles);
  g.height_m.assign(static_cast<std::size_t>(g.rows) * g.cols, kNaN);
  for (const DemTile* t : grp.tiles) read_tile_into(*t, lattice_of(*t), g);
  g.cell_m = std::min(g.dx, g.dy) * crs.metres_per_unit();
  g.max_height_m = -1e9;
  g.min_height_m = 1e9;
  for (double h : g.height_m)
    if (!std::isnan(h)) g.max_height_m = std::max(g.max_height_m, h), g.min_height_m = std::min(g.min_height_m, h);
  if (g.max_height_m < g.min_height_m) throw InputError(fmt::format("{}: no heights, only no-data cells", g.source));
  try {
    g.mesh = make_crs_mesh(crs, g);
  } catch (const InputError& e) {
    throw InputError(fmt::format("{}: {}", g.source, e.what()));
  }
  return g;
}

// Where the holes of a grid are (empty without holes).
std::string holes_of(const ElevationGrid& g, const GridCrs& crs) {
  std::size_t n = 0;
  int r_lo = g.rows, r_hi = -1, c_lo = g.cols, c_hi = -1;
  for (int r = 0; r < g.rows; ++r)
    for (int c = 0; c < g.cols; ++c)
      if (std::isnan(g.height_m[static_cast<std::size_t>(r) * g.cols + c]))
        ++n, r_lo = std::min(r_lo, r), r_hi = std::max(r_hi, r), c_lo = std::min(c_lo, c), c_hi = std::max(c_hi, c);
  if (n == 0) return "";
  double lat_lo = 90, lat_hi = -90, lon_lo = 540, lon_hi = -540;
  for (int r : {r_lo, r_hi})
    for (int c : {c_lo, c_hi}) {
      double lat = 0.0, lon = 0.0;
      if (!crs.to_wgs84(g.x0 + c * g.dx, g.y0 + r * g.dy, lat, lon)) continue;
      lat_lo = std::min(lat_lo, lat), lat_hi = std::max(lat_hi, lat), lon_lo = std::min(lon_lo, lon), lon_hi = std::max(lon_hi, lon);
    }
  return fmt::format("{}: {} no-data cells ({:.3g} % of {}) within latitude {:.5f} to {:.5f}, longitude {:.5f} to {:.5f}",
                     g.source, n, 100.0 * n / g.height_m.size(), g.height_m.size(), lat_lo, lat_hi, lon_lo, lon_hi);
}

// True when some point of b's hull of cell centres (edges and a 16 x 16 interior lattice) lies in a.
bool overlaps(const ElevationGrid& a, const ElevationGrid& b, const GridCrs& b_crs) {
  constexpr int kN = 64;
  for (int i = 0; i <= kN; ++i)
    for (int j = 0; j <= kN; ++j) {
      if (i % 4 && j % 4 && i != kN && j != kN && i && j) continue;   // edges, and every 4th line inside
      double lat = 0.0, lon = 0.0, r = 0.0, c = 0.0;
      if (b_crs.to_wgs84(b.x0 + j * (b.cols - 1) * b.dx / kN, b.y0 + i * (b.rows - 1) * b.dy / kN, lat, lon) &&
          a.locate(lat, lon, r, c))
        return true;
    }
  return false;
}

}  // namespace

DemGrids read_dem_tiles(const std::vector<DemTile>& tiles, double max_cells) {
  GdalSession session;
  std::vector<Group> groups;
  for (const DemTile& t : tiles) {
    OGRSpatialReference srs;
    if (srs.importFromWkt(t.crs_wkt.c_str()) != OGRERR_NONE) throw InputError(fmt::format("{}: its CRS cannot be read", t.path));
    const Lattice l = lattice_of(t);
    auto it = std::find_if(groups.begin(), groups.end(), [&](const Group& g) { return same_lattice(g, srs, l); });
    if (it == groups.end()) {
      groups.push_back(Group{srs, t.crs_wkt, l, {}});
      it = groups.end() - 1;
    }
    it->tiles.push_back(&t);
  }
  DemGrids out;
  std::vector<std::unique_ptr<GridCrs>> crs;
  double cells_left = max_cells;
  for (const Group& grp : groups) {
    try {
      crs.push_back(std::make_unique<GridCrs>(grp.wkt));
    } catch (const InputError& e) {
      throw InputError(fmt::format("{}: {}", grp.tiles[0]->path, e.what()));
    }
    ElevationGrid g = mosaic(grp, *crs.back(), cells_left);
    for (std::size_t k = 0; k < out.grids.size(); ++k)
      if (overlaps(*out.grids[k], g, *crs.back()) || overlaps(g, *out.grids[k], *crs[k]))
        throw InputError(fmt::format("{} overlaps {}: overlapping tiles must share a CRS, a cell size and a lattice "
                                     "(reproject them onto one, e.g. with gdalwarp)", grp.tiles[0]->path, out.grids[k]->source));
    const std::string holes = holes_of(g, *crs.back());
    if (!holes.empty()) out.holes.push_back(holes);
    out.grids.push_back(std::make_shared<const ElevationGrid>(std::move(g)));
  }
  return out;
}

}  // namespace skyshield
