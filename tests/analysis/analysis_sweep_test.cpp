// Sweeps: one Monte Carlo batch per combination (first parameter slowest), the parameters applied,
// the same results for any thread count.
#include <gtest/gtest.h>

#include "analysis/sweep.hpp"
#include "core/error.hpp"

namespace skyshield {
namespace {

const std::string kMinimal = SKYSHIELD_SOURCE_DIR "/tests/scenario/data/minimal.yaml";

TEST(Sweep, CartesianProductInOrderWithParametersApplied) {
  const std::vector<SweepParam> params{parse_sweep_param("threats[0].count=1,2"), parse_sweep_param("simulation.step_s=0.05,0.04")};
  ASSERT_EQ(params[0].values.size(), 2u);
  const std::vector<SweepPoint> pts = run_sweep(kMinimal, params, 2, 2, 3);
  ASSERT_EQ(pts.size(), 4u);
  const std::vector<std::vector<std::string>> order{{"1", "0.05"}, {"1", "0.04"}, {"2", "0.05"}, {"2", "0.04"}};
  for (std::size_t k = 0; k < 4; ++k) {
    EXPECT_EQ(pts[k].values, order[k]);
    int threats = 0;
    for (int c : pts[k].result.rows[0].count) threats += c;
    EXPECT_EQ(threats, pts[k].values[0] == "1" ? 2 : 3);  // the jet count plus the SRBM
  }
  const std::vector<SweepPoint> one_thread = run_sweep(kMinimal, params, 2, 1, 3);
  EXPECT_EQ(sweep_csv(params, pts), sweep_csv(params, one_thread));
  EXPECT_EQ(sweep_svg(params, pts), sweep_svg(params, one_thread));
}

TEST(Sweep, BadValuesFailBeforeAnyRun) {
  const std::vector<SweepParam> params{parse_sweep_param("threats[0].count=1,-1")};
  try {
    run_sweep(kMinimal, params, 1000000, 1, 3);  // would take hours if it ran before validating
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("at sweep point threats[0].count=-1"), std::string::npos) << e.what();
  }
  EXPECT_THROW(parse_sweep_param("threats[0].count=1,,2"), InputError);
}

}  // namespace
}  // namespace skyshield
