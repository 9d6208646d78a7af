// MaRVs and hypersonic glide vehicles against the default battalion (scenarios/manoeuvring_threats.yaml,
// issue 28): the defence treats them as ballistic targets (docs/envelopes.md) - each warhead is
// tracked, and is either engaged (rounds fired at it) or left with a named refusal; none is silently
// ignored. The glide vehicle is classified ballistic from its tracks (speed / altitude).
#include <gtest/gtest.h>

#include <string>

#include "record/summary.hpp"
#include "scenario/loader.hpp"
#include "sim/engine.hpp"

using namespace skyshield;

namespace {
const RunRecord& run() {
  static const RunRecord r = run_scenario(load_scenario(SKYSHIELD_SOURCE_DIR "/scenarios/manoeuvring_threats.yaml"));
  return r;
}
}  // namespace

TEST(ManoeuvringThreats, EveryWarheadTrackedAndEngagedOrRefusedWithAReason) {
  int warheads = 0, engaged = 0;
  for (const ThreatRecord& t : run().threats) {
    if (t.type != "hypersonic_glide_vehicle" && t.type != "manoeuvring_rv_ballistic") continue;
    SCOPED_TRACE(t.name);
    ++warheads;
    EXPECT_EQ(t.cls, ThreatClass::BallisticMissile);
    EXPECT_GE(t.first_track_s, 0.0) << "never tracked";
    EXPECT_TRUE(t.interceptors_fired > 0 || !t.refusals.empty()) << "neither engaged nor refused";
    EXPECT_NE(t.outcome, "active") << "still flying at the end";
    engaged += t.interceptors_fired > 0;
  }
  EXPECT_EQ(warheads, 4);
  EXPECT_GT(engaged, 0);
}
