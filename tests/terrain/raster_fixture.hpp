#pragma once
// Small rasters made with GDAL itself for the terrain tests (no downloads): a MEM dataset with the
// given geotransform, CRS and heights, copied to GeoTIFF, DTED, ESRI ASCII, ... by the named driver;
// and GDAL's own reading of one pixel (what `gdallocationinfo -valonly -wgs84 FILE LON LAT` prints).
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogr_spatialref.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <string>

namespace skyshield::test {

// A fresh folder per test (tests run as separate processes, in parallel).
inline std::string test_dir() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  const auto dir = std::filesystem::temp_directory_path() /
                   (std::string("skyshield_terrain_") + info->test_suite_name() + "_" + info->name() + "_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

struct RasterSpec {
  int cols = 4, rows = 3;
  double gt[6] = {0, 1, 0, 0, 0, -1};  // GDAL geotransform (corner of pixel (0, 0), steps)
  std::string crs = "EPSG:4326";       // "" for none
  GDALDataType type = GDT_Float32;
  std::function<double(int col, int row)> height;   // row 0 the top (north) row, as GDAL stores it
  bool has_nodata = false;
  double nodata = -9999.0;
};

// Writes the raster with `driver` (GTiff, DTED, AAIGrid, SRTMHGT, ...) to `path`.
inline void write_raster(const std::string& path, const RasterSpec& s, const char* driver = "GTiff") {
  GDALAllRegister();
  GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
  GDALDatasetUniquePtr ds(mem->Create("", s.cols, s.rows, 1, s.type, nullptr));
  double gt[6];
  std::copy(s.gt, s.gt + 6, gt);
  ds->SetGeoTransform(gt);
  if (!s.crs.empty()) {
    OGRSpatialReference srs;
    srs.SetFromUserInput(s.crs.c_str());
    ds->SetSpatialRef(&srs);
  }
  std::vector<double> v(static_cast<std::size_t>(s.cols) * s.rows);
  for (int r = 0; r < s.rows; ++r)
    for (int c = 0; c < s.cols; ++c) v[static_cast<std::size_t>(r) * s.cols + c] = s.height(c, r);
  GDALRasterBand* b = ds->GetRasterBand(1);
  if (s.has_nodata) b->SetNoDataValue(s.nodata);
  ASSERT_EQ(b->RasterIO(GF_Write, 0, 0, s.cols, s.rows, v.data(), s.cols, s.rows, GDT_Float64, 0, 0), CE_None);
  GDALDriver* out = GetGDALDriverManager()->GetDriverByName(driver);
  ASSERT_NE(out, nullptr) << driver;
  GDALDatasetUniquePtr copy(out->CreateCopy(path.c_str(), ds.get(), TRUE, nullptr, nullptr, nullptr));
  ASSERT_NE(copy, nullptr) << CPLGetLastErrorMsg();
}

// GDAL's value of the pixel holding WGS 84 (lat, lon) in a file, found as gdallocationinfo -wgs84 finds
// it: the point transformed to the raster's CRS by OGR (PROJ), then the pixel by the inverse geotransform.
class GdalProbe {
 public:
  explicit GdalProbe(const std::string& path) : ds_(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY)) {
    if (!ds_) return;
    wgs_.SetWellKnownGeogCS("WGS84");
    wgs_.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    srs_ = *ds_->GetSpatialRef();
    srs_.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    ct_.reset(OGRCreateCoordinateTransformation(&wgs_, &srs_));
    double gt[6];
    ds_->GetGeoTransform(gt);
    if (!GDALInvGeoTransform(gt, inv_)) ds_.reset();
  }
  bool ok() const { return ds_ && ct_; }
  // The raster CRS coordinates of (lat, lon).
  void project(double lat_deg, double lon_deg, double& x, double& y) const {
    x = lon_deg, y = lat_deg;
    if (!ct_->Transform(1, &x, &y)) x = y = NAN;
  }
  double value(double lat_deg, double lon_deg) const {
    double x = 0.0, y = 0.0;
    project(lat_deg, lon_deg, x, y);
    const int px = static_cast<int>(std::floor(inv_[0] + inv_[1] * x + inv_[2] * y));
    const int py = static_cast<int>(std::floor(inv_[3] + inv_[4] * x + inv_[5] * y));
    double v = NAN;
    if (ds_->GetRasterBand(1)->RasterIO(GF_Read, px, py, 1, 1, &v, 1, 1, GDT_Float64, 0, 0) != CE_None) return NAN;
    return v;
  }

 private:
  GDALDatasetUniquePtr ds_;
  OGRSpatialReference wgs_, srs_;
  std::unique_ptr<OGRCoordinateTransformation> ct_;
  double inv_[6] = {};
};

inline void write_text(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

}  // namespace skyshield::test
