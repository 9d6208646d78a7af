// A new track's velocity sigma follows the tracker's maximum speed when the scenario gives none
// (scenario/loader.cpp, issue 28): the initiation gate then takes the fastest object the tracker keeps.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "scenario/loader.hpp"
#include "tracking/tracker.hpp"

#include "../tracking/full_circle_look.hpp"

using namespace skyshield;

namespace {
const std::string kData = SKYSHIELD_SCENARIO_DATA;

// Detections of one object flying level at `speed` m/s, looked at every second from the radar's site:
// the number of confirmed tracks after ten looks.
int confirmed_after_ten_looks(const TrackerParams& p, double speed) {
  const LocalFrame frame{Geodetic{-25.0, 135.0, 150.0}};
  Tracker tracker{frame, p};
  for (int k = 0; k < 10; ++k) {
    const double t = k;
    // Noise-free: the gate alone decides.
    tracker.process(test::full_circle_look(frame, t, {range_az_el_from_enu(Vec3(60e3 - speed * t, 80e3, 30e3))}));
  }
  int n = 0;
  for (const Track& tr : tracker.tracks()) n += tr.status == TrackStatus::Confirmed;
  return n;
}
}  // namespace

TEST(TrackerDefaults, InitVelocitySigmaFollowsTheMaximumSpeed) {
  // No tracker block: the tracker's defaults (max_speed_mps 5,000, gate_chi2 16.27, the 3-dof 99.9 %
  // chi-square point) give sigma_v = 5000 / sqrt(16.27) = 1239.6 m/s.
  const Scenario s = load_scenario(kData + "/minimal.yaml");
  EXPECT_NEAR(s.battalions[0].tracker.init_velocity_sigma_mps, 5000.0 / std::sqrt(16.27), 1e-9);
  // max_speed_mps 8,000 and no init_velocity_sigma_mps: 8000 / sqrt(16.27) = 1983.3 m/s.
  const Scenario fast = load_scenario(kData + "/tracker_max_speed.yaml");
  EXPECT_NEAR(fast.battalions[0].tracker.init_velocity_sigma_mps, 8000.0 / std::sqrt(16.27), 1e-9);
}

TEST(TrackerDefaults, AnIrbmReentrySpeedObjectBecomesATrackWithTheDefaults) {
  // An IRBM RV re-enters at ~4.5 km/s (docs/bmd.md). The second detection, 4.5 km from the first
  // after 1 s, lies (4500 / sigma_v)^2 from it in the gate's chi-square: 20.3 > 16.27 with the old
  // fixed 1,000 m/s (never a track), 13.2 < 16.27 with 1,239.6 m/s.
  const Scenario s = load_scenario(kData + "/minimal.yaml");
  EXPECT_EQ(confirmed_after_ten_looks(s.battalions[0].tracker, 4500.0), 1);
  // And an object at 6 km/s, beyond the tracker's 5 km/s, still does not (deleted as too fast).
  EXPECT_EQ(confirmed_after_ten_looks(s.battalions[0].tracker, 6000.0), 0);
}
