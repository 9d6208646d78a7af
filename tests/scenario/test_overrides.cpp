// Command-line overrides of scenario fields (used by sweeps): values land where the path says and
// are validated like the file's own; bad paths get an error naming the path.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "scenario/loader.hpp"
#include "scenario/overrides.hpp"

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
  EXPECT_NE(error_of({{"threats[0].count", "0"}}).find("--param threats[0].count=0 (" + kMinimal + ", threats[0].count): must be between"),
            std::string::npos);
  EXPECT_NE(error_of({{"threats[0].speed", "2"}}).find("unknown field 'speed'"), std::string::npos);
  EXPECT_THROW(parse_override("no-equals-sign"), InputError);
  EXPECT_EQ(parse_override("a.b[2]=x=y").value, "x=y");
}

TEST(Overrides, ListElementsByName) {
  // minimal.yaml's threats are [jet, srbm]: threats[jet] is threats[0].
  const Scenario by_index = load_scenario(kMinimal, {{"threats[0].count", "3"}, {"threats[1].launch_time_s", "25"}});
  const Scenario by_name = load_scenario(kMinimal, {{"threats[jet].count", "3"}, {"threats[srbm].launch_time_s", "25"}});
  ASSERT_EQ(by_name.threats.size(), by_index.threats.size());
  for (std::size_t k = 0; k < by_name.threats.size(); ++k) {
    EXPECT_EQ(by_name.threats[k].name, by_index.threats[k].name);
    EXPECT_EQ(by_name.threats[k].launch_time_s, by_index.threats[k].launch_time_s);
  }
  EXPECT_EQ(named_path(kMinimal, "threats[1].launch_time_s"), "threats[srbm].launch_time_s");
  EXPECT_EQ(named_path(kMinimal, "threats[jet].count"), "threats[jet].count");
  EXPECT_EQ(named_path(kMinimal, "simulation.step_s"), "simulation.step_s");
  EXPECT_NE(error_of({{"threats[bomber].count", "2"}}).find("--param threats[bomber].count: 'threats' has no element named 'bomber' (names: jet, srbm)"),
            std::string::npos)
      << error_of({{"threats[bomber].count", "2"}});
}

TEST(Overrides, ABadValueNamesTheParameterNotALineOfTheFile) {
  // The value comes from the command line: "minimal.yaml:1:1" would point at nothing.
  const std::string e = error_of({{"threats[jet].count", "abc"}});
  EXPECT_EQ(e.rfind("--param threats[jet].count=abc (" + kMinimal + ", threats[0].count): must be an integer (got 'abc')", 0), 0u) << e;
  EXPECT_EQ(e.find(":1:1:"), std::string::npos) << e;
  // A field inside an overridden map is named under it.
  const std::string m = error_of({{"simulation", "{step_s: -1, duration_s: 100}"}});
  EXPECT_EQ(m.rfind("--param simulation={step_s: -1, duration_s: 100} (" + kMinimal + ", simulation.step_s): ", 0), 0u) << m;
  // Errors elsewhere in the file keep their file:line:column.
  EXPECT_EQ(error_of({{"threats[jet].count", "2"}}), "");
}

}  // namespace
}  // namespace skyshield
