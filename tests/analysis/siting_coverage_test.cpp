// Coverage maps of skyshield siting (analysis/siting_coverage.hpp) against independent references:
//  - over flat ground, the 4/3-earth radar horizon d = 4.12 (sqrt(ha) + sqrt(ht)) km, heights in metres
//    (Skolnik, Introduction to Radar Systems, 3rd ed., sec. 8.2, eq. 8.4 with k = 4/3: sqrt(2 k R) =
//    4.12 km per sqrt(m) for R = 6371 km);
//  - behind one straight ridge, the shadow of the tangent ray over its crest on the 4/3 earth:
//    h_min(x) = ha + x u + x^2 / (2 k R), u = (H - ha) / D - D / (2 k R) (the same small-angle geometry,
//    worked by hand for a crest of height H at ground distance D);
//  - cell by cell, the brute-force line-of-sight ray of sensors/terrain_mask (terrain_blocks_ray);
//  - the interpolated distances and azimuths against GeographicLib's exact geodesic.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <memory>

#include "analysis/siting_coverage.hpp"
#include "core/units.hpp"
#include "sensors/horizon.hpp"
#include "sensors/terrain_mask.hpp"

namespace skyshield {
namespace {

constexpr double kLat = -25.0, kLon = 135.0;

// A radar whose range equation reaches far beyond any horizon here (only the geometry limits it).
RadarParams strong_radar(double antenna_m) {
  RadarParams p;
  p.peak_power_w = 1e9;
  p.instrumented_range_m = 1000e3;
  p.antenna_height_m = antenna_m;
  return p;
}

// Farthest ground distance due east at which the radar sees a target h above a flat ground at base.
double farthest_seen_m(const RadarViewshed& v, double base, double h) {
  double last = 0.0;
  for (double d = 100.0; d < 200e3; d += 50.0)
    if (v.sees_at(d, 90.0, base + h)) last = d;
  return last;
}

AreaGrid area_around(double half_deg, int cells) {
  return make_area_grid(kLat - half_deg, kLat + half_deg, kLon - half_deg, kLon + half_deg, cells);
}

std::shared_ptr<ElevationGrid> grid_of(int n, double cell_deg, const std::function<double(int, int)>& h) {
  auto g = std::make_shared<ElevationGrid>();
  g->rows = g->cols = n;
  g->dx = g->dy = cell_deg;
  g->cell_m = cell_deg * 111320.0;
  g->y0 = kLat - 0.5 * (n - 1) * cell_deg;
  g->x0 = kLon - 0.5 * (n - 1) * cell_deg;
  g->height_m.resize(static_cast<std::size_t>(n) * n);
  g->max_height_m = -1e9;
  g->min_height_m = 1e9;
  for (int r = 0; r < n; ++r)
    for (int c = 0; c < n; ++c) {
      g->height_m[static_cast<std::size_t>(r) * n + c] = h(r, c);
      g->max_height_m = std::max(g->max_height_m, h(r, c));
      g->min_height_m = std::min(g->min_height_m, h(r, c));
    }
  return g;
}

TEST(SitingCoverage, FlatGroundFollowsTheFourThirdsEarthHorizon) {
  // A plain (kind flat) and the same plain as an elevation grid (the terrain sweep then runs): both
  // must reproduce the horizon formula.
  TerrainParams flat;
  flat.kind = TerrainParams::Kind::Flat;
  flat.base_m = 150.0;
  TerrainParams grid;
  grid.kind = TerrainParams::Kind::Grid;
  grid.base_m = 150.0;
  grid.grids = {grid_of(401, 0.005, [](int, int) { return 150.0; })};
  const AreaGrid area = area_around(1.0, 400);
  for (const TerrainParams& tp : {flat, grid}) {
    const Terrain terrain(tp);
    for (double ha : {10.0, 25.0, 38.0})
      for (double ht : {30.0, 100.0, 500.0}) {
        const RadarParams p = strong_radar(ha);
        const RadarViewshed v(terrain, p, {kLat, kLon, 150.0}, TargetSpec{}, area);
        const double expected = 4.12e3 * (std::sqrt(ha) + std::sqrt(ht));   // Skolnik eq. 8.4, k = 4/3
        // 4.12 is rounded from 4.1216 (0.04 %); the sweep samples every 50 m here.
        EXPECT_NEAR(farthest_seen_m(v, 150.0, ht), expected, 0.002 * expected + 100.0)
            << "ha " << ha << " ht " << ht << (tp.kind == TerrainParams::Kind::Grid ? " (grid)" : " (flat)");
      }
  }
}

TEST(SitingCoverage, MapOverFlatGroundIsTheHorizonDisc) {
  TerrainParams flat;
  flat.base_m = 0.0;
  const Terrain terrain(flat);
  const AreaGrid area = area_around(0.6, 300);
  const RadarParams p = strong_radar(25.0);
  const RadarViewshed v(terrain, p, {kLat, kLon, 0.0}, TargetSpec{}, area);
  const std::vector<float> ground = area_ground(terrain, area);
  const auto layers = coverage_layers(v, area, ground, {30.0});
  const double horizon = 4.12e3 * (std::sqrt(25.0) + std::sqrt(30.0));   // Skolnik eq. 8.4, k = 4/3
  int wrong = 0, checked = 0;
  for (int r = 0; r < area.rows; ++r)
    for (int c = 0; c < area.cols; ++c) {
      const double d = geodesic_inverse({kLat, kLon, 0.0}, {area.lat(r), area.lon(c), 0.0}).distance_m;
      if (std::abs(d - horizon) < 0.003 * horizon + area.cell_m()) continue;   // the rim: either way
      ++checked;
      wrong += (d < horizon) != (layers[0][static_cast<std::size_t>(r) * area.cols + c] == 1);
    }
  EXPECT_GT(checked, 80000);
  EXPECT_EQ(wrong, 0);
}

// A straight north-south ridge, flat-topped (5 cells), crest H = 400 m, D ~ 22 km east of the radar.
TerrainParams ridge_terrain(int& ridge_col, double& cell_deg) {
  cell_deg = 0.004;
  ridge_col = 200 + 55;
  TerrainParams t;
  t.kind = TerrainParams::Kind::Grid;
  t.grids = {grid_of(401, cell_deg, [&](int, int c) { return std::abs(c - ridge_col) <= 2 ? 400.0 : 0.0; })};
  return t;
}

TEST(SitingCoverage, SingleRidgeCastsTheTangentRayShadow) {
  int ridge_col = 0;
  double cell = 0.0;
  const Terrain terrain(ridge_terrain(ridge_col, cell));
  const AreaGrid area = area_around(0.8, 200);
  const double ha = 30.0;
  const RadarViewshed v(terrain, strong_radar(ha), {kLat, kLon, 0.0}, TargetSpec{}, area);
  // The crest's near edge seen from the radar (due east): the highest elevation angle of the ridge.
  const double two_kr = 2.0 * (4.0 / 3.0) * kEarthMeanRadius;
  const Geodetic crest_near{kLat, kLon + (ridge_col - 200 - 2) * cell, 0.0};
  const double D = geodesic_inverse({kLat, kLon, 0.0}, crest_near).distance_m;
  const double u = (400.0 - ha) / D - D / two_kr;
  for (double x : {30e3, 40e3, 60e3}) {
    const double h_min = ha + x * u + x * x / two_kr;   // tangent ray over the crest, by hand
    EXPECT_FALSE(v.sees_at(x, 90.0, 0.93 * h_min)) << "x " << x << " h_min " << h_min;
    EXPECT_TRUE(v.sees_at(x, 90.0, 1.07 * h_min)) << "x " << x << " h_min " << h_min;
    // West of the radar there is no ridge: the same target is seen.
    EXPECT_TRUE(v.sees_at(x, 270.0, 0.93 * h_min));
  }
}

TEST(SitingCoverage, CellsAgreeWithTheBruteForceRay) {
  int ridge_col = 0;
  double cell = 0.0;
  const Terrain terrain(ridge_terrain(ridge_col, cell));
  const AreaGrid area = area_around(0.7, 60);
  const RadarParams p = strong_radar(30.0);
  const Geodetic site{kLat, kLon, 0.0};
  const RadarViewshed v(terrain, p, site, TargetSpec{}, area);
  const std::vector<float> ground = area_ground(terrain, area);
  const double h = 200.0;
  const auto layers = coverage_layers(v, area, ground, {h});
  const Geodetic antenna{kLat, kLon, 30.0};
  int agree = 0, total = 0;
  for (int r = 0; r < area.rows; ++r)
    for (int c = 0; c < area.cols; ++c) {
      const Geodetic target{area.lat(r), area.lon(c), ground[static_cast<std::size_t>(r) * area.cols + c] + h};
      const double d = geodesic_inverse(site, target).distance_m;
      const bool horizon = d <= 4.1216e3 * (std::sqrt(30.0) + std::sqrt(target.alt_m));
      const bool brute = horizon && !terrain_blocks_ray(terrain, antenna, target, 50.0);
      ++total;
      agree += brute == (layers[0][static_cast<std::size_t>(r) * area.cols + c] == 1);
    }
  // Cells whose ray grazes the crest may go either way (azimuth bins, sampling): a few at most.
  EXPECT_GE(agree, total - total / 100) << agree << " of " << total;
}

TEST(SitingCoverage, OffsetFieldMatchesTheExactGeodesic) {
  const AreaGrid area = area_around(1.0, 100);
  const Geodetic centre{kLat + 0.1, kLon - 0.2, 0.0};
  const OffsetField f(centre, area);
  for (int r = 0; r < area.rows; r += 7)
    for (int c = 0; c < area.cols; c += 7) {
      const GeodesicResult exact = geodesic_inverse(centre, {area.lat(r), area.lon(c), 0.0});
      const GeodesicResult approx = f.at(area.lat(r), area.lon(c));
      EXPECT_NEAR(approx.distance_m, exact.distance_m, 1.0);
      if (exact.distance_m > 5e3) {
        EXPECT_NEAR(std::remainder(approx.azimuth_deg - exact.azimuth_deg, 360.0), 0.0, 0.01);
      }
    }
}

TEST(SitingCoverage, DetectionRangeIsTheRadarEquationAtPd) {
  // Reference: the range equation solved by hand for this radar: R^4 = Pt tau G^2 lambda^2 sigma /
  // ((4 pi)^3 k T0 F L SNR), with the SNR that Swerling 0 needs for Pd 0.9, Pfa 1e-6, one look:
  // 13.2 dB (Albersheim: SNR = A + 0.12 A B + 1.7 B, A = ln(0.62 / Pfa), B = ln(Pd / (1 - Pd)),
  // gives 13.1 dB; the exact Marcum value is 13.2 dB: Skolnik fig. 2.7).
  RadarParams p;
  p.peak_power_w = 1e6;
  p.gain_db = 35.0;
  p.frequency_hz = 3e9;
  p.pulse_width_s = 1e-6;
  p.noise_figure_db = 3.0;
  p.losses_db = 6.0;
  p.pfa = 1e-6;
  p.instrumented_range_m = 1e7;
  TargetSpec t{1.0, Swerling::Case0, 0.9};
  const double lambda = kSpeedOfLight / 3e9, g = std::pow(10.0, 3.5);
  const double snr = std::pow(10.0, 1.32);
  const double r4 = 1e6 * 1e-6 * g * g * lambda * lambda * 1.0 /
                    (std::pow(4 * kPi, 3) * kBoltzmann * 290.0 * std::pow(10.0, 0.3) * std::pow(10.0, 0.6) * snr);
  EXPECT_NEAR(detection_range_m(p, t), std::pow(r4, 0.25), 0.01 * std::pow(r4, 0.25));
  p.instrumented_range_m = 10e3;
  EXPECT_DOUBLE_EQ(detection_range_m(p, t), 10e3);
}

}  // namespace
}  // namespace skyshield
