// One full scan update of the tracker (predict + gate + associate + update + manage) over N targets
// with clutter, N = 100, 1,000, 10,000: a full-circle scan from one sensor every 2 s, targets spread
// 50-250 km out (a few km apart at N = 10,000) flying straight at 200-300 m/s, false alarms N/10 + 100
// per scan spread over the whole volume. Five scans before the timed ones confirm the tracks (the IMM
// runs on every target). Reported: time per scan and per target (items = targets), gated
// (track, detection) pairs per target and the largest cluster. The area is the same for every N, so
// the density grows with N: at 10,000 the tentative tracks' gates (velocity still unknown) span
// several targets and the work per target grows with the pairs each track gates.
//   build/release/bench/skyshield_bench --benchmark_filter=TrackerFullScan
#include <benchmark/benchmark.h>

#include <cmath>
#include <numbers>
#include <random>
#include <vector>

#include "tracking/tracker.hpp"

using namespace skyshield;

namespace {

constexpr double kScanPeriod = 2.0;
constexpr int kWarmup = 5;

struct Scenario {
  std::vector<MeasurementBatch> scans;
};

Scenario make_scans(int n, int scans) {
  std::mt19937 gen(42);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  std::normal_distribution<double> g(0.0, 1.0);
  const double two_pi = 2.0 * std::numbers::pi;
  std::vector<Vec3> p0, v;
  for (int i = 0; i < n; ++i) {
    // Area-uniform over the annulus 50-250 km.
    const double r = std::sqrt(50e3 * 50e3 + u(gen) * (250e3 * 250e3 - 50e3 * 50e3)), a = two_pi * u(gen);
    p0.emplace_back(r * std::sin(a), r * std::cos(a), 1000.0 + 9000.0 * u(gen));
    const double speed = 200.0 + 100.0 * u(gen), h = two_pi * u(gen);
    v.emplace_back(speed * std::sin(h), speed * std::cos(h), 0.0);
  }
  Scenario s;
  const Geodetic site{-25.0, 135.0, 100.0};
  for (int k = 0; k < scans; ++k) {
    MeasurementBatch b;
    b.radar_index = 0;
    b.t0 = k * kScanPeriod;
    b.t1 = b.t0 + kScanPeriod;
    b.radar_frame = LocalFrame(site);
    b.coverage.full_circle = true;
    b.coverage.max_range_m = 300e3;
    b.coverage.min_el_rad = 0.0;
    b.coverage.max_el_rad = 0.5;
    auto add = [&](const RangeAzEl& rae) {
      Measurement m;
      m.t = b.t0;
      m.sigma_range_m = 50.0;
      m.sigma_az_rad = m.sigma_el_rad = 0.002;
      m.rae = rae;
      m.rae.range_m += m.sigma_range_m * g(gen);
      m.rae.az_rad = std::fmod(m.rae.az_rad + m.sigma_az_rad * g(gen) + two_pi, two_pi);
      m.rae.el_rad += m.sigma_el_rad * g(gen);
      b.detections.push_back(m);
    };
    for (int i = 0; i < n; ++i)
      if (u(gen) < 0.9) add(range_az_el_from_enu(p0[i] + b.t0 * v[i]));   // Pd 0.9
    const int clutter = n / 10 + 100;
    for (int c = 0; c < clutter; ++c) add({10e3 + 290e3 * u(gen), two_pi * u(gen), 0.5 * u(gen)});
    s.scans.push_back(std::move(b));
  }
  return s;
}

void BM_TrackerFullScan(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const int timed = static_cast<int>(state.max_iterations);
  const Scenario s = make_scans(n, kWarmup + timed);
  Tracker tracker(LocalFrame(s.scans[0].radar_frame.origin()), TrackerParams{});
  for (int k = 0; k < kWarmup; ++k) tracker.process(s.scans[k]);
  int k = kWarmup;
  const long long pairs0 = tracker.stats().gated_pairs;
  for (auto _ : state) tracker.process(s.scans[k++]);
  state.counters["pairs_per_target"] =
      static_cast<double>(tracker.stats().gated_pairs - pairs0) / (static_cast<double>(state.iterations()) * n);
  state.counters["largest_cluster"] = tracker.stats().largest_cluster;
  int confirmed = 0;
  for (const Track& tr : tracker.tracks()) confirmed += tr.status == TrackStatus::Confirmed;
  state.SetItemsProcessed(state.iterations() * n);
  state.counters["us_per_target"] =
      benchmark::Counter(static_cast<double>(state.iterations()) * n * 1e-6, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
  state.counters["confirmed"] = confirmed;
  state.counters["tracks"] = static_cast<double>(tracker.tracks().size());
}
// One scan each, the next scan of the same picture per iteration (scans are generated beforehand).
BENCHMARK(BM_TrackerFullScan)->Arg(100)->Iterations(40)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TrackerFullScan)->Arg(1000)->Iterations(20)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TrackerFullScan)->Arg(10000)->Iterations(8)->Unit(benchmark::kMillisecond);

}  // namespace
