// Command-line overrides of scenario fields (used by sweeps): values land where the path says and
// are validated like the file's own; bad paths get an error naming the path.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "scenario/loader.hpp"

namespace skyshield {
namespace {

const std::string kMinimal = SKYSHIELD_SOURCE_DIR "/tests/scenario/data/minimal.yaml";

TEST(Overrides, SetFieldsThroughMapsAndLists) {
  const Scenario base = load_scenario(kMinimal);
  const Scenario s = load_scenario(kMinimal, {{"threats[1].launch_time_s", "25"}, {"simulation.step_s", "0.02"},
                                             {"threats[0].count", "3"}});
  EXPECT_DOUBLE_EQ(s.sim.step_s, 0.02);
  EXPECT_EQ(s.threats.size(), base.threats.size() + 2);  // the jet now comes three times
  bool found = false;
  for (const ThreatSpec& t : s.threats)
    if (t.name.rfind("srbm", 0) == 0) {
      EXPECT_DOUBLE_EQ(t.launch_time_s, 25.0);
      found = true;
    }
  EXPECT_TRUE(found);
}

std::string error_of(const std::vector<Override>& ov) {
  try {
    load_scenario(kMinimal, ov);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(Overrides, ErrorsNameThePath) {
  EXPECT_NE(error_of({{"threats[7].count", "2"}}).find("--param threats[7].count: 'threats' has 2 elements"), std::string::npos);
  EXPECT_NE(error_of({{"simulation[0]", "2"}}).find("is not a list"), std::string::npos);
  EXPECT_NE(error_of({{"nothing.step_s", "2"}}).find("no field 'nothing'"), std::string::npos);
  EXPECT_NE(error_of({{"threats[0].count", "0"}}).find("threats[0].count: must be between"), std::string::npos);
  EXPECT_NE(error_of({{"threats[0].speed", "2"}}).find("unknown field 'speed'"), std::string::npos);
  EXPECT_THROW(parse_override("no-equals-sign"), InputError);
  EXPECT_EQ(parse_override("a.b[2]=x=y").value, "x=y");
}

}  // namespace
}  // namespace skyshield
