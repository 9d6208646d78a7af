// Radar model costs: one Pd evaluation of the square-law detector for N looks, and the terrain-mask
// table a radar builds at start-up over procedural hills.
#include <benchmark/benchmark.h>

#include "sensors/detection.hpp"
#include "sensors/terrain_mask.hpp"

using namespace skyshield;

// One Pd evaluation (Swerling 1, Pfa 1e-6) at an SNR near the 50 % point, for N looks.
static void BM_SquareLawPd(benchmark::State& state) {
  const int looks = static_cast<int>(state.range(0));
  const SquareLawDetector det(1e-6, looks);
  const double snr = det.required_snr(Swerling::Case1, 0.5);
  double sum = 0.0;
  for (auto _ : state) {
    sum += det.pd(Swerling::Case1, snr);
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SquareLawPd)->Arg(1)->Arg(10)->Arg(100);

// Building the terrain-mask table of one radar over 400 m hills (25 km wavelength), out to the horizon
// of the highest ground (0.25 deg azimuth bins).
static void BM_TerrainMaskBuild(benchmark::State& state) {
  TerrainParams p;
  p.kind = TerrainParams::Kind::Hills;
  p.amplitude_m = 400.0;
  p.wavelength_m = 25e3;
  const Terrain hills(p);
  const Geodetic antenna{-25.0, 135.0, hills.height(-25.0, 135.0) + 30.0};
  for (auto _ : state) {
    TerrainMask m(hills, antenna, 600e3);
    benchmark::DoNotOptimize(m);
  }
}
BENCHMARK(BM_TerrainMaskBuild)->Unit(benchmark::kMillisecond);
