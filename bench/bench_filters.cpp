// Per-operation costs of the tracking filters on the 9-state [p, v, a] (per call):
//  - IMM prediction over 0.05 s with the four models (cv, ca, ct, ballistic) and with cv alone
//    (a tentative track);
//  - one model's EKF innovation (range, azimuth, elevation, range rate) and update;
//  - one whole IMM track update as the tracker makes it on a detection: prediction over 0.05 s,
//    every model's innovation, update and the combination (four models, and cv alone). Multiplied by
//    the track updates per simulated second that `skyshield bench` prints, it bounds from below what
//    tracking costs per simulated second, whatever else the tracker does.
//   build/release/bench/skyshield_bench --benchmark_filter='Imm|Ekf'
#include <benchmark/benchmark.h>

#include "tracking/imm.hpp"

using namespace skyshield;

namespace {

Gaussian sample_state() {
  Gaussian g;
  g.x << 20e3, 150e3, 8e3, -50.0, -250.0, 0.0, 0.5, 0.2, 0.0;
  const Mat9 A = Mat9::Identity() + 0.1 * Mat9::Ones();
  g.P = A * A.transpose() * 2500.0;
  return g;
}

// A detection of g's state (range, azimuth, elevation, range rate), 40 m long in range.
SphericalMeasurement sample_measurement(const Gaussian& g) {
  SphericalMeasurement z;
  z.dim = 4;
  z.sigma << 30.0, 2e-3, 2e-3, 1.0;
  z.z = measure(g.x, z.sensor);
  z.z(0) += 40.0;
  return z;
}

// The IMM of a benchmark: its four models (or cv alone when models == 1) in a local frame.
struct ImmSetup {
  LocalFrame frame{Geodetic{45.0, 10.0, 0.0}};
  MotionContext ctx;
  ImmParams p;
  explicit ImmSetup(long long models) {
    ctx.frame = &frame;
    if (models == 1) p.models = {MotionModel::ConstantVelocity};
  }
  ImmSetup(const ImmSetup&) = delete;
  ImmSetup& operator=(const ImmSetup&) = delete;
  const char* label() const { return p.models.size() == 1 ? "cv only" : "cv ca ct ballistic"; }
};

void BM_ImmPredict(benchmark::State& state) {
  const ImmSetup imm(state.range(0));
  const ImmState start = imm_start(sample_state(), imm.p);
  for (auto _ : state) {
    ImmState s = start;
    imm_predict(s, 0.05, imm.p, imm.ctx);
    benchmark::DoNotOptimize(s);
  }
  state.SetLabel(imm.label());
}
BENCHMARK(BM_ImmPredict)->Arg(1)->Arg(4);

void BM_EkfInnovateUpdate(benchmark::State& state) {
  const Gaussian g0 = sample_state();
  const SphericalMeasurement z = sample_measurement(g0);
  for (auto _ : state) {
    Gaussian g = g0;
    const SphericalInnovation in = innovate(FilterKind::Ekf, g, z);
    update(g, in);
    benchmark::DoNotOptimize(g);
  }
}
BENCHMARK(BM_EkfInnovateUpdate);

void BM_ImmTrackUpdate(benchmark::State& state) {
  const ImmSetup imm(state.range(0));
  const Gaussian g0 = sample_state();
  const ImmState start = imm_start(g0, imm.p);
  const SphericalMeasurement z = sample_measurement(g0);
  for (auto _ : state) {
    ImmState s = start;
    imm_predict(s, 0.05, imm.p, imm.ctx);
    imm_update(s, imm_innovate(s, z, imm.p));
    benchmark::DoNotOptimize(s.combined());
  }
  state.SetLabel(imm.label());
}
BENCHMARK(BM_ImmTrackUpdate)->Arg(1)->Arg(4);

}  // namespace
