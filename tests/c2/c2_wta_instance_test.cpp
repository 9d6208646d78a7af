// WTA instance files: the documented text layout round-trips, a hand instance solves to its known
// optimum, malformed files name file, line and field; the generator follows Ahuja et al. (2007).
#include <gtest/gtest.h>

#include "c2/wta_instance.hpp"
#include "c2/wta_solvers.hpp"
#include "core/error.hpp"

namespace skyshield {
namespace {

const std::string kData = SKYSHIELD_SOURCE_DIR "/tests/c2/data/";

TEST(WtaInstance, HandInstanceSolvesToItsKnownOptimum) {
  const WtaProblem p = read_wta_instance(kData + "hand_2x2.wta");
  ASSERT_EQ(p.pk.rows(), 2);
  ASSERT_EQ(p.value.size(), 2u);
  const WtaResult r = solve_wta(p, WtaSolver::Exact);
  EXPECT_TRUE(r.optimal);
  EXPECT_NEAR(r.value, 4.4, 1e-12);  // 4 * (1 - 0.9) + 10 * (1 - 0.6)
  EXPECT_EQ(r.assignment, (std::vector<int>{1, 0}));
}

std::string error_of(const std::string& file) {
  try {
    read_wta_instance(kData + file);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(WtaInstance, MalformedFilesNameLineAndField) {
  EXPECT_NE(error_of("bad_pk.wta").find("bad_pk.wta:3: kill probability of weapon 1 on target 2: must be in [0, 1]"), std::string::npos)
      << error_of("bad_pk.wta");
  EXPECT_NE(error_of("bad_short.wta").find("bad_short.wta:4: kill probability: the file ends early"), std::string::npos)
      << error_of("bad_short.wta");
  EXPECT_NE(error_of("bad_word.wta").find("bad_word.wta:2: target value: not a decimal number: 'four'"), std::string::npos)
      << error_of("bad_word.wta");
  EXPECT_NE(error_of("missing.wta").find("cannot open"), std::string::npos);
}

TEST(WtaInstance, GeneratorRangesAndRoundTrip) {
  const WtaProblem p = generate_wta_instance(30, 20, 4);
  for (double v : p.value) {
    EXPECT_GE(v, 25.0);
    EXPECT_LT(v, 100.0);
  }
  EXPECT_GE(p.pk.minCoeff(), 0.6);
  EXPECT_LT(p.pk.maxCoeff(), 0.9);
  EXPECT_EQ(format_wta_instance(generate_wta_instance(30, 20, 4)), format_wta_instance(p));  // deterministic
  EXPECT_NE(format_wta_instance(generate_wta_instance(30, 20, 5)), format_wta_instance(p));
}

}  // namespace
}  // namespace skyshield
