// simulation.fidelity (scenario/fidelity.hpp): full unless the scenario or an override says fast;
// anything else is refused naming the file, line, column and field.
#include <gtest/gtest.h>

#include <string>

#include "core/error.hpp"
#include "scenario/loader.hpp"

namespace skyshield {
namespace {

const std::string kMinimal = SKYSHIELD_SCENARIO_DATA "/minimal.yaml";
const std::string kBad = SKYSHIELD_SOURCE_DIR "/tests/bad-scenarios/fidelity_medium.yaml";

TEST(Fidelity, FullUnlessSaidFast) {
  EXPECT_EQ(load_scenario(kMinimal).sim.fidelity, Fidelity::Full);
  EXPECT_EQ(load_scenario(kMinimal, {{"simulation.fidelity", "fast"}}).sim.fidelity, Fidelity::Fast);
  EXPECT_EQ(load_scenario(kMinimal, {{"simulation.fidelity", "full"}}).sim.fidelity, Fidelity::Full);
}

TEST(Fidelity, WordsRoundTrip) {
  EXPECT_EQ(fidelity_from_string("fast"), Fidelity::Fast);
  EXPECT_EQ(fidelity_from_string("full"), Fidelity::Full);
  EXPECT_FALSE(fidelity_from_string("Fast"));
  EXPECT_FALSE(fidelity_from_string(""));
  EXPECT_STREQ(to_string(Fidelity::Fast), "fast");
  EXPECT_STREQ(to_string(Fidelity::Full), "full");
}

TEST(Fidelity, UnknownWordNamesFileLineAndField) {
  std::string got;
  try {
    load_scenario(kBad);
  } catch (const InputError& e) {
    got = e.what();
  }
  EXPECT_EQ(got, kBad + ":8:13: simulation.fidelity: must be full or fast (got 'medium')");
}

TEST(Fidelity, UnknownWordOnTheCommandLineNamesTheParameter) {
  std::string got;
  try {
    load_scenario(kMinimal, {{"simulation.fidelity", "medium"}});
  } catch (const InputError& e) {
    got = e.what();
  }
  EXPECT_NE(got.find("simulation.fidelity"), std::string::npos) << got;
  EXPECT_NE(got.find("must be full or fast (got 'medium')"), std::string::npos) << got;
}

}  // namespace
}  // namespace skyshield
