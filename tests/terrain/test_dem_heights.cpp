// Heights read through GDAL (kind: dem) against GDAL's own reading of the same files: at cell centres
// equal to 1e-6 m (the target), bilinear between centres, continuous across tile edges.
#include <gtest/gtest.h>

#include <cmath>

#include "raster_fixture.hpp"
#include "terrain_yaml.hpp"
#include "world/terrain.hpp"

namespace skyshield::test {
namespace {

// A bumpy field with decimals (a float32 GeoTIFF keeps them to ~1e-5 m; GDAL's value is the reference).
double bumpy(int c, int r) { return 100.0 + 3.1 * c + 7.3 * r + 20.25 * std::sin(0.7 * c) * std::cos(0.3 * r); }

// Every cell centre of a geographic raster: Terrain::height equals GDAL's pixel value to 1e-6 m.
void expect_centres_equal_gdal(const Terrain& t, const std::string& path, const RasterSpec& s, int stride = 1) {
  const GdalProbe gdal(path);
  ASSERT_TRUE(gdal.ok());
  int checked = 0;
  for (int r = 0; r < s.rows; r += stride)
    for (int c = 0; c < s.cols; c += stride) {
      const double lon = s.gt[0] + (c + 0.5) * s.gt[1], lat = s.gt[3] + (r + 0.5) * s.gt[5];
      ASSERT_NEAR(t.height(lat, lon), gdal.value(lat, lon), 1e-6) << "cell (" << c << ", " << r << ")";
      ++checked;
    }
  EXPECT_GT(checked, 100);
}

TEST(DemHeights, GeoTiffCellCentresEqualGdalsValues) {
  const std::string dir = test_dir();
  RasterSpec s;
  s.cols = 50, s.rows = 40;
  const double gt[6] = {10.0, 0.01, 0, 46.0, 0, -0.01};
  std::copy(gt, gt + 6, s.gt);
  s.height = bumpy;
  write_raster(dir + "/a.tif", s);
  const Terrain t(load_terrain_yaml(dir, "kind: dem\nfile: a.tif\n"));
  expect_centres_equal_gdal(t, dir + "/a.tif", s);
  // One cell centre by hand: column 3, row 2 from the top.
  EXPECT_NEAR(t.height(46.0 - 2.5 * 0.01, 10.0 + 3.5 * 0.01), static_cast<float>(bumpy(3, 2)), 1e-6);
}

TEST(DemHeights, BilinearBetweenCellCentres) {
  const std::string dir = test_dir();
  RasterSpec s;
  s.cols = 20, s.rows = 20;
  const double gt[6] = {-3.0, 0.02, 0, 52.0, 0, -0.02};
  std::copy(gt, gt + 6, s.gt);
  s.type = GDT_Float64;
  s.height = bumpy;
  write_raster(dir + "/b.tif", s);
  const Terrain t(load_terrain_yaml(dir, "kind: dem\nfile: b.tif\n"));
  // Points at fractions (fx, fy) of the way from centre (c, r) to centre (c+1, r+1) (r counted from the
  // top): the bilinear interpolation of the four heights, computed here by hand.
  for (const auto& [c, r, fx, fy] : {std::tuple{3, 4, 0.25, 0.5}, {10, 7, 0.9, 0.1}, {0, 0, 0.5, 0.5}, {18, 18, 0.33, 0.77}}) {
    const double lon = gt[0] + (c + 0.5 + fx) * gt[1], lat = gt[3] + (r + 0.5 + fy) * gt[5];
    const double want = (1 - fy) * ((1 - fx) * bumpy(c, r) + fx * bumpy(c + 1, r)) + fy * ((1 - fx) * bumpy(c, r + 1) + fx * bumpy(c + 1, r + 1));
    EXPECT_NEAR(t.height(lat, lon), want, 1e-6) << c << "," << r;
  }
  // Outside the hull of the cell centres: the base height (0 m by default).
  EXPECT_EQ(t.height(52.0 - 0.002, -3.0 + 0.1), 0.0);
  EXPECT_FALSE(t.covers(52.0 - 0.002, -3.0 + 0.1));
  EXPECT_TRUE(t.covers(52.0 - 0.1, -3.0 + 0.1));
}

TEST(DemHeights, DtedLevel0CellCentresEqualGdalsValues) {
  // DTED level 0: 121 x 121 posts, 30 arc-second spacing, posts on whole degrees (MIL-PRF-89020B).
  const std::string dir = test_dir();
  RasterSpec s;
  s.cols = s.rows = 121;
  const double step = 1.0 / 120.0;
  const double gt[6] = {10.0 - 0.5 * step, step, 0, 46.0 + 0.5 * step, 0, -step};
  std::copy(gt, gt + 6, s.gt);
  s.type = GDT_Int16;
  s.height = [](int c, int r) { return std::round(bumpy(c, r)); };
  write_raster(dir + "/e010n45.dt0", s, "DTED");
  const Terrain t(load_terrain_yaml(dir, "kind: dem\nfile: e010n45.dt0\n"));
  expect_centres_equal_gdal(t, dir + "/e010n45.dt0", s, 3);
  // The south-west post is at exactly (45 N, 10 E).
  EXPECT_NEAR(t.height(45.0, 10.0), std::round(bumpy(0, 120)), 1e-6);
}

TEST(DemHeights, SrtmHgtTileReads) {
  // SRTM 3 arc-second .hgt: 1201 x 1201 posts, the tile named by its south-west corner.
  const std::string dir = test_dir();
  RasterSpec s;
  s.cols = s.rows = 1201;
  const double step = 1.0 / 1200.0;
  const double gt[6] = {7.0 - 0.5 * step, step, 0, 48.0 + 0.5 * step, 0, -step};
  std::copy(gt, gt + 6, s.gt);
  s.type = GDT_Int16;
  s.height = [](int c, int r) { return static_cast<double>((c * 7 + r * 3) % 900); };
  write_raster(dir + "/N47E007.hgt", s, "SRTMHGT");
  const Terrain t(load_terrain_yaml(dir, "kind: dem\nfile: N47E007.hgt\n"));
  expect_centres_equal_gdal(t, dir + "/N47E007.hgt", s, 37);
}

TEST(DemHeights, TilesOnOneLatticeAreContinuousAcrossTheirEdge) {
  // Two GeoTIFFs side by side (no shared column). The heights are linear in the global column and row, so
  // bilinear interpolation reproduces them exactly everywhere, including in the cell between the last
  // centre of the west tile and the first of the east one (the tiles are mosaicked into one lattice).
  const std::string dir = test_dir();
  auto linear = [](int gc, int r) { return 50.0 + 5.0 * gc + 2.0 * r; };
  for (int k = 0; k < 2; ++k) {
    RasterSpec s;
    s.cols = 20, s.rows = 10;
    const double gt[6] = {20.0 + 0.2 * k, 0.01, 0, 30.0, 0, -0.01};
    std::copy(gt, gt + 6, s.gt);
    s.height = [&](int c, int r) { return linear(c + 20 * k, r); };
    write_raster(dir + "/t" + std::to_string(k) + ".tif", s);
  }
  const TerrainParams p = load_terrain_yaml(dir, "kind: dem\nfiles: [t0.tif, t1.tif]\n");
  ASSERT_EQ(p.grids.size(), 1u);
  const Terrain t(p);
  // Across the edge at 20.2 E, along a row: exact, hence continuous.
  const double lat = 30.0 - 4.5 * 0.01;   // the centre of row 4
  for (double lon = 20.18; lon <= 20.22; lon += 0.0007) {
    const double gc = (lon - 20.0) / 0.01 - 0.5;
    EXPECT_NEAR(t.height(lat, lon), linear(0, 4) + 5.0 * gc, 1e-6) << lon;
  }
  // And the edge itself from both sides.
  EXPECT_NEAR(t.height(lat, 20.2 - 1e-9), t.height(lat, 20.2 + 1e-9), 1e-5);
}

TEST(DemHeights, FolderOfTilesLoadsEveryRasterInIt) {
  const std::string dir = test_dir();
  std::filesystem::create_directories(dir + "/tiles");
  for (int k = 0; k < 2; ++k) {
    RasterSpec s;
    s.cols = 10, s.rows = 10;
    const double gt[6] = {20.0, 0.01, 0, 30.0 - 0.1 * k, 0, -0.01};
    std::copy(gt, gt + 6, s.gt);
    s.height = [&](int c, int r) { return 10.0 * k + c + r; };
    write_raster(dir + "/tiles/t" + std::to_string(k) + ".tif", s);
  }
  write_text(dir + "/tiles/readme.txt", "not a raster: skipped by extension\n");
  std::vector<std::string> files;
  const TerrainParams p = load_terrain_yaml(dir, "kind: dem\nfolder: tiles\n", &files);
  EXPECT_EQ(files.size(), 2u);
  ASSERT_EQ(p.grids.size(), 1u);
  EXPECT_EQ(p.grids[0]->rows, 20);
}

TEST(DemHeights, HolesAreReportedAndTakeTheBaseHeight) {
  const std::string dir = test_dir();
  RasterSpec s;
  s.cols = 10, s.rows = 10;
  const double gt[6] = {20.0, 0.01, 0, 30.0, 0, -0.01};
  std::copy(gt, gt + 6, s.gt);
  s.has_nodata = true;
  s.height = [](int c, int r) { return (r == 2 && c >= 4 && c <= 6) ? -9999.0 : 500.0; };
  write_raster(dir + "/h.tif", s);
  const TerrainParams p = load_terrain_yaml(dir, "kind: dem\nfile: h.tif\nbase_m: 42\n");
  ASSERT_EQ(p.holes.size(), 1u);
  EXPECT_NE(p.holes[0].find("3 no-data cells"), std::string::npos) << p.holes[0];
  // Where: row 2 from the top (latitude 29.975), columns 4 to 6 (longitudes 20.045 to 20.065).
  EXPECT_NE(p.holes[0].find("latitude 29.97500 to 29.97500, longitude 20.04500 to 20.06500"), std::string::npos) << p.holes[0];
  EXPECT_NE(p.holes[0].find("base_m = 42 m"), std::string::npos) << p.holes[0];
  const Terrain t(p);
  EXPECT_NEAR(t.height(29.975, 20.055), 42.0, 1e-9);
  EXPECT_NEAR(t.height(29.965, 20.055), 500.0, 1e-9);
  EXPECT_NEAR(t.height(29.970, 20.055), 0.5 * (42.0 + 500.0), 1e-9);   // halfway to a hole
}

TEST(DemHeights, EsriAsciiGridThroughGdalEqualsTheGridKind) {
  // The same ESRI ASCII file as `kind: grid` (our reader) and `kind: dem` (GDAL's AAIGrid driver; the
  // file has no .prj, so the CRS is given): the same heights everywhere, holes and outside included.
  const std::string dir = test_dir();
  std::filesystem::copy_file(std::string(SKYSHIELD_SOURCE_DIR) + "/tests/scenario/data/ridge_grid.asc", dir + "/ridge.asc");
  const Terrain grid(load_terrain_yaml(dir, "kind: grid\nfile: ridge.asc\nbase_m: -1\n"));
  const Terrain dem(load_terrain_yaml(dir, "kind: dem\nfile: ridge.asc\ncrs: EPSG:4326\nbase_m: -1\n"));
  int n = 0;
  for (double lat = -25.12; lat <= -24.80; lat += 0.0071)
    for (double lon = 134.9; lon <= 135.32; lon += 0.0093, ++n) ASSERT_NEAR(dem.height(lat, lon), grid.height(lat, lon), 1e-9) << lat << " " << lon;
  EXPECT_GT(n, 500);
  EXPECT_DOUBLE_EQ(dem.max_height(), grid.max_height());
  EXPECT_DOUBLE_EQ(dem.floor_height(), grid.floor_height());
}

}  // namespace
}  // namespace skyshield::test
