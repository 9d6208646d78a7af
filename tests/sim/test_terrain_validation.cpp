// Validation of the radar horizon and of the ground against independent references (ctest label
// `validation`; docs/validation/horizon_terrain.md lists the cases and the figures).
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "scenario/loader.hpp"
#include "sensors/horizon.hpp"
#include "sim/engine.hpp"
#include "world/terrain.hpp"

using namespace skyshield;

// Issue 26, defect 1: the horizon counts heights above the ground, not above the ellipsoid. A cruise
// missile terrain-following 40 m above a plain is first detected by each default radar near the
// 4/3-earth horizon of its antenna height above the ground, d = 4.12 km (sqrt(h_a) + sqrt(h_t)) with
// heights in metres (Skolnik, Introduction to Radar Systems, 3rd ed., sec. 8.2, eq. 8.3 rule of
// thumb), whether the plain lies at 0 m or at 150 m above the ellipsoid. The old engine counted the
// heights from the ellipsoid and saw the missile at ~110 km over the 150 m plain.
namespace {
struct FirstSighting {
  std::string radar;
  double ground_m = 0.0;         // ground distance from the antenna at the first detection
  double antenna_agl_m = 0.0;    // antenna height above the ground
  double target_agl_m = 0.0;     // target height above the ground at the first detection
};

std::vector<FirstSighting> first_sightings(double plain_m) {
  const Scenario s = load_scenario(SKYSHIELD_SOURCE_DIR "/tests/sim/data/plain_cruise.yaml",
                                   {parse_override(fmt::format("terrain.base_m={}", plain_m))});
  const RunRecord r = run_scenario(s);
  const Trajectory* traj = nullptr;
  for (const Trajectory& tr : r.trajectories)
    if (tr.name == "cruise") traj = &tr;
  EXPECT_NE(traj, nullptr);
  std::vector<FirstSighting> out;
  if (!traj) return out;
  for (const RadarSite& site : s.battalions[0].radars) {
    const Event* first = nullptr;
    for (const Event& e : r.events)
      if (e.type == EventType::Detect && e.entity == site.name && e.target == "cruise") {
        first = &e;
        break;
      }
    EXPECT_NE(first, nullptr) << site.name;
    if (!first) continue;
    // Position at the detection: interpolated between the trajectory samples around it (0.5 s apart).
    std::size_t i = 1;
    while (i + 1 < traj->samples.size() && traj->samples[i].t < first->t) ++i;
    const TrajectorySample &a = traj->samples[i - 1], &b = traj->samples[i];
    const double f = b.t > a.t ? std::clamp((first->t - a.t) / (b.t - a.t), 0.0, 1.0) : 0.0;
    const Geodetic at{a.p.lat_deg + f * (b.p.lat_deg - a.p.lat_deg), a.p.lon_deg + f * (b.p.lon_deg - a.p.lon_deg),
                      a.p.alt_m + f * (b.p.alt_m - a.p.alt_m)};
    Geodetic antenna = site.site;
    antenna.alt_m += s.radar_types[site.type_index].antenna_height_m;
    out.push_back({site.name, geodesic_inverse(antenna, at).distance_m, antenna.alt_m - plain_m, at.alt_m - plain_m});
  }
  return out;
}
}  // namespace

TEST(RadarHorizon, FirstDetectionOverAPlainCountsHeightsAboveTheGround) {
  for (double plain : {0.0, 150.0}) {
    const std::vector<FirstSighting> seen = first_sightings(plain);
    ASSERT_EQ(seen.size(), 3u) << plain;
    for (const FirstSighting& f : seen) {
      // The sites stand on the plain: antennas 10, 30, 38 m up; the missile 40 m above the ground.
      EXPECT_NEAR(f.target_agl_m, 40.0, 2.0) << f.radar << " on " << plain << " m";
      // Skolnik's rule with the nominal heights (independent of the code's exact arc formula).
      const double rule = 4.12e3 * (std::sqrt(f.antenna_agl_m) + std::sqrt(40.0));
      std::printf("plain %5.0f m  %-12s first detection at %6.1f km, 4/3-earth horizon %6.1f km\n", plain, f.radar.c_str(),
                  f.ground_m / 1e3, rule / 1e3);
      EXPECT_NEAR(f.ground_m / rule, 1.0, 0.05) << f.radar << " on " << plain << " m: first seen at " << f.ground_m
                                               << " m, horizon " << rule << " m";
      // Never beyond the exact horizon of the heights at that moment (125 m: one 0.5 s trajectory sample).
      EXPECT_LE(f.ground_m, radar_horizon_range_m(f.antenna_agl_m, f.target_agl_m) + 125.0) << f.radar;
    }
  }
}

