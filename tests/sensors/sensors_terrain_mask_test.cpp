// Terrain masking. References: the knife-edge geometry over a 4/3 earth (Skolnik 3rd ed. sec. 8.2): behind
// a ridge of height H at ground distance d1 from an antenna at ha, a target at ground distance D is
// visible only above
//   h_min = ha + D ((H - ha) / d1 + (D - d1) / (2 k R));
// and a brute-force line-of-sight walk along each ray (sensors/terrain_mask terrain_blocks_ray).
#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <random>

#include "core/units.hpp"
#include "radar_test_support.hpp"
#include "sensors/horizon.hpp"
#include "sensors/terrain_mask.hpp"

namespace skyshield {
namespace {

// A grid with a straight north-south ridge at a given longitude: three cells at height H (a flat top
// two cells wide between their centres), flat at 0 m elsewhere.
Terrain ridge_terrain(double ridge_lon_deg, double height_m) {
  auto g = std::make_shared<ElevationGrid>();
  g->rows = 200;
  g->cols = 400;
  g->dx = g->dy = 0.005;
  g->cell_m = 0.005 * 111320.0;
  g->y0 = kSite.lat_deg - 0.5;
  g->x0 = kSite.lon_deg - 0.2;
  g->height_m.assign(g->rows * g->cols, 0.0);
  const int c = static_cast<int>(std::lround((ridge_lon_deg - g->x0) / g->dx));
  for (int r = 0; r < g->rows; ++r)
    for (int dc = -1; dc <= 1; ++dc) g->height_m[r * g->cols + c + dc] = height_m;
  g->max_height_m = height_m;
  g->min_height_m = 0.0;
  TerrainParams p;
  p.kind = TerrainParams::Kind::Grid;
  p.grids = {g};
  return Terrain(p);
}

TEST(TerrainMask, KnifeEdgeShadowHeight) {
  // Ridge 300 m high about 20 km east of an antenna at 110 m; targets 60 km east.
  const double ridge_lon = kSite.lon_deg + 0.2;
  const Terrain terrain = ridge_terrain(ridge_lon, 300.0);
  Geodetic antenna = kSite;
  antenna.alt_m = 110.0;
  const TerrainMask mask(terrain, antenna, 150e3);
  ASSERT_TRUE(mask.active());
  // The near edge of the flat top (centre of the first high cell) sets the shadow.
  const double d1 = geodesic_inverse(antenna, Geodetic{kSite.lat_deg, ridge_lon - 0.005, 0.0}).distance_m;
  const double D = 60e3, two_kr = 2.0 * 4.0 / 3.0 * kEarthMeanRadius;
  const double h_min = antenna.alt_m + D * ((300.0 - antenna.alt_m) / d1 + (D - d1) / two_kr);
  // The tabulated ridge sits at a sample within one range step of d1: the shadow edge is within the
  // change of h_min over that step.
  const double tol = D * (300.0 - antenna.alt_m) * mask.range_step_m() / (d1 * d1) + 1.0;
  EXPECT_TRUE(mask.masked(kPi / 2, D, h_min - tol - 5.0));
  EXPECT_FALSE(mask.masked(kPi / 2, D, h_min + tol + 5.0));
  // In front of the ridge nothing is masked; to the west (no ridge) nothing either.
  EXPECT_FALSE(mask.masked(kPi / 2, 15e3, 50.0));
  EXPECT_FALSE(mask.masked(3 * kPi / 2, D, 50.0));
}

TEST(TerrainMask, TableAgreesWithBruteForceRays) {
  TerrainParams hp;
  hp.kind = TerrainParams::Kind::Hills;
  hp.base_m = 0.0;
  hp.amplitude_m = 400.0;
  hp.wavelength_m = 25e3;
  const Terrain hills(hp);
  Geodetic antenna = kSite;
  antenna.alt_m = hills.height(kSite) + 20.0;
  const TerrainMask mask(hills, antenna, 200e3);
  std::mt19937_64 gen(11);
  std::uniform_real_distribution<double> az(0.0, 360.0), range(5e3, 80e3), agl(20.0, 1500.0);
  int agree = 0, n = 300;
  for (int i = 0; i < n; ++i) {
    const double a = az(gen), d = range(gen);
    Geodetic t = geodesic_direct(antenna, a, d);
    t.alt_m = hills.height(t) + agl(gen);
    const bool table = mask.masked(a * kDegToRad, d, t.alt_m);
    const bool brute = terrain_blocks_ray(hills, antenna, t, 25.0);
    agree += table == brute;
  }
  // Disagreements come only from grazing rays within a sampling step / azimuth bin of an edge.
  EXPECT_GE(agree, n * 97 / 100);
}

TEST(TerrainMask, RadarDoesNotSeeBehindTheRidge) {
  const double ridge_lon = kSite.lon_deg + 0.2;
  const Terrain terrain = ridge_terrain(ridge_lon, 300.0);
  RadarParams p = rotating();
  Radar r(0, p, kSite, Rng(8), Radar::terrain_mask_for(p, kSite, terrain));
  // 60 km east at 300 m above the ellipsoid: behind the ridge (h_min ~ 700 m). At 3 km it is seen.
  const LocalFrame& f = r.frame();
  auto east = [&](double d, double h) {
    Geodetic g = geodesic_direct(r.antenna(), 90.0, d);
    g.alt_m = h;
    return f.to_enu(ecef_from_geodetic(g));
  };
  EXPECT_EQ(sweep(r, {target(f, east(60e3, 300.0), 1e3)}, 80).opportunities, 0);
  EXPECT_EQ(sweep(r, {target(f, east(60e3, 3000.0), 1e3)}, 80).opportunities, 1);
  // Without terrain the low target is above the smooth-earth horizon and seen.
  Radar smooth(0, p, kSite, Rng(8));
  EXPECT_EQ(sweep(smooth, {target(f, east(60e3, 300.0), 1e3)}, 80).opportunities, 1);
}

}  // namespace
}  // namespace skyshield
