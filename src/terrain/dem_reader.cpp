#include "terrain/dem_reader.hpp"

#include <cpl_error.h>
#include <fmt/format.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <mutex>
#include <set>

#include "core/error.hpp"
#include "terrain/gdal_session.hpp"

namespace skyshield {

GdalSession::GdalSession() {
  static std::once_flag registered;
  std::call_once(registered, [] { GDALAllRegister(); });
  CPLPushErrorHandler(CPLQuietErrorHandler);
  CPLErrorReset();
}

GdalSession::~GdalSession() { CPLPopErrorHandler(); }

std::string last_gdal_error() {
  const char* m = CPLGetLastErrorMsg();
  return m ? m : "";
}

DemTile inspect_dem_tile(const std::string& path, const std::string& crs_if_none, double max_cells) {
  GdalSession session;
  auto fail = [&](const std::string& why) -> InputError { return InputError(fmt::format("{}: {}", path, why)); };
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
  if (!ds) {
    const std::string why = last_gdal_error();
    throw fail("GDAL cannot open it as a raster" + (why.empty() ? std::string() : " (" + why + ")"));
  }
  if (ds->GetRasterCount() < 1) throw fail("it holds no raster band");
  DemTile t;
  t.path = path;
  t.rows = ds->GetRasterYSize();
  t.cols = ds->GetRasterXSize();
  if (t.rows < 2 || t.cols < 2) throw fail(fmt::format("{} x {} cells: an elevation raster needs at least 2 x 2", t.cols, t.rows));
  if (static_cast<double>(t.rows) * t.cols > max_cells)
    throw fail(fmt::format("{} x {} = {:.0f} cells, more than the {:.0f} the terrain may hold", t.cols, t.rows,
                           static_cast<double>(t.rows) * t.cols, max_cells));
  if (ds->GetGeoTransform(t.geotransform) != CE_None) throw fail("it has no georeferencing (no geotransform)");
  const double* gt = t.geotransform;
  if (gt[2] != 0.0 || gt[4] != 0.0) throw fail("rotated or sheared rasters are not supported (geotransform terms 2 and 4 must be 0)");
  if (!(gt[1] > 0.0) || gt[5] == 0.0 || !std::isfinite(gt[0]) || !std::isfinite(gt[3]) || !std::isfinite(gt[5]))
    throw fail("its geotransform is degenerate (cell width must be > 0, cell height non-zero)");
  const OGRSpatialReference* srs = ds->GetSpatialRef();
  OGRSpatialReference given;
  if (!srs || srs->IsEmpty()) {
    if (crs_if_none.empty())
      throw fail("it has no coordinate reference system (give one beside it, e.g. a .prj file for an ASCII grid, or terrain.crs)");
    if (given.SetFromUserInput(crs_if_none.c_str()) != OGRERR_NONE)
      throw fail(fmt::format("terrain.crs '{}' is not a CRS PROJ knows", crs_if_none));
    srs = &given;
  }
  if (!srs->IsGeographic() && !srs->IsProjected())
    throw fail(fmt::format("its CRS '{}' is neither geographic nor projected", srs->GetName() ? srs->GetName() : "?"));
  char* wkt = nullptr;
  const char* options[] = {"FORMAT=WKT2", nullptr};
  srs->exportToWkt(&wkt, options);
  t.crs_wkt = wkt ? wkt : "";
  CPLFree(wkt);
  return t;
}

std::vector<std::string> dem_files_in_folder(const std::string& dir) {
  static const std::set<std::string> kExtensions{".tif", ".tiff", ".dt0", ".dt1", ".dt2", ".hgt", ".asc"};
  std::vector<std::string> files;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    std::string ext = it->path().extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (kExtensions.count(ext)) files.push_back(it->path().string());
  }
  if (ec) throw InputError(fmt::format("{}: cannot list the folder: {}", dir, ec.message()));
  if (files.empty()) throw InputError(fmt::format("{}: no elevation files in the folder (.tif .tiff .dt0 .dt1 .dt2 .hgt .asc)", dir));
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace skyshield
