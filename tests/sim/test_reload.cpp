// Reload from the battalion magazine, end to end (tests/sim/data/reload.yaml): a two-tube launcher
// that has emptied its tubes fires again no earlier than the reload time after its last launch, and
// never fires more than its tubes plus the magazine's stock.
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "scenario/loader.hpp"
#include "sim/engine.hpp"

namespace skyshield {
namespace {

TEST(Reload, AnEmptiedLauncherFiresAgainNoEarlierThanTheReloadTime) {
  const Scenario s = load_scenario(SKYSHIELD_SOURCE_DIR "/tests/sim/data/reload.yaml");
  ASSERT_EQ(s.battalions.size(), 1u);
  const double reload_s = s.battalions[0].magazine.reload_time_s;  // 120 s in the file
  const RunRecord r = run_scenario(s);
  std::vector<double> launches;
  for (const InterceptorRecord& i : r.interceptors) launches.push_back(i.launch_time_s);
  std::sort(launches.begin(), launches.end());
  ASSERT_GE(launches.size(), 3u) << "the launcher must empty and fire again";
  EXPECT_LE(launches.size(), 2u + 4u);  // tubes + stock
  // Tubes 1-2, then each further pair only after a reload.
  for (std::size_t k = 2; k < launches.size(); k += 2) EXPECT_GE(launches[k] - launches[k - 1], reload_s) << "launch " << k + 1;
  int reloads = 0, reloaded = 0;
  for (const Event& e : r.events) {
    reloads += e.type == EventType::Reload;
    reloaded += e.type == EventType::Reloaded;
  }
  EXPECT_GE(reloads, 1);
  EXPECT_LE(reloaded, reloads);
  EXPECT_EQ(r.magazine_remaining + static_cast<int>(launches.size()) + r.rounds_remaining, 2 + 4);
}

}  // namespace
}  // namespace skyshield
