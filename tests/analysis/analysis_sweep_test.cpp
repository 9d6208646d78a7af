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
    EXPECT_NE(std::string(e.what()).find("at sweep point threats[jet].count=-1"), std::string::npos) << e.what();
    EXPECT_EQ(std::string(e.what()).rfind("--param threats[0].count=-1 (", 0), 0u) << e.what();
  }
  EXPECT_THROW(parse_sweep_param("threats[0].count=1,,2"), InputError);
}

TEST(Sweep, PathsByNameRunAndLabelByName) {
  // threats[jet] is threats[0] in minimal.yaml: the same batch, the table and csv name the element.
  std::vector<SweepParam> by_index{parse_sweep_param("threats[0].count=1,2")};
  std::vector<SweepParam> by_name{parse_sweep_param("threats[jet].count=1,2")};
  const std::vector<SweepPoint> a = run_sweep(kMinimal, by_index, 2, 1, 3);
  const std::vector<SweepPoint> b = run_sweep(kMinimal, by_name, 2, 1, 3);
  name_sweep_params(kMinimal, by_index);
  name_sweep_params(kMinimal, by_name);
  EXPECT_EQ(by_index[0].label, "threats[jet].count");
  EXPECT_EQ(sweep_csv(by_index, a), sweep_csv(by_name, b));
  EXPECT_EQ(sweep_csv(by_index, a).rfind("threats[jet].count,runs,", 0), 0u) << sweep_csv(by_index, a);
  EXPECT_NE(sweep_table(by_index, a).find("threats[jet].count=2"), std::string::npos);
  EXPECT_NE(sweep_svg(by_index, a).find("threats[jet].count"), std::string::npos);
}

}  // namespace
}  // namespace skyshield
