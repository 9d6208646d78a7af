// Files of skyshield siting: the GeoTIFF read back with GDAL's own C API equals the map in memory
// (size, georeference, EPSG:4326, every pixel of every band); the candidate-site file's errors name the
// file, the line and the field; a battalion moved to a candidate keeps its layout (distances and
// bearings from the command post, heights above the ground).
#include <gtest/gtest.h>
#include <gdal.h>
#include <ogr_srs_api.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "analysis/siting_raster.hpp"
#include "analysis/siting_sites.hpp"
#include "analysis/siting_study.hpp"
#include "core/error.hpp"
#include "scenario/loader.hpp"

namespace skyshield {
namespace {

const std::string kData = std::string(SKYSHIELD_SOURCE_DIR) + "/tests/analysis/data";
const std::string kValley = std::string(SKYSHIELD_SOURCE_DIR) + "/scenarios/siting_valley.yaml";

TEST(SitingFiles, GeoTiffReadBackWithGdalEqualsTheMap) {
  const Scenario s = load_scenario(kValley);
  const Terrain terrain(s.terrain);
  const AreaGrid area = make_area_grid(-25.1, -24.8, 134.8, 135.1, 90);
  const std::vector<float> ground = area_ground(terrain, area);
  const RadarSite& r = s.battalions[0].radars[1];
  const RadarViewshed v(terrain, s.radar_types[r.type_index], r.site, TargetSpec{}, area);
  // Three bands: GDAL's GTiff driver would call three Byte bands an RGB picture unless told otherwise.
  RasterBands bands{area, {"30 m", "100 m", "500 m"}, coverage_layers(v, area, ground, {30.0, 100.0, 500.0})};
  const std::string path = (std::filesystem::temp_directory_path() / "skyshield_siting_test.tif").string();
  write_geotiff(path, bands);

  GDALAllRegister();
  GDALDatasetH ds = GDALOpen(path.c_str(), GA_ReadOnly);
  ASSERT_NE(ds, nullptr);
  EXPECT_STREQ(GDALGetDriverShortName(GDALGetDatasetDriver(ds)), "GTiff");
  ASSERT_EQ(GDALGetRasterXSize(ds), area.cols);
  ASSERT_EQ(GDALGetRasterYSize(ds), area.rows);
  ASSERT_EQ(GDALGetRasterCount(ds), 3);
  double gt[6];
  ASSERT_EQ(GDALGetGeoTransform(ds, gt), CE_None);
  EXPECT_DOUBLE_EQ(gt[0], area.west_lon_deg);
  EXPECT_DOUBLE_EQ(gt[1], area.dlon_deg);
  EXPECT_DOUBLE_EQ(gt[3], area.north_lat_deg);
  EXPECT_DOUBLE_EQ(gt[5], -area.dlat_deg);
  OGRSpatialReferenceH srs = GDALGetSpatialRef(ds);
  ASSERT_NE(srs, nullptr);
  EXPECT_STREQ(OSRGetAuthorityCode(srs, nullptr), "4326");
  long long seen = 0;
  for (int b = 0; b < 3; ++b) {
    GDALRasterBandH band = GDALGetRasterBand(ds, b + 1);
    EXPECT_EQ(GDALGetRasterDataType(band), GDT_Byte);
    EXPECT_NE(GDALGetRasterColorInterpretation(band), GCI_RedBand);   // values, not a picture
    EXPECT_EQ(std::string(GDALGetDescription(band)), bands.names[b]);
    std::vector<unsigned char> px(static_cast<std::size_t>(area.rows) * area.cols);
    ASSERT_EQ(GDALRasterIO(band, GF_Read, 0, 0, area.cols, area.rows, px.data(), area.cols, area.rows, GDT_Byte, 0, 0), CE_None);
    EXPECT_EQ(px, bands.bands[b]);
    for (unsigned char c : px) seen += c;
  }
  EXPECT_GT(seen, 0);   // a map with something on it
  // The pixel at a known point holds what the radar sees there (GDAL's own lookup by geotransform).
  const double lat = -24.95, lon = 134.99;
  const int col = static_cast<int>((lon - gt[0]) / gt[1]), row = static_cast<int>((lat - gt[3]) / gt[5]);
  unsigned char px = 0;
  ASSERT_EQ(GDALRasterIO(GDALGetRasterBand(ds, 3), GF_Read, col, row, 1, 1, &px, 1, 1, GDT_Byte, 0, 0), CE_None);
  const std::size_t k = static_cast<std::size_t>(row) * area.cols + col;
  EXPECT_EQ(px, v.sees(area.lat(row), area.lon(col), ground[k] + 500.0) ? 1 : 0);
  GDALClose(ds);
  // And the module's own reader agrees.
  const RasterBands back = read_geotiff(path);
  EXPECT_EQ(back.bands, bands.bands);
  EXPECT_EQ(back.names, bands.names);
  std::filesystem::remove(path);
}

TEST(SitingFiles, PngIsWrittenByGdal) {
  const AreaGrid area = make_area_grid(-25.1, -24.9, 134.9, 135.1, 60);
  std::vector<float> ground(static_cast<std::size_t>(area.rows) * area.cols, 100.0f);
  std::vector<unsigned char> count(ground.size(), 1);
  double bar = 0.0;
  const std::vector<unsigned char> rgb = render_map(area, ground, count, {{"r", -25.0, 135.0, true}}, bar);
  // The scale bar: a round length (1, 2 or 5 x 10^k m) at most a fifth of the width.
  const double width = area.cols * area.cell_m();
  EXPECT_LE(bar, width / 5.0);
  EXPECT_GT(bar, width / 5.0 / 2.5 - 1e-9);
  const std::string path = (std::filesystem::temp_directory_path() / "skyshield_siting_test.png").string();
  write_png(path, rgb, area.rows, area.cols);
  GDALAllRegister();
  GDALDatasetH ds = GDALOpen(path.c_str(), GA_ReadOnly);
  ASSERT_NE(ds, nullptr);
  EXPECT_STREQ(GDALGetDriverShortName(GDALGetDatasetDriver(ds)), "PNG");
  EXPECT_EQ(GDALGetRasterCount(ds), 3);
  EXPECT_EQ(GDALGetRasterXSize(ds), area.cols);
  GDALClose(ds);
  std::filesystem::remove(path);
}

std::string error_of(const std::string& path, const Terrain& t) {
  try {
    load_candidates(path, t);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(SitingFiles, CandidateErrorsNameFileLineAndField) {
  const Scenario s = load_scenario(kValley);
  const Terrain terrain(s.terrain);
  const std::string missing = error_of(kData + "/siting_candidates_missing_lon.yaml", terrain);
  EXPECT_NE(missing.find("siting_candidates_missing_lon.yaml:4:"), std::string::npos) << missing;
  EXPECT_NE(missing.find("lon"), std::string::npos) << missing;
  const std::string outside = error_of(kData + "/siting_candidates_outside.yaml", terrain);
  EXPECT_NE(outside.find("siting_candidates_outside.yaml:4:"), std::string::npos) << outside;
  EXPECT_NE(outside.find("outside the terrain data"), std::string::npos) << outside;
  // The shipped candidates load.
  EXPECT_EQ(load_candidates(std::string(SKYSHIELD_SOURCE_DIR) + "/scenarios/siting_valley/candidates.yaml", terrain).size(), 12u);
}

TEST(SitingFiles, MovedBattalionKeepsItsLayout) {
  const Scenario s = load_scenario(kValley);
  const Terrain ground(s.terrain);
  const std::vector<CandidateSite> sites{{"west-crest", -24.85, 134.8735}};
  const Scenario moved = relocate_battalions(s, {0}, sites);
  const BattalionSpec &a = s.battalions[0], &b = moved.battalions[0];
  EXPECT_NEAR(b.command_post.lat_deg, -24.85, 1e-12);
  EXPECT_NEAR(b.command_post.alt_m - ground.height(b.command_post), a.command_post.alt_m - ground.height(a.command_post), 1e-6);
  for (std::size_t r = 0; r < a.radars.size(); ++r) {
    const GeodesicResult before = geodesic_inverse(a.command_post, a.radars[r].site), after = geodesic_inverse(b.command_post, b.radars[r].site);
    EXPECT_NEAR(after.distance_m, before.distance_m, 1e-3);
    EXPECT_NEAR(after.azimuth_deg, before.azimuth_deg, 1e-6);
    EXPECT_NEAR(b.radars[r].site.alt_m - ground.height(b.radars[r].site), a.radars[r].site.alt_m - ground.height(a.radars[r].site), 1e-6);
    EXPECT_NE(b.radars[r].mask, a.radars[r].mask);   // rebuilt for the new site
  }
  for (std::size_t l = 0; l < a.launchers.size(); ++l)
    EXPECT_NEAR(geodesic_inverse(b.command_post, b.launchers[l].site).distance_m,
                geodesic_inverse(a.command_post, a.launchers[l].site).distance_m, 1e-3);
}

TEST(SitingFiles, CorridorsAndPlacementProblemOfAScenario) {
  // tests/scenario/data/minimal.yaml: the jet starts 150 km from the base on bearing 0, the SRBM is
  // launched 200 km out on bearing 5. With 30.5 deg half-widths (clear of the radials at exactly 30 deg,
  // where rounding decides) the corridor is bearings -30.5 to 35.5: at 1 deg spacing 30 radials (330..359)
  // + 36 (0..35) = 66 (by hand).
  const Scenario s = load_scenario(std::string(SKYSHIELD_SOURCE_DIR) + "/tests/scenario/data/minimal.yaml");
  const std::vector<char> c = corridor_radials(s, 0, 360, 30.5);
  EXPECT_EQ(std::count(c.begin(), c.end(), 1), 66);
  EXPECT_TRUE(c[330] && c[0] && c[35]);
  EXPECT_FALSE(c[329] || c[36] || c[180]);
  // Over the flat ground, two candidate sites: 2 km from the base (its radars see every corridor radial
  // out past the required 14.7 km at 30 m: the horizon of a 30 m target and a 10-30 m antenna is over
  // 35 km), and 300 km away (sees none). The objective is the value-weighted share: 1 and 0.
  const Terrain ground(s.terrain);
  const Geodetic base = s.assets[0].site;
  const Geodetic near = geodesic_direct(base, 90.0, 2e3), far = geodesic_direct(base, 90.0, 300e3);
  const std::vector<CandidateSite> sites{{"near", near.lat_deg, near.lon_deg}, {"far", far.lat_deg, far.lon_deg}};
  ApproachSettings approach;
  approach.radials = 360;
  approach.length_m = 20e3;
  const AreaGrid area = make_area_grid(base.lat_deg - 3.0, base.lat_deg + 3.0, base.lon_deg - 3.5, base.lon_deg + 3.5, 100);
  const std::vector<ApproachRadials> rad{approach_radials(ground, base, approach)};
  const PlacementProblem p = build_placement(s, ground, area, sites, rad, {0}, {c}, TargetSpec{}, approach, 30.0);
  ASSERT_EQ(p.units, 1);
  ASSERT_EQ(p.sites, 2);
  EXPECT_NEAR(placement_value(p, {0}), 1.0, 1e-12);
  EXPECT_NEAR(placement_value(p, {1}), 0.0, 1e-12);
  EXPECT_EQ(place_exact(p).site_of_unit, std::vector<int>{0});
}

}  // namespace
}  // namespace skyshield
