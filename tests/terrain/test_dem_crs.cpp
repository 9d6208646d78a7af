// A projected raster (UTM): the WGS 84 -> grid mapping tabulated at load (CrsMesh) against PROJ's own
// transform (OGRCoordinateTransformation), and heights against GDAL's reading of the file.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "raster_fixture.hpp"
#include "terrain_yaml.hpp"
#include "world/terrain.hpp"

namespace skyshield::test {
namespace {

// UTM zone 33 N (central meridian 15 E), 30 km x 30 km at 100 m, near 45 N. Heights linear in easting
// and northing: bilinear interpolation reproduces them exactly, so any error is the position's.
constexpr double kE0 = 500000.0, kN0 = 5030000.0, kCell = 100.0;
// (e0: the raster's west edge.)
double plane(double x, double y, double e0) { return 200.0 + 0.01 * (x - e0) + 0.02 * (kN0 - y); }

RasterSpec utm_spec(const std::string& epsg, double e0) {
  RasterSpec s;
  s.cols = s.rows = 300;
  const double gt[6] = {e0, kCell, 0, kN0, 0, -kCell};
  std::copy(gt, gt + 6, s.gt);
  s.crs = epsg;
  s.type = GDT_Float64;
  s.height = [e0](int c, int r) { return plane(e0 + (c + 0.5) * kCell, kN0 - (r + 0.5) * kCell, e0); };
  return s;
}

TEST(DemCrs, UtmMeshAgreesWithProjToAMillimetre) {
  const std::string dir = test_dir();
  // Far from the central meridian (easting 200 km, ~3.8 degrees west of it), where the projection bends most.
  const RasterSpec s = utm_spec("EPSG:32633", 200000.0);
  write_raster(dir + "/utm.tif", s);
  const TerrainParams p = load_terrain_yaml(dir, "kind: dem\nfile: utm.tif\n");
  ASSERT_EQ(p.grids.size(), 1u);
  const ElevationGrid& g = *p.grids[0];
  ASSERT_TRUE(g.mesh);
  const GdalProbe gdal(dir + "/utm.tif");
  ASSERT_TRUE(gdal.ok());
  // A 40 x 40 lattice of points over the raster (from PROJ's inverse of grid points), off the mesh nodes.
  double worst = 0.0;
  for (int i = 0; i < 40; ++i)
    for (int j = 0; j < 40; ++j) {
      const double x = 200000.0 + 300.0 + j * 737.3, y = kN0 - 300.0 - i * 731.1;
      double lat = 0.0, lon = 0.0;
      {
        OGRSpatialReference utm, wgs;
        utm.SetFromUserInput("EPSG:32633");
        wgs.SetWellKnownGeogCS("WGS84");
        utm.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        wgs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        std::unique_ptr<OGRCoordinateTransformation> inv(OGRCreateCoordinateTransformation(&utm, &wgs));
        lon = x, lat = y;
        ASSERT_TRUE(inv->Transform(1, &lon, &lat));
      }
      double px = 0.0, py = 0.0, mx = 0.0, my = 0.0;
      gdal.project(lat, lon, px, py);   // PROJ, forward
      ASSERT_TRUE(g.mesh->map(lat, lon, mx, my));
      worst = std::max(worst, std::hypot(mx - px, my - py));
      // The height: the plane at PROJ's position, to the mesh error times the slope (0.022) and rounding.
      EXPECT_NEAR(Terrain(p).height(lat, lon), plane(px, py, 200000.0), 1e-4) << lat << " " << lon;
    }
  std::printf("CrsMesh vs PROJ, UTM 33N 3.8 deg off the central meridian: worst %.3g m\n", worst);
  EXPECT_LT(worst, 2e-3);   // docs/terrain.md quotes this figure
}

TEST(DemCrs, UtmCellCentresEqualGdalsValues) {
  // At cell centres (placed by PROJ's inverse), heights equal GDAL's pixel values to the slope times the
  // mesh error (0.022 x 2 mm); a nonlinear field checks the lattice orientation (north-up rows, columns east).
  const std::string dir = test_dir();
  RasterSpec s = utm_spec("EPSG:32633", kE0);
  s.height = [](int c, int r) { return 300.0 + 0.5 * c - 0.2 * r + 10.0 * std::sin(0.05 * c * r); };
  write_raster(dir + "/utm.tif", s);
  const Terrain t(load_terrain_yaml(dir, "kind: dem\nfile: utm.tif\n"));
  const GdalProbe gdal(dir + "/utm.tif");
  OGRSpatialReference utm, wgs;
  utm.SetFromUserInput("EPSG:32633");
  wgs.SetWellKnownGeogCS("WGS84");
  utm.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  wgs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  std::unique_ptr<OGRCoordinateTransformation> inv(OGRCreateCoordinateTransformation(&utm, &wgs));
  // (From the second row and column: the outermost centres lie on the hull's edge, which the mesh places
  // to its ~1 mm, so a point there may fall just outside the data.)
  for (int r = 1; r < s.rows; r += 13)
    for (int c = 1; c < s.cols; c += 11) {
      double lon = kE0 + (c + 0.5) * kCell, lat = kN0 - (r + 0.5) * kCell;
      ASSERT_TRUE(inv->Transform(1, &lon, &lat));
      // Slope up to ~0.15 m per metre in this field: 2 mm of position is 0.3 mm of height.
      ASSERT_NEAR(t.height(lat, lon), gdal.value(lat, lon), 1e-3) << c << " " << r;
      ASSERT_NEAR(gdal.value(lat, lon), s.height(c, r), 1e-9);
    }
}

TEST(DemCrs, GeographicWgs84NeedsNoMesh) {
  const std::string dir = test_dir();
  RasterSpec s;
  s.height = [](int c, int r) { return c + r; };
  const double gt[6] = {10.0, 0.01, 0, 46.0, 0, -0.01};
  std::copy(gt, gt + 6, s.gt);
  write_raster(dir + "/g.tif", s);
  const TerrainParams p = load_terrain_yaml(dir, "kind: dem\nfile: g.tif\n");
  ASSERT_EQ(p.grids.size(), 1u);
  EXPECT_FALSE(p.grids[0]->mesh);   // the fast path: latitude and longitude index the lattice directly
}

TEST(DemCrs, TwoUtmZonesSideBySideAreSeparateGridsThatDoNotOverlap) {
  // Zone 32 N east edge and zone 33 N west edge tiles that do not overlap: two grids, both answer.
  const std::string dir = test_dir();
  write_raster(dir + "/z33.tif", utm_spec("EPSG:32633", 300000.0));
  RasterSpec w = utm_spec("EPSG:32632", 700000.0);
  write_raster(dir + "/z32.tif", w);
  const TerrainParams p = load_terrain_yaml(dir, "kind: dem\nfiles: [z32.tif, z33.tif]\n");
  EXPECT_EQ(p.grids.size(), 2u);
}

}  // namespace
}  // namespace skyshield::test
