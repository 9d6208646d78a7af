// Numerical health: a run whose state turns non-finite fails at once, naming the entity and the time,
// instead of carrying NaN into the outputs. The NaN is injected after validation (the loader refuses
// non-finite numbers in files), as a model bug would produce it.
#include <gtest/gtest.h>

#include <limits>
#include <string>

#include "core/error.hpp"
#include "scenario/loader.hpp"
#include "sim/engine.hpp"

namespace skyshield {
namespace {

TEST(NumericalHealth, ANonFiniteThreatStateFailsTheRunNamingIt) {
  Scenario s = load_scenario(SKYSHIELD_SOURCE_DIR "/tests/sim/data/sea_skimmer.yaml");
  ASSERT_EQ(s.threats.size(), 1u);
  s.threats[0].route.front().alt_m = std::numeric_limits<double>::quiet_NaN();
  try {
    run_scenario(s);
    FAIL() << "the run went on from a NaN altitude";
  } catch (const NumericalError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("threat 'skimmer'"), std::string::npos) << what;
    EXPECT_NE(what.find("not finite"), std::string::npos) << what;
    EXPECT_EQ(what.rfind("t = ", 0), 0u) << what;
  }
}

TEST(NumericalHealth, AHealthyRunPassesTheCheck) {
  const Scenario s = load_scenario(SKYSHIELD_SOURCE_DIR "/tests/sim/data/sea_skimmer.yaml");
  EXPECT_NO_THROW(run_scenario(s));
}

}  // namespace
}  // namespace skyshield
