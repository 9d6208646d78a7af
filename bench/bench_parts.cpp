// Per-part benchmarks: one radar look over many targets, one tracker batch, one greedy WTA decision.
#include <benchmark/benchmark.h>

#include <vector>

#include "c2/wta.hpp"
#include "core/rng.hpp"
#include "sensors/radar.hpp"
#include "tracking/tracker.hpp"

using namespace skyshield;

namespace {
RadarParams surveillance() {
  RadarParams p;
  p.name = "bench";
  p.scan = ScanKind::Rotating;
  p.peak_power_w = 500e3;
  p.gain_db = 38;
  p.frequency_hz = 3e9;
  p.pulse_width_s = 60e-6;
  p.instrumented_range_m = 600e3;
  p.scan_period_s = 10.0;
  return p;
}

std::vector<TruthView> ring_of_targets(const Geodetic& centre, int n) {
  std::vector<TruthView> v;
  for (int i = 0; i < n; ++i) {
    Geodetic g = geodesic_direct(centre, 360.0 * i / n, 100e3 + 1e3 * (i % 50));
    g.alt_m = 5000.0;
    v.push_back({i, ecef_from_geodetic(g), Vec3(100, 0, 0), RcsPattern::isotropic(5.0), Swerling::Case1});
  }
  return v;
}
}  // namespace

// Cost of a full 360-degree scan against N targets (per target).
static void BM_RadarFullScan(benchmark::State& state) {
  const Geodetic site{-25.0, 135.0, 100.0};
  Radar radar(0, surveillance(), site, Rng(1));
  const auto targets = ring_of_targets(site, static_cast<int>(state.range(0)));
  double t = 0.0;
  for (auto _ : state) {
    for (int k = 0; k < 200; ++k, t += 0.05) {  // 10 s = one rotation in 0.05 s slices
      const MeasurementBatch b = radar.look(t, t + 0.05, targets, {}, nullptr);
      benchmark::DoNotOptimize(b.detections.size());
    }
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_RadarFullScan)->Arg(16)->Arg(128)->Arg(1024);

// Cost of tracking N targets through one full scan (per target per scan).
static void BM_TrackerScan(benchmark::State& state) {
  const Geodetic site{-25.0, 135.0, 100.0};
  Radar radar(0, surveillance(), site, Rng(2));
  Tracker tracker(LocalFrame(site), TrackerParams{});
  auto targets = ring_of_targets(site, static_cast<int>(state.range(0)));
  double t = 0.0;
  for (auto _ : state) {
    for (int k = 0; k < 200; ++k, t += 0.05) tracker.process(radar.look(t, t + 0.05, targets, {}, nullptr));
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_TrackerScan)->Arg(16)->Arg(128)->Arg(512);

// One greedy WTA decision for W weapons x W targets.
static void BM_WtaGreedy(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  Rng rng(3);
  WtaProblem p;
  p.pk = Eigen::MatrixXd(n, n);
  for (int j = 0; j < n; ++j) p.value.push_back(rng.uniform(1, 10));
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) p.pk(i, j) = rng.uniform(0.3, 0.9);
  for (auto _ : state) benchmark::DoNotOptimize(wta_greedy(p).size());
  state.SetComplexityN(n);
}
BENCHMARK(BM_WtaGreedy)->Arg(8)->Arg(32)->Arg(128)->Complexity();
