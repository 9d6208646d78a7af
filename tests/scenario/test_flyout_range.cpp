// Maximum kinematic range of each interceptor class of the library, from the flyout physics alone
// (motors, drag through the US-1976 atmosphere, gravity, vertical launch, lofted PN guidance; no range
// clamp): the greatest ground range over altitudes at which the guided missile reaches a stationary
// point inside its lethal radius, faster than its minimum speed and within its flight time, must be
// within 10 % of the published range (Wikipedia "S-400 missile system": 40, 120, 250, 380 km); and
// the table fire control plans with agrees with the flights between its samples.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "scenario/loader.hpp"
#include "weapons/flyout/flyout_table.hpp"

namespace skyshield {
namespace {

TEST(FlyoutRange, EveryClassReachesItsPublishedRangeWithinTenPercent) {
  const Scenario s = load_scenario(std::string(SKYSHIELD_SOURCE_DIR) + "/scenarios/default.yaml");
  ASSERT_EQ(s.interceptor_classes.size(), 4u);
  for (const InterceptorClass& c : s.interceptor_classes) {
    const double reach = c.flyout->reach_m();
    EXPECT_NEAR(reach / c.max_range_m, 1.0, 0.10) << c.name << ": " << reach / 1e3 << " km";
    // The table's reach is the physics': a point just inside is reached, one 3 % beyond is not.
    const auto& rows = static_cast<const FlyoutTable&>(*c.flyout).rows();
    const auto best = std::max_element(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.reach_m < b.reach_m; });
    EXPECT_TRUE(simulate_flyout(c, 0.99 * best->reach_m, best->height_m).reached) << c.name;
    EXPECT_FALSE(simulate_flyout(c, 1.03 * best->reach_m, best->height_m).reached) << c.name;
  }
}

// Fire control trusts the table: every interval it marks reachable (both ends, the middle and the
// quarter points reached) is reached by the guided flight at a point the table did not sample too
// (3/8 of the interval), in every row of every class.
TEST(FlyoutRange, TheTableAgreesWithThePhysicsInsideTheReach) {
  const Scenario s = load_scenario(std::string(SKYSHIELD_SOURCE_DIR) + "/scenarios/default.yaml");
  int checked = 0;
  for (const InterceptorClass& c : s.interceptor_classes) {
    for (const FlyoutTable::Row& r : static_cast<const FlyoutTable&>(*c.flyout).rows()) {
      const int n = static_cast<int>(r.reachable.size());
      for (int j = 0; j + 1 < n; ++j) {
        if (!r.interval_ok[j]) continue;
        const double x = r.reach_m * (j + 0.375) / (n - 1);
        EXPECT_TRUE(simulate_flyout(c, x, r.height_m).reached) << c.name << " at " << x / 1e3 << " km, " << r.height_m << " m";
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 500);  // 4 classes x ~9 heights x ~19 intervals, less the holes
}

}  // namespace
}  // namespace skyshield
