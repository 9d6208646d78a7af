// Friendly flights through the engine (docs/identification.md): fratricide counted on a scripted case
// (a friendly whose transponder has failed, under weapons free and tight, and one that answers), and
// determinism of the friendly side (same seed, same outputs; Monte Carlo whatever the threads).
#include <gtest/gtest.h>

#include "analysis/mc_report.hpp"
#include "analysis/monte_carlo.hpp"
#include "record/summary.hpp"
#include "record/writers.hpp"
#include "scenario/loader.hpp"
#include "sim/engine.hpp"

namespace skyshield {
namespace {

const std::string kCase = SKYSHIELD_SOURCE_DIR "/tests/sim/data/fratricide.yaml";

RunRecord run_case(const std::string& status, double failure, double reply = 1.0) {
  const Scenario s = load_scenario(kCase, {{"battalions[0].doctrine.weapons_control.default", status},
                                           {"friendlies[0].transponder_failure_probability", std::to_string(failure)},
                                           {"identification.iff.reply_probability", std::to_string(reply)}});
  return run_scenario(s);
}

const ThreatRecord& lost(const RunRecord& r) {
  for (const ThreatRecord& t : r.threats)
    if (t.name == "lost") return t;
  throw std::runtime_error("no friendly 'lost'");
}

TEST(Friendly, SilentFriendUnderWeaponsFreeIsShotDown) {
  // Its transponder failed: two interrogations without reply make it suspect (default table row 7),
  // and weapons free engages anything not identified friend.
  const RunRecord r = run_case("free", 1.0);
  const Summary s = summarize(r);
  EXPECT_EQ(lost(r).outcome, "killed");
  EXPECT_TRUE(lost(r).friendly);
  EXPECT_EQ(s.friendly.flights, 1);
  EXPECT_EQ(s.friendly.fratricide, 1);
  EXPECT_EQ(s.friendly.engaged, 1);
  EXPECT_EQ(s.friendly.rounds_at_friends, lost(r).interceptors_fired);
  EXPECT_GE(s.friendly.rounds_at_friends, 1);
  EXPECT_EQ(s.total.count, 0);  // friendlies are not threats
  EXPECT_NE(summary_json(r, s).find("\"fratricide\": 1"), std::string::npos);
  EXPECT_NE(summary_table(r, s).find("killed by our rounds (fratricide) 1"), std::string::npos);
}

TEST(Friendly, AnsweringFriendIsWithheldAndRecovers) {
  const RunRecord r = run_case("free", 0.0);
  const Summary s = summarize(r);
  EXPECT_EQ(lost(r).outcome, "recovered");
  EXPECT_EQ(lost(r).interceptors_fired, 0);
  EXPECT_GE(lost(r).refusals.at("weapons_control"), 1);  // a shot was possible; identified friend, withheld
  EXPECT_EQ(s.friendly.fratricide, 0);
  EXPECT_EQ(s.friendly.recovered, 1);
  EXPECT_EQ(s.interceptors.fired, 0);
}

TEST(Friendly, SilentFriendUnderWeaponsTightIsNotEngaged) {
  // Suspect is not hostile: weapons tight holds fire.
  const RunRecord r = run_case("tight", 1.0);
  EXPECT_EQ(lost(r).outcome, "recovered");
  EXPECT_EQ(summarize(r).friendly.fratricide, 0);
  EXPECT_EQ(summarize(r).interceptors.fired, 0);
}

TEST(Friendly, SameSeedSameOutputs) {
  const Scenario s = load_scenario(SKYSHIELD_SOURCE_DIR "/scenarios/friendly_traffic.yaml", {{"simulation.duration_s", "600"}});
  const RunRecord a = run_scenario(s), b = run_scenario(s);
  EXPECT_EQ(summary_json(a, summarize(a)), summary_json(b, summarize(b)));
  EXPECT_GT(summarize(a).friendly.flights, 0);
}

TEST(Friendly, MonteCarloWhateverTheThreads) {
  // Transponders fail half the time and replies come half the time: the draws matter.
  const Scenario s = load_scenario(kCase, {{"friendlies[0].transponder_failure_probability", "0.5"},
                                           {"identification.iff.reply_probability", "0.5"},
                                           {"simulation.duration_s", "400"}});
  const MonteCarloResult one = run_monte_carlo(s, 6, 1, 77), three = run_monte_carlo(s, 6, 3, 77);
  EXPECT_EQ(runs_csv(one), runs_csv(three));
  EXPECT_EQ(mc_json(one), mc_json(three));
  EXPECT_NE(mc_json(one).find("\"fratricide_per_run\""), std::string::npos);
}

}  // namespace
}  // namespace skyshield
