// The radar horizon through the whole engine: a cruise missile at 30 m over the sea is first detected
// no earlier than the 4/3-earth horizon allows (d = sqrt(2 k R ha) + sqrt(2 k R ht); Skolnik 3rd ed.
// sec. 8.2), and soon after it rises above it (its SNR there is high).
#include <gtest/gtest.h>

#include <algorithm>

#include "scenario/loader.hpp"
#include "sensors/horizon.hpp"
#include "sim/engine.hpp"

using namespace skyshield;

TEST(RadarHorizon, SeaSkimmerFirstSeenAtTheHorizon) {
  const Scenario s = load_scenario(SKYSHIELD_SOURCE_DIR "/tests/sim/data/sea_skimmer.yaml");
  const RunRecord r = run_scenario(s);
  ASSERT_EQ(r.threats.size(), 1u);
  const ThreatRecord& t = r.threats[0];
  ASSERT_GE(t.first_detection_s, 0.0);
  const Trajectory* traj = nullptr;
  for (const Trajectory& tr : r.trajectories)
    if (tr.name == "skimmer") traj = &tr;
  ASSERT_NE(traj, nullptr);
  // Position at the first detection (the last sample at or before it; samples every 0.5 s = 125 m).
  TrajectorySample at = traj->samples.front();
  for (const TrajectorySample& p : traj->samples)
    if (p.t <= t.first_detection_s + 1e-9) at = p;
  EXPECT_NEAR(at.p.alt_m, 30.0, 1.0);
  // Some radar had it above its horizon (within one trajectory sample of flight, 125 m), and the best
  // placed one saw it soon after it rose: within 10 % of its horizon range (its SNR there is high).
  const double slack = 250.0 * 0.5 + 1.0;
  bool above_some_horizon = false;
  double closest_fraction = 1e9;
  for (const RadarSite& site : s.battalions[0].radars) {
    Geodetic antenna = site.site;
    antenna.alt_m += s.radar_types[site.type_index].antenna_height_m;
    const double ground = geodesic_inverse(antenna, at.p).distance_m;
    const double limit = radar_horizon_range_m(antenna.alt_m, at.p.alt_m);
    above_some_horizon = above_some_horizon || ground <= limit + slack;
    closest_fraction = std::min(closest_fraction, ground / limit);
  }
  EXPECT_TRUE(above_some_horizon);
  EXPECT_GE(closest_fraction, 0.9);
}
