// Regiments end to end on the two battalions of tests/sim/data/radar_loss.yaml (no radar lost here):
// a regiment command post decides for its battalions, and a battalion cut off from it decides alone.
#include <gtest/gtest.h>

#include <cmath>

#include "scenario/loader.hpp"
#include "sim/engine.hpp"

namespace skyshield {
namespace {

const std::string kScenario = SKYSHIELD_SOURCE_DIR "/tests/sim/data/radar_loss.yaml";

int fired_by(const RunRecord& r, const std::string& battalion, double after_s = -1.0) {
  int n = 0;
  for (const InterceptorRecord& i : r.interceptors) n += i.battalion == battalion && i.launch_time_s > after_s ? 1 : 0;
  return n;
}

RunRecord run(const std::string& regiments) {
  std::vector<Override> o{{"battalions[1].radars[1].fails_at_s", "1e7"}};  // no radar lost
  if (!regiments.empty()) o.push_back({"regiments", regiments});
  return run_scenario(load_scenario(kScenario, o));
}

TEST(Regiments, CutOffBattalionsRevertToTheirOwnDoctrine) {
  // Both links cut at 0: the battalions decide alone exactly as without a regiment (same launches).
  const RunRecord alone = run("");
  const RunRecord cut =
      run("[{name: r, battalions: [west, east], decision_period_s: 60, links: [{battalion: west, cut_at_s: 0}, {battalion: east, cut_at_s: 0}]}]");
  ASSERT_GT(alone.interceptors.size(), 0u);
  ASSERT_EQ(cut.interceptors.size(), alone.interceptors.size());
  for (std::size_t k = 0; k < alone.interceptors.size(); ++k) {
    EXPECT_EQ(cut.interceptors[k].battalion, alone.interceptors[k].battalion) << k;
    EXPECT_EQ(cut.interceptors[k].launch_time_s, alone.interceptors[k].launch_time_s) << k;
  }
  // East cut at 200 s from a regiment that decides once a minute: before 200 s east fires only on
  // the regiment's minute marks, after it on its own every-second decisions.
  const RunRecord late = run("[{name: r, battalions: [west, east], decision_period_s: 60, links: [{battalion: east, cut_at_s: 200}]}]");
  for (const Event& e : late.events)
    if (e.type == EventType::Assign && e.t < 200.0) {
      EXPECT_NEAR(std::remainder(e.t, 60.0), 0.0, 0.06) << e.entity << " at " << e.t;
    }
}

TEST(Regiments, JointDecisionsFireBothBattalions) {
  const RunRecord joint = run("[{name: r, battalions: [west, east], decision_period_s: 1, wta_solver: exact}]");
  EXPECT_GT(fired_by(joint, "west"), 0);
  EXPECT_GT(fired_by(joint, "east"), 0);
}

TEST(Regiments, OrdersReachTheBattalionsAfterTheLinkLatency) {
  // Every launch of a battalion under the regiment comes link_latency_s after the launcher's
  // reaction time from the order (the Assign event's time): 5 s reaction (the launchers' default,
  // weapons/launcher.hpp) + 4 s.
  const RunRecord r = run("[{name: r, battalions: [west, east], decision_period_s: 1, link_latency_s: 4}]");
  int checked = 0;
  for (const Event& e : r.events) {
    if (e.type != EventType::Assign) continue;
    const std::size_t at = e.detail.find("launch at ");
    ASSERT_NE(at, std::string::npos) << e.detail;
    const double launch = std::stod(e.detail.substr(at + 10));
    EXPECT_NEAR(launch - e.t, 9.0, 0.006) << e.detail;  // the detail rounds to 0.01 s
    ++checked;
  }
  EXPECT_GT(checked, 0);
}

}  // namespace
}  // namespace skyshield

namespace skyshield {
namespace {

TEST(Regiments, LostOrderMessagesAreNeverFired) {
  const RunRecord r = run("[{name: r, battalions: [west, east], decision_period_s: 1, order_loss: 1.0}]");
  EXPECT_EQ(fired_by(r, "west") + fired_by(r, "east"), 0);
  const RunRecord half = run("[{name: r, battalions: [west, east], decision_period_s: 1, order_loss: 0.5}]");
  EXPECT_GT(fired_by(half, "west") + fired_by(half, "east"), 0);
}

}  // namespace
}  // namespace skyshield