TEST(RadarHorizon, HorizonFunctionCountsFromTheGroundItIsGiven) {
  // Antenna 10 m and target 40 m above a 150 m plain: 4.12 (sqrt 10 + sqrt 40) = 39.1 km (Skolnik's
  // rule), whatever the plain's height above the ellipsoid.
  const double rule = 4.12e3 * (std::sqrt(10.0) + std::sqrt(40.0));
  for (double plain : {0.0, 150.0, 1500.0}) {
    const Geodetic antenna{-25.0, 135.0, plain + 10.0};
    Geodetic in = geodesic_direct(antenna, 0.0, 0.97 * rule), out = geodesic_direct(antenna, 0.0, 1.03 * rule);
    in.alt_m = out.alt_m = plain + 40.0;
    EXPECT_TRUE(above_radar_horizon(antenna, in, plain)) << plain;
    EXPECT_FALSE(above_radar_horizon(antenna, out, plain)) << plain;
  }
}

// Issue 26, defect 2: every object meets the terrain model's ground, never goes under it. 20 seeds of
// the default scenario (a plain at 150 m) and of the same scenario on a plain at 0 m, every trajectory
// sampled at every engine step (0.05 s). Reference: the terrain model's own height under each sample
// (0.5 m: the recorded altitude of an impact interpolated onto the ground, to rounding).
namespace {
constexpr int kSeeds = 20;

struct BelowGround {
  int samples = 0, below = 0;
  double worst_m = 0.0;   // deepest under the ground (negative)
  std::string worst;
};

// Counts the samples of one kind (interceptors or threats) of a finished run.
void count_below(const Scenario& s, const RunRecord& r, std::uint64_t seed, bool interceptors, BelowGround& out) {
  const Terrain ground(s.terrain);
  for (const Trajectory& tr : r.trajectories) {
    if (tr.kind.starts_with("interceptor") != interceptors) continue;
    for (const TrajectorySample& p : tr.samples) {
      ++out.samples;
      const double h = p.p.alt_m - ground.height(p.p);
      if (h >= -0.5) continue;
      ++out.below;
      if (h < out.worst_m) {
        out.worst_m = h;
        out.worst = fmt::format("{} (seed {}, t = {:.2f} s)", tr.name, seed, p.t);
      }
    }
  }
}

void check_run(const Scenario& s, std::uint64_t seed, bool interceptors, BelowGround& out) {
  RunOptions opt;
  opt.seed = seed;
  count_below(s, run_scenario(s, opt), seed, interceptors, out);
}

// Threats and interceptors of the same 40 runs (each run once).
const BelowGround& below_ground(bool interceptors) {
  static const std::pair<BelowGround, BelowGround> both = [] {
    std::pair<BelowGround, BelowGround> b;
    for (double plain : {150.0, 0.0}) {
      const Scenario s = load_scenario(SKYSHIELD_SOURCE_DIR "/scenarios/default.yaml",
                                       {parse_override(fmt::format("terrain.base_m={}", plain)),
                                        parse_override("simulation.trajectory_sample_s=0.05")});
      for (int seed = 1; seed <= kSeeds; ++seed) {
        RunOptions opt;
        opt.seed = static_cast<std::uint64_t>(seed);
        const RunRecord r = run_scenario(s, opt);
        count_below(s, r, *opt.seed, false, b.first);
        count_below(s, r, *opt.seed, true, b.second);
      }
    }
    return b;
  }();
  const BelowGround& b = interceptors ? both.second : both.first;
  std::printf("%s: %d samples, %d under the ground, deepest %.1f m %s\n", interceptors ? "interceptors" : "threats", b.samples,
              b.below, b.worst_m, b.worst.c_str());
  return b;
}
}  // namespace

// Threats and interceptors of the same 40 runs (one test: ctest runs each case in its own process).
TEST(Ground, NoObjectUnderTheTerrainInTwentySeeds) {
  const BelowGround& threats = below_ground(false);
  EXPECT_GT(threats.samples, 100000);   // the trajectories were there to check
  EXPECT_EQ(threats.below, 0) << "deepest " << threats.worst_m << " m: " << threats.worst;
  const BelowGround& interceptors = below_ground(true);
  EXPECT_GT(interceptors.samples, 10000);
  EXPECT_EQ(interceptors.below, 0) << "deepest " << interceptors.worst_m << " m: " << interceptors.worst;
}

// Over hills (scenarios/threat_classes.yaml: every threat class, hills 100-500 m, 5 seeds): terrain
// following, pop-up and dive, released stand-off missiles, ballistic stages and decoys.
TEST(Ground, NoThreatUnderTheHillsOfTheThreatClassesScenario) {
  const Scenario s = load_scenario(SKYSHIELD_SOURCE_DIR "/scenarios/threat_classes.yaml",
                                   {parse_override("simulation.trajectory_sample_s=0.05")});
  BelowGround b;
  for (int seed = 1; seed <= 5; ++seed) check_run(s, static_cast<std::uint64_t>(seed), false, b);
  std::printf("threats over hills: %d samples, %d under the ground, deepest %.1f m %s\n", b.samples, b.below, b.worst_m,
              b.worst.c_str());
  EXPECT_GT(b.samples, 100000);
  EXPECT_EQ(b.below, 0) << "deepest " << b.worst_m << " m: " << b.worst;
}
