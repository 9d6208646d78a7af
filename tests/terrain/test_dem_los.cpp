// Line of sight over a GeoTIFF ridge read through GDAL, against the hand-computed knife-edge profile:
// over the 4/3 earth the ray from antenna (height ha) to target (ht) at ground distance D stands at
//   z(d) = ha + (ht - ha) d / D - d (D - d) / (2 k R)
// above the ellipsoid at distance d (Skolnik, Introduction to Radar Systems, 3rd ed., sec. 8.2), so a
// ridge of height H at d1 hides the target below ht* = ha + D ((H - ha) / d1 + (D - d1) / (2 k R)).
#include <gtest/gtest.h>

#include "core/units.hpp"
#include "raster_fixture.hpp"
#include "sensors/horizon.hpp"
#include "sensors/terrain_mask.hpp"
#include "terrain_yaml.hpp"
#include "world/terrain.hpp"

namespace skyshield::test {
namespace {

TEST(DemLineOfSight, KnifeEdgeRidgeMatchesTheHandComputedProfile) {
  // Flat 0 m; a north-south ridge 300 m high, three cells wide, around 35.2 E; antenna at 35.0 E.
  const std::string dir = test_dir();
  RasterSpec s;
  s.cols = 400, s.rows = 100;
  const double cell = 0.005;
  const double gt[6] = {34.9, cell, 0, 32.25, 0, -cell};
  std::copy(gt, gt + 6, s.gt);
  const int ridge_col = 60;   // centre longitude 34.9 + 60.5 * 0.005 = 35.2025
  s.height = [&](int c, int) { return std::abs(c - ridge_col) <= 1 ? 300.0 : 0.0; };
  write_raster(dir + "/ridge.tif", s);
  const Terrain t(load_terrain_yaml(dir, "kind: dem\nfile: ridge.tif\n"));
  const double lat = 32.0;
  const Geodetic antenna{lat, 35.0, 110.0};
  // The near edge of the flat top (the centre of the first high cell) sets the shadow.
  const double near_edge_lon = gt[0] + (ridge_col - 1 + 0.5) * cell;
  const double d1 = geodesic_inverse(antenna, Geodetic{lat, near_edge_lon, 0.0}).distance_m;
  const double D = 60e3, two_kr = 2.0 * 4.0 / 3.0 * kEarthMeanRadius;
  const double h_star = antenna.alt_m + D * ((300.0 - antenna.alt_m) / d1 + (D - d1) / two_kr);
  const Geodetic below = geodesic_direct(antenna, 90.0, D);
  auto at = [&](double h) { Geodetic g = below; g.alt_m = h; return g; };
  // Brute-force rays every 20 m: the ridge hides a target 15 m under h*, not one 15 m over it. (The ray
  // runs along a geodesic, which leaves the parallel by metres over 60 km: well inside a 550 m cell.)
  EXPECT_TRUE(terrain_blocks_ray(t, antenna, at(h_star - 15.0), 20.0));
  EXPECT_FALSE(terrain_blocks_ray(t, antenna, at(h_star + 15.0), 20.0));
  // The radar's mask table: within the change of h* over one range step of the sample nearest d1.
  const TerrainMask mask(t, antenna, 150e3);
  ASSERT_TRUE(mask.active());
  const double tol = D * (300.0 - antenna.alt_m) * mask.range_step_m() / (d1 * d1) + 1.0;
  EXPECT_TRUE(mask.masked(kPi / 2, D, h_star - tol - 5.0));
  EXPECT_FALSE(mask.masked(kPi / 2, D, h_star + tol + 5.0));
  EXPECT_FALSE(mask.masked(kPi / 2, 15e3, 50.0));       // in front of the ridge
  EXPECT_FALSE(mask.masked(3 * kPi / 2, D, 50.0));      // west: nothing
}

TEST(DemLineOfSight, FollowsTheGroundAcrossAProjectedRaster) {
  // A UTM raster with a single 200 m step up along a northing: a ray grazing just over the plateau's edge
  // is clear, one just under it is blocked (heights by the plane geometry above, the positions by PROJ).
  const std::string dir = test_dir();
  RasterSpec s;
  s.cols = 200, s.rows = 200;
  const double gt[6] = {480000.0, 100.0, 0, 4440000.0, 0, -100.0};
  std::copy(gt, gt + 6, s.gt);
  s.crs = "EPSG:32636";
  s.height = [](int, int r) { return r < 100 ? 200.0 : 0.0; };   // the north half (rows from the top) is high
  write_raster(dir + "/step.tif", s);
  const Terrain t(load_terrain_yaml(dir, "kind: dem\nfile: step.tif\n"));
  // Antenna in the south half, looking due north over the step to a target on the plateau's far side.
  OGRSpatialReference utm, wgs;
  utm.SetFromUserInput("EPSG:32636");
  wgs.SetWellKnownGeogCS("WGS84");
  utm.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  wgs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  std::unique_ptr<OGRCoordinateTransformation> inv(OGRCreateCoordinateTransformation(&utm, &wgs));
  double lon = 490050.0, lat = 4424000.0;   // 5 km south of the step (the step runs from y 4429950 to 4430050)
  ASSERT_TRUE(inv->Transform(1, &lon, &lat));
  EXPECT_NEAR(t.height(lat, lon), 0.0, 1e-9);
  const Geodetic antenna{lat, lon, 20.0};
  // Target 1 km beyond the top of the step (the centre of the first high row, y 4430050, placed by PROJ):
  // the ray from 20 m must clear 200 m there, ht* = 20 + D ((200 - 20) / d1 + (D - d1) / (2 k R)).
  double top_lon = 490050.0, top_lat = 4430050.0;
  ASSERT_TRUE(inv->Transform(1, &top_lon, &top_lat));
  const double d1 = geodesic_inverse(antenna, Geodetic{top_lat, top_lon, 0.0}).distance_m;
  const double D = d1 + 1000.0, two_kr = 2.0 * 4.0 / 3.0 * kEarthMeanRadius;
  const double h_star = 20.0 + D * ((200.0 - 20.0) / d1 + (D - d1) / two_kr);
  Geodetic target = geodesic_direct(antenna, 0.0, D);
  target.alt_m = h_star + 5.0;
  EXPECT_FALSE(terrain_blocks_ray(t, antenna, target, 10.0));
  target.alt_m = h_star - 5.0;
  EXPECT_TRUE(terrain_blocks_ray(t, antenna, target, 10.0));
}

}  // namespace
}  // namespace skyshield::test
