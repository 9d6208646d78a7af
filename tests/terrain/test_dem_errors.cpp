// Bad elevation input is refused with the scenario file, line and field, and the reason: never a crash,
// never a silent default.
#include <gtest/gtest.h>

#include "raster_fixture.hpp"
#include "scenario/loader.hpp"
#include "terrain_yaml.hpp"

namespace skyshield::test {
namespace {

RasterSpec small_geographic(double west, double north) {
  RasterSpec s;
  s.cols = 10, s.rows = 10;
  const double gt[6] = {west, 0.01, 0, north, 0, -0.01};
  std::copy(gt, gt + 6, s.gt);
  s.height = [](int c, int r) { return 100.0 + c + r; };
  return s;
}

TEST(DemErrors, MissingTileNamesTheLineOfTheList) {
  const std::string dir = test_dir();
  write_raster(dir + "/a.tif", small_geographic(10.0, 46.0));
  const std::string err = terrain_error(dir, "kind: dem\nfiles:\n  - a.tif\n  - missing.tif\n");
  EXPECT_EQ(err.rfind(dir + "/terrain.yaml:4:", 0), 0u) << err;
  EXPECT_NE(err.find("files[1]"), std::string::npos) << err;
  EXPECT_NE(err.find("missing.tif"), std::string::npos) << err;
}

TEST(DemErrors, RasterWithoutCrsIsRefused) {
  const std::string dir = test_dir();
  RasterSpec s = small_geographic(10.0, 46.0);
  s.crs = "";
  write_raster(dir + "/nocrs.tif", s);
  const std::string err = terrain_error(dir, "kind: dem\nfile: nocrs.tif\n");
  EXPECT_EQ(err.rfind(dir + "/terrain.yaml:2:", 0), 0u) << err;
  EXPECT_NE(err.find("nocrs.tif: it has no coordinate reference system"), std::string::npos) << err;
  // Given in the scenario, it loads.
  EXPECT_EQ(terrain_error(dir, "kind: dem\nfile: nocrs.tif\ncrs: EPSG:4326\n"), "");
  EXPECT_NE(terrain_error(dir, "kind: dem\nfile: nocrs.tif\ncrs: EPSG:999999\n").find("is not a CRS PROJ knows"), std::string::npos);
}

TEST(DemErrors, FileGdalCannotOpenIsRefused) {
  const std::string dir = test_dir();
  write_text(dir + "/junk.tif", "this is not a GeoTIFF\n");
  const std::string err = terrain_error(dir, "kind: dem\nfile: junk.tif\n");
  EXPECT_EQ(err.rfind(dir + "/terrain.yaml:2:", 0), 0u) << err;
  EXPECT_NE(err.find("junk.tif: GDAL cannot open it as a raster"), std::string::npos) << err;
}

TEST(DemErrors, OverlappingTilesInDifferentCrsAreRefused) {
  // A UTM 32 N tile (about 11.55 to 11.92 E, 45.12 to 45.39 N) and a geographic tile over part of it.
  const std::string dir = test_dir();
  RasterSpec utm;
  utm.cols = utm.rows = 300;
  const double gt[6] = {700000.0, 100.0, 0, 5030000.0, 0, -100.0};
  std::copy(gt, gt + 6, utm.gt);
  utm.crs = "EPSG:32632";
  utm.height = [](int, int) { return 10.0; };
  write_raster(dir + "/utm.tif", utm);
  write_raster(dir + "/geo.tif", small_geographic(11.7, 45.3));
  const std::string err = terrain_error(dir, "kind: dem\nfiles: [utm.tif, geo.tif]\n");
  EXPECT_EQ(err.rfind(dir + "/terrain.yaml:1:", 0), 0u) << err;
  EXPECT_NE(err.find("geo.tif overlaps " + dir + "/utm.tif"), std::string::npos) << err;
}

TEST(DemErrors, EmptyFolderAndWrongKeysAreRefused) {
  const std::string dir = test_dir();
  std::filesystem::create_directories(dir + "/empty");
  EXPECT_NE(terrain_error(dir, "kind: dem\nfolder: empty\n").find("no elevation files in the folder"), std::string::npos);
  EXPECT_NE(terrain_error(dir, "kind: dem\n").find("exactly one of file, files or folder"), std::string::npos);
  EXPECT_NE(terrain_error(dir, "kind: grid\nfile: a.asc\ncrs: EPSG:4326\n").find("only for kind: dem"), std::string::npos);
  EXPECT_NE(terrain_error(dir, "kind: flat\nfolder: empty\n").find("only for kind: dem"), std::string::npos);
}

TEST(DemErrors, HeightsOutOfRangeNameThePixel) {
  const std::string dir = test_dir();
  RasterSpec s = small_geographic(10.0, 46.0);
  s.height = [](int c, int r) { return c == 3 && r == 5 ? -32768.0 : 10.0; };   // an undeclared SRTM void
  write_raster(dir + "/void.tif", s);
  const std::string err = terrain_error(dir, "kind: dem\nfile: void.tif\n");
  EXPECT_NE(err.find("void.tif: height -32768 m at pixel (column 3, row 5) is outside [-500, 9000] m"), std::string::npos) << err;
}

// The loader's minimal scenario with the terrain line and the surveillance radar's position given.
std::string site_error(const std::string& dir, const std::string& terrain, const std::string& radar_position) {
  const std::string lib = std::string(SKYSHIELD_SOURCE_DIR) + "/scenarios/library/";
  write_text(dir + "/scenario.yaml",
             "scenario:\n  name: sites\nlibrary: [" + lib + "interceptors.yaml, " + lib + "radars.yaml, " + lib + "threats.yaml]\n"
             "simulation: {step_s: 0.05, duration_s: 600.0, seed: 7}\n"
             "terrain: " + terrain + "\n"
             "assets:\n  - {name: base, position: {lat: -25.0, lon: 135.0, agl: 0.0}, value: 5.0}\n"
             "battalions:\n"
             "  - name: bn\n"
             "    position: {from: base, bearing_deg: 0.0, range_km: 5.0, agl: 0.0}\n"
             "    radars:\n"
             "      - {name: er, type: engagement_x_band, position: " + radar_position + "}\n"
             "    engagement_radar: er\n"
             "    launchers:\n"
             "      - {name: L1, class: medium_range, tubes: 4, position: {from: base, bearing_deg: 90.0, range_km: 1.0, agl: 0.0}}\n"
             "threats:\n"
             "  - {name: jet, type: strike_fighter, target: base, route: [{from: base, bearing_deg: 0.0, range_km: 150.0, alt: 5000.0}, {from: base, bearing_deg: 0.0, range_km: 20.0, alt: 5000.0}]}\n");
  try {
    load_scenario(dir + "/scenario.yaml");
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(DemErrors, RadarUnderTheGroundIsRefused) {
  // Hills between 100 m and 500 m: a radar given alt 100 m stands inside a hill almost everywhere and its
  // mask would hide every target (it loaded silently before). agl: 0 stands it on the ground.
  const std::string dir = test_dir();
  const std::string hills = "{kind: hills, base_m: 100.0, amplitude_m: 400.0, wavelength_km: 25.0}";
  const std::string err = site_error(dir, hills, "{from: bn, bearing_deg: 180.0, range_km: 0.5, alt: 100.0}");
  EXPECT_EQ(err.rfind(dir + "/scenario.yaml:12:", 0), 0u) << err;
  EXPECT_NE(err.find("radars[0].position: alt 100 m is under the ground ("), std::string::npos) << err;
  EXPECT_EQ(site_error(dir, hills, "{from: bn, bearing_deg: 180.0, range_km: 0.5, agl: 0.0}"), "");
  EXPECT_EQ(site_error(dir, hills, "{from: bn, bearing_deg: 180.0, range_km: 0.5, alt: 600.0}"), "");
}

TEST(DemErrors, RadarOrBattalionSiteOutsideTheDataIsRefused) {
  // The loader's minimal scenario (base at 25 S, 135 E) on a tile that covers the base but not the radar
  // 5.5 km north of it.
  const std::string dir = test_dir();
  RasterSpec s;
  s.cols = s.rows = 20;
  const double gt[6] = {134.9, 0.01, 0, -24.97, 0, -0.01};   // 24.97 S to 25.17 S: the command post (24.955 S) is outside
  std::copy(gt, gt + 6, s.gt);
  s.height = [](int, int) { return 100.0; };
  write_raster(dir + "/site.tif", s);
  const std::string lib = std::string(SKYSHIELD_SOURCE_DIR) + "/scenarios/library/";
  write_text(dir + "/scenario.yaml",
             "scenario:\n  name: outside\nlibrary: [" + lib + "interceptors.yaml, " + lib + "radars.yaml, " + lib + "threats.yaml]\n"
             "simulation: {step_s: 0.05, duration_s: 600.0, seed: 7}\n"
             "terrain: {kind: dem, file: site.tif}\n"
             "assets:\n  - {name: base, position: {lat: -25.0, lon: 135.0, alt: 100.0}, value: 5.0}\n"
             "battalions:\n"
             "  - name: bn\n"
             "    position: {from: base, bearing_deg: 0.0, range_km: 5.0, alt: 100.0}\n"
             "    radars:\n"
             "      - {name: sr, type: surveillance_s_band, position: {from: bn, bearing_deg: 180.0, range_km: 0.5, alt: 100.0}}\n"
             "    engagement_radar: sr\n"
             "    launchers:\n"
             "      - {name: L1, class: medium_range, tubes: 4, position: {from: base, bearing_deg: 90.0, range_km: 1.0, alt: 100.0}}\n"
             "threats:\n"
             "  - {name: jet, type: strike_fighter, target: base, route: [{from: base, bearing_deg: 0.0, range_km: 150.0, alt: 5000.0}, {from: base, bearing_deg: 0.0, range_km: 20.0, alt: 5000.0}]}\n");
  std::string err;
  try {
    load_scenario(dir + "/scenario.yaml");
  } catch (const InputError& e) {
    err = e.what();
  }
  EXPECT_EQ(err.rfind(dir + "/scenario.yaml:10:", 0), 0u) << err;
  EXPECT_NE(err.find("battalions[0].position: site (lat -24.95"), std::string::npos) << err;
  EXPECT_NE(err.find("is outside the terrain's elevation data"), std::string::npos) << err;
}

}  // namespace
}  // namespace skyshield::test
