// skyshield siting: a 1,000 x 1,000-cell coverage map of three radars (the valley relief of
// scenarios/siting_valley, 240 x 240 cells of 0.0025 deg) at one target height, on one core: the
// radial terrain sweep of each radar, the offset field, and every cell's test against them. One item
// is one whole map (three radars). Issue 35's target: under 10 s.
#include <benchmark/benchmark.h>

#include <memory>

#include "analysis/siting_coverage.hpp"
#include "scenario/terrain_parser.hpp"
#include "sensors/radar_params.hpp"

using namespace skyshield;

static void BM_SitingCoverageMap(benchmark::State& state) {
  TerrainParams tp;
  tp.kind = TerrainParams::Kind::Grid;
  tp.base_m = 150.0;
  tp.grids = {std::make_shared<const ElevationGrid>(load_esri_ascii_grid(std::string(SKYSHIELD_SOURCE_DIR) + "/scenarios/siting_valley/relief.asc"))};
  const Terrain terrain(tp);
  const int cells = static_cast<int>(state.range(0));
  AreaGrid area;   // cells x cells over the relief (0.0006 deg: 67 m north-south, 60 m east-west)
  area.north_lat_deg = -24.7005;
  area.west_lon_deg = 134.7005;
  area.rows = area.cols = cells;
  area.dlat_deg = area.dlon_deg = 0.599 / cells;
  const std::vector<float> ground = area_ground(terrain, area);
  // Three radars of the library's low-altitude mast class (38 m, ~77 km against 0.1 m2 at Pd 0.9).
  RadarParams p;
  p.peak_power_w = 100e3;
  p.gain_db = 39.0;
  p.frequency_hz = 5.5e9;
  p.pulse_width_s = 100e-6;
  p.noncoherent_looks = 3;
  p.losses_db = 8.0;
  p.instrumented_range_m = 300e3;
  p.antenna_height_m = 38.0;
  const Geodetic sites[3] = {{-24.79, 135.01, terrain.height(-24.79, 135.01)},
                             {-24.85, 134.8735, terrain.height(-24.85, 134.8735)},
                             {-25.1, 135.05, terrain.height(-25.1, 135.05)}};
  long long seen = 0;
  for (auto _ : state) {
    for (const Geodetic& s : sites) {
      const RadarViewshed v(terrain, p, s, TargetSpec{}, area);
      const auto layers = coverage_layers(v, area, ground, {30.0});
      for (unsigned char c : layers[0]) seen += c;
    }
    benchmark::DoNotOptimize(seen);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["cells"] = static_cast<double>(area.rows) * area.cols;
}
BENCHMARK(BM_SitingCoverageMap)->Arg(1000)->Unit(benchmark::kSecond)->Iterations(2);
