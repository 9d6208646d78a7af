// Threat flight benchmarks: one ballistic-missile step, one launch solution, one air-breather step.
#include <benchmark/benchmark.h>

#include <stdexcept>

#include "scenario/loader.hpp"
#include "world/ballistic/targeting.hpp"
#include "world/waypoint_motion.hpp"

using namespace skyshield;

namespace {
// The library's Scud-B-class type (scenarios/library/threats.yaml), through the default scenario.
BallisticMissileParams srbm() {
  const Scenario s = load_scenario(SKYSHIELD_SOURCE_DIR "/scenarios/default.yaml");
  for (const ThreatType& t : s.threat_types)
    if (t.name == "short_range_ballistic") return t.ballistic;
  throw std::runtime_error("short_range_ballistic missing from the library");
}
const Geodetic kLaunch{-22.5, 135.0, 0.0};
const Geodetic kAim{-25.0, 135.5, 150.0};
}  // namespace

// A whole 300 km SRBM flight at the engine step (0.05 s); the counter is per step.
static void BM_BallisticFlight(benchmark::State& state) {
  const BallisticMissileParams p = srbm();
  const TargetingResult plan = plan_ballistic_flight(p, kLaunch, kAim);
  long long steps = 0;
  for (auto _ : state) {
    BallisticFlight f(p, kLaunch, plan.plan);
    while (!f.step(0.05)) ++steps;
    benchmark::DoNotOptimize(f.pos());
  }
  state.counters["per_step"] = benchmark::Counter(static_cast<double>(steps), benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_BallisticFlight)->Unit(benchmark::kMillisecond);

// One launch solution (minimum-energy search + shooting) for a 280 km shot.
static void BM_BallisticTargeting(benchmark::State& state) {
  const BallisticMissileParams p = srbm();
  for (auto _ : state) benchmark::DoNotOptimize(plan_ballistic_flight(p, kLaunch, kAim));
}
BENCHMARK(BM_BallisticTargeting)->Unit(benchmark::kMillisecond);

// One 0.05 s step of a terrain-following cruise missile over hills.
static void BM_TerrainFollowingStep(benchmark::State& state) {
  TerrainParams tp;
  tp.kind = TerrainParams::Kind::Hills;
  tp.amplitude_m = 300.0;
  const Terrain terrain(tp);
  AirVehicleParams a;
  a.speed_mps = 245.0;
  a.max_load_factor = 3.0;
  a.max_climb_rate_mps = 40.0;
  a.max_descent_rate_mps = 40.0;
  a.terrain_clearance_m = 40.0;
  WaypointMotion m({kAim, geodesic_direct(kAim, 0.0, 5000e3)}, a, &terrain);
  for (auto _ : state) benchmark::DoNotOptimize(m.step(0.05));
}
BENCHMARK(BM_TerrainFollowingStep);
