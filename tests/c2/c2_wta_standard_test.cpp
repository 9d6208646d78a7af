// The standard benchmark layout "W T mi" of WTA instances: read natively (told apart from the dense
// layout by the first line), copies kept as counts, malformed files refused with file:line and field.
#include <gtest/gtest.h>

#include "c2/wta_instance.hpp"
#include "c2/wta_solvers.hpp"
#include "core/error.hpp"

namespace skyshield {
namespace {

const std::string kData = SKYSHIELD_SOURCE_DIR "/tests/c2/data/";

std::string error_of(const std::string& file) {
  try {
    read_wta_instance(kData + file);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(WtaStandardLayout, HandInstanceWithCopiesSolvesToItsHandOptimum) {
  const WtaProblem p = read_wta_instance(kData + "hand_2x2x2.std.wta");
  ASSERT_EQ(p.pk.rows(), 2);
  ASSERT_EQ(p.copies, (std::vector<int>{2, 2}));
  EXPECT_DOUBLE_EQ(p.pk(0, 1), 0.9);
  EXPECT_DOUBLE_EQ(p.pk(1, 0), 0.6);
  // By hand over the 9 splits of the copies: type 1 one on each target, type 2 both on target 1:
  // 10 * 0.5 * 0.4^2 + 4 * 0.1 = 1.2 (every other split is worse, e.g. 2/0 and 2/0: 4.4).
  for (WtaSolver s : {WtaSolver::Exact, WtaSolver::Heuristic}) {
    const WtaResult r = solve_wta(p, s);
    EXPECT_NEAR(r.value, 1.2, 1e-12) << to_string(s);
    EXPECT_EQ(r.assignment.size(), 4u);
  }
  EXPECT_TRUE(solve_wta(p, WtaSolver::Exact).optimal);
  EXPECT_NEAR(wta_surviving_value(p, wta_brute_force(p)), 1.2, 1e-12);
}

TEST(WtaStandardLayout, MalformedFilesNameLineAndField) {
  EXPECT_EQ(error_of("bad_std_pk.wta"), kData + "bad_std_pk.wta:5: kill probability of weapon type 1 on target 2: must be in [0, 1] (got 1.5)");
  EXPECT_EQ(error_of("bad_std_missing.wta"),
            kData + "bad_std_missing.wta:6: kill probability of weapon type 2 on target 2: missing (the file ends after 3 of the 4 'i j p' lines)");
  EXPECT_EQ(error_of("bad_std_type.wta"), kData + "bad_std_type.wta:6: weapon type: must be an integer from 1 to 2 (got 3)");
  EXPECT_EQ(error_of("bad_std_twice.wta"), kData + "bad_std_twice.wta:6: weapon type 1 on target 1: given twice (first on line 4)");
}

TEST(WtaStandardLayout, RoundTripOfAGeneratedFamilyInstance) {
  const WtaProblem p = generate_wta_instance(6, 12, 3, 2);
  ASSERT_EQ(p.copies, std::vector<int>(6, 2));
  const std::string path = ::testing::TempDir() + "skyshield_wta_std_roundtrip.wta";
  {
    std::FILE* f = std::fopen(path.c_str(), "w");
    ASSERT_NE(f, nullptr);
    const std::string text = format_wta_instance(p);
    std::fwrite(text.data(), 1, text.size(), f);
    std::fclose(f);
  }
  const WtaProblem back = read_wta_instance(path);
  EXPECT_EQ(back.copies, p.copies);
  EXPECT_EQ(back.value, p.value);
  EXPECT_TRUE(back.pk.isApprox(p.pk, 0.0));  // fmt prints the shortest exact representation
}

}  // namespace
}  // namespace skyshield
