// The schema recording (scenario/schema.hpp): loading a scenario under a recording notes what the
// loader checks. The expected ranges are the loader's own checks as written in src/scenario/loader.cpp
// (simulation.step_s in [1e-4, 1] s, default 0.05 s from scenario.hpp) and threat_parser.cpp
// (threats[].count an integer in [1, 10000], looked for with has()).
#include <gtest/gtest.h>

#include "scenario/loader.hpp"
#include "scenario/schema.hpp"

namespace skyshield {
namespace {

const std::string kMinimal = SKYSHIELD_SOURCE_DIR "/tests/scenario/data/minimal.yaml";

TEST(Schema, RecordsWhatTheLoaderChecks) {
  SchemaRecorder r;
  {
    const SchemaRecording on(r);
    load_scenario(kMinimal, {{"threats[jet].count", "2"}});  // minimal.yaml gives no count of its own
  }
  const auto& f = r.fields();
  ASSERT_TRUE(f.count("simulation.step_s"));
  EXPECT_EQ(f.at("simulation.step_s").kinds, std::set<std::string>{"number"});
  EXPECT_DOUBLE_EQ(f.at("simulation.step_s").lo, 1e-4);
  EXPECT_DOUBLE_EQ(f.at("simulation.step_s").hi, 1.0);
  EXPECT_TRUE(f.at("simulation.step_s").optional);
  ASSERT_TRUE(f.count("threats[].count"));
  EXPECT_EQ(f.at("threats[].count").kinds, std::set<std::string>{"integer"});
  EXPECT_DOUBLE_EQ(f.at("threats[].count").hi, 10000);
  EXPECT_TRUE(f.at("threats[].count").optional);  // has() then required(): not a required field
  ASSERT_TRUE(f.count("threats[].name"));
  EXPECT_TRUE(f.at("threats[].name").required);
  EXPECT_FALSE(f.at("threats[].name").optional);
  EXPECT_TRUE(f.at("threats[].name").kinds.count("name"));
  // Library entries are keyed by names the user chooses.
  bool named = false;
  for (const auto& [path, field] : f) named = named || path.rfind("threat_types.<name>.", 0) == 0;
  EXPECT_TRUE(named);
  const std::vector<std::string>& top = f.at("").allowed;
  EXPECT_NE(std::find(top.begin(), top.end(), "battalions"), top.end());
  const std::string md = schema_markdown(r, {"minimal.yaml"});
  EXPECT_NE(md.find("| `simulation.step_s` | number | no | 0.0001 … 1 | 0.05 |"), std::string::npos) << md.substr(0, 2000);
}

TEST(Schema, NothingIsRecordedWithoutARecording) {
  EXPECT_EQ(schema_recorder(), nullptr);
  SchemaRecorder r;
  {
    const SchemaRecording on(r);
    EXPECT_EQ(schema_recorder(), &r);
  }
  EXPECT_EQ(schema_recorder(), nullptr);
  load_scenario(kMinimal);
  EXPECT_TRUE(r.fields().empty());
}

}  // namespace
}  // namespace skyshield
