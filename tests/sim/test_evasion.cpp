// Issue 26, defect 8: evasion through the whole engine. In tests/scenario/data/minimal.yaml (seed 7)
// the strike fighter used to turn away and dive to 30 m whenever a medium-range round closed to 15 km,
// for the whole run. Its breaks are now bounded (library strike_fighter: 2 breaks of 20 s, floor
// 300 m above the ground, presses on inside 30 km of its release point): it stays above the floor and
// its flight ends (release point reached, or killed) before the run's 600 s hard stop.
#include <gtest/gtest.h>

#include <algorithm>

#include "scenario/loader.hpp"
#include "sim/engine.hpp"
#include "world/terrain.hpp"

using namespace skyshield;

TEST(Evasion, StrikeFighterBreaksABoundedNumberOfTimesThenPressesOn) {
  const Scenario s = load_scenario(SKYSHIELD_SOURCE_DIR "/tests/scenario/data/minimal.yaml",
                                   {parse_override("simulation.trajectory_sample_s=0.05")});
  const RunRecord r = run_scenario(s);
  const ThreatRecord* jet = nullptr;
  for (const ThreatRecord& t : r.threats)
    if (t.name == "jet") jet = &t;
  ASSERT_NE(jet, nullptr);
  EXPECT_NE(jet->outcome, "active");
  // Its flight ends (killed, or release point reached after at most two 20 s breaks: 130 km at
  // 270 m/s is ~480 s, plus the breaks) before the hard stop; the old endless evasion kept it "active" to the end.
  EXPECT_LT(jet->outcome_time_s, s.sim.duration_s - 1.0);
  const Terrain ground(s.terrain);
  const ThreatType& type = s.threat_types[s.threats[0].type_index];
  double lowest_agl = 1e9;
  for (const Trajectory& tr : r.trajectories)
    if (tr.name == "jet")
      for (const TrajectorySample& p : tr.samples) lowest_agl = std::min(lowest_agl, p.p.alt_m - ground.height(p.p));
  // The evasion floor (1 m: one step of the clamp), never the old 30 m dive.
  EXPECT_GE(lowest_agl, type.air.evasion.floor_agl_m - 1.0);
}
