// Seeker jamming through the engine (docs/sead.md "Seeker jamming and home-on-jam"), on
// tests/sim/data/seeker_gate_pull_off.yaml: a fighter whose repeater covers only the active seekers'
// Ku band. The battalion's radars are not deceived and it engages; the round's seeker (the library
// medium_range without home-on-jam) has its gates pulled off and breaks lock at the end of each pull
// (seeker_break_lock events, reason deception), while the uplink carries the guidance between locks;
// with the library class (home_on_jam: true) the seeker homes on the repeater and never breaks.
#include <gtest/gtest.h>

#include <string>

#include "scenario/loader.hpp"
#include "sim/engine.hpp"

namespace skyshield {
namespace {

const std::string kFile = SKYSHIELD_SOURCE_DIR "/tests/sim/data/seeker_gate_pull_off.yaml";

struct SeekerEvents {
  int launches = 0, deception_breaks = 0;
};

SeekerEvents seeker_events(const RunRecord& r) {
  SeekerEvents s;
  for (const Event& e : r.events) {
    s.launches += e.type == EventType::Launch;
    if (e.type != EventType::SeekerBreakLock) continue;
    EXPECT_EQ(e.target, "jet");
    EXPECT_EQ(e.layer, "MR");
    EXPECT_EQ(e.detail.rfind("deception:", 0), 0u) << e.detail;
    ++s.deception_breaks;
  }
  return s;
}

TEST(SeekerJammingScenario, GatePullOffBreaksTheSeekerLockWithoutHomeOnJamOnly) {
  const SeekerEvents plain = seeker_events(run_scenario(load_scenario(kFile)));
  ASSERT_GE(plain.launches, 1);
  EXPECT_GE(plain.deception_breaks, 2);  // seed 3: seven, one per 4.16 s cycle of terminal homing
  const SeekerEvents hoj = seeker_events(run_scenario(load_scenario(kFile, {{"battalions[0].launchers[0].class", "medium_range"}})));
  ASSERT_GE(hoj.launches, 1);
  EXPECT_EQ(hoj.deception_breaks, 0);
}

}  // namespace
}  // namespace skyshield
