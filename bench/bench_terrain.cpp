// Elevation data costs (kind: dem): one height query on a geographic tile (SRTM 3"-like, 1201 x 1201) and
// on a projected one (UTM, 1000 x 1000 at 100 m, through the CrsMesh), and a masked line of sight: the
// radar's mask-table lookup and a brute-force ray over the ground. The rasters are written with GDAL to
// the temporary folder and read through the same reader as a scenario's.
#include <benchmark/benchmark.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <unistd.h>

#include <array>
#include <cmath>
#include <filesystem>
#include <string>

#include "core/rng.hpp"
#include "core/units.hpp"
#include "scenario/limits.hpp"
#include "sensors/terrain_mask.hpp"
#include "terrain/dem_reader.hpp"
#include "world/terrain.hpp"

using namespace skyshield;

namespace {

// Ridges and valleys (a few hundred metres of relief at several scales).
double relief(double x, double y) {
  return 400.0 + 250.0 * std::sin(x / 7.3) * std::cos(y / 5.1) + 90.0 * std::sin(x / 1.7 + y / 2.3) + 25.0 * std::cos(x * 1.9 - y * 1.3);
}

Terrain make_dem(const char* name, int n, const double gt[6], const char* crs) {
  GDALAllRegister();
  const std::string path = (std::filesystem::temp_directory_path() / (std::string("skyshield_bench_") + name + "_" +
                                                                        std::to_string(::getpid()) + ".tif")).string();
  {
    GDALDatasetUniquePtr ds(GetGDALDriverManager()->GetDriverByName("GTiff")->Create(path.c_str(), n, n, 1, GDT_Float32, nullptr));
    double g[6];
    std::copy(gt, gt + 6, g);
    ds->SetGeoTransform(g);
    OGRSpatialReference srs;
    srs.SetFromUserInput(crs);
    ds->SetSpatialRef(&srs);
    std::vector<float> v(static_cast<std::size_t>(n) * n);
    for (int r = 0; r < n; ++r)
      for (int c = 0; c < n; ++c) v[static_cast<std::size_t>(r) * n + c] = static_cast<float>(relief(c * 0.1, r * 0.1));
    if (ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, n, n, v.data(), n, n, GDT_Float32, 0, 0) != CE_None) std::abort();
  }
  TerrainParams p;
  p.kind = TerrainParams::Kind::Grid;
  p.base_m = 0.0;
  p.grids = read_dem_tiles({inspect_dem_tile(path, "", limits::kMaxDemCells)}, limits::kMaxDemCells).grids;
  std::filesystem::remove(path);
  return Terrain(p);
}

const Terrain& geographic() {
  static const double step = 1.0 / 1200.0;
  static const double gt[6] = {35.0 - 0.5 * step, step, 0, 33.0 + 0.5 * step, 0, -step};
  static const Terrain t = make_dem("geo", 1201, gt, "EPSG:4326");
  return t;
}

const Terrain& projected() {
  static const double gt[6] = {450000.0, 100.0, 0, 3700000.0, 0, -100.0};   // UTM 36 N, about 32.95 to 33.4 N, 32.5 to 33.1 E
  static const Terrain t = make_dem("utm", 1000, gt, "EPSG:32636");
  return t;
}

// 4096 query points inside a box.
std::vector<Geodetic> points(double lat0, double lon0, double span_deg) {
  Rng rng(7);
  std::vector<Geodetic> p(4096);
  for (Geodetic& g : p) g = {lat0 + span_deg * rng.uniform(), lon0 + span_deg * rng.uniform(), 0.0};
  return p;
}

}  // namespace

static void BM_DemHeightGeographic(benchmark::State& state) {
  const Terrain& t = geographic();
  const std::vector<Geodetic> p = points(32.1, 34.1, 0.8);
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(t.height(p[i++ & 4095]));
}
BENCHMARK(BM_DemHeightGeographic);

static void BM_DemHeightProjected(benchmark::State& state) {
  const Terrain& t = projected();
  const std::vector<Geodetic> p = points(33.0, 32.6, 0.35);
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(t.height(p[i++ & 4095]));
}
BENCHMARK(BM_DemHeightProjected);

// A masked line of sight through the radar's table (built once at load): one lookup per target.
static void BM_DemMaskedLineOfSight(benchmark::State& state) {
  const Terrain& t = geographic();
  const Geodetic antenna{32.5, 34.5, t.height(32.5, 34.5) + 20.0};
  static const TerrainMask mask(t, antenna, 60e3);
  Rng rng(3);
  std::vector<std::array<double, 3>> q(4096);
  for (auto& x : q) x = {2 * kPi * rng.uniform(), 1e3 + 45e3 * rng.uniform(), 300.0 + 800.0 * rng.uniform()};
  std::size_t i = 0;
  for (auto _ : state) {
    const auto& x = q[i++ & 4095];
    benchmark::DoNotOptimize(mask.masked(x[0], x[1], x[2]));
  }
}
BENCHMARK(BM_DemMaskedLineOfSight);

// Building that table (0.25 degree azimuth bins, out to 60 km): once per radar at load.
static void BM_DemMaskTableBuild(benchmark::State& state) {
  const Terrain& t = geographic();
  const Geodetic antenna{32.5, 34.5, t.height(32.5, 34.5) + 20.0};
  for (auto _ : state) benchmark::DoNotOptimize(TerrainMask(t, antenna, 60e3));
}
BENCHMARK(BM_DemMaskTableBuild)->Unit(benchmark::kMillisecond);

// A brute-force ray (the reference for the table): 30 km sampled every 50 m.
static void BM_DemRayLineOfSight(benchmark::State& state) {
  const Terrain& t = geographic();
  const Geodetic antenna{32.5, 34.5, t.height(32.5, 34.5) + 20.0};
  Geodetic target = geodesic_direct(antenna, 60.0, 30e3);
  target.alt_m = 2000.0;
  for (auto _ : state) benchmark::DoNotOptimize(terrain_blocks_ray(t, antenna, target, 50.0));
}
BENCHMARK(BM_DemRayLineOfSight)->Unit(benchmark::kMicrosecond);
