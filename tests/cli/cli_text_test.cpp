// The program's wording: the nearest subcommand to a mistyped one, counts and ordinals in English.
// References: edit distances worked by hand (kitten/sitting = 3, the textbook Levenshtein example;
// a swap of neighbours counts 1, Damerau 1964, so ca/ac = 1 and ca/abc = 3 in the restricted
// "optimal string alignment" form); English ordinal suffixes (11th-13th are exceptions to 1st/2nd/3rd).
#include <gtest/gtest.h>

#include "subcommand_hint.hpp"
#include "wording.hpp"

namespace skyshield {
namespace {

const std::vector<std::string> kNames{"run", "mc", "sweep", "wta", "radar-coverage", "envelope", "track", "bench", "view", "validate"};

TEST(CliText, EditDistanceByHand) {
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("sweep", "sweep"), 0u);
  EXPECT_EQ(edit_distance("swep", "sweep"), 1u);
  EXPECT_EQ(edit_distance("flaw", "lawn"), 2u);
  EXPECT_EQ(edit_distance("ca", "ac"), 1u);
  EXPECT_EQ(edit_distance("ca", "abc"), 3u);
  EXPECT_EQ(edit_distance("benhc", "bench"), 1u);
}

TEST(CliText, NearestSubcommand) {
  EXPECT_EQ(nearest_subcommand("simulate", kNames), "run");       // a synonym, not the nearest spelling (validate)
  EXPECT_EQ(nearest_subcommand("Monte-Carlo", kNames), "mc");
  EXPECT_EQ(nearest_subcommand("envelop", kNames), "envelope");
  EXPECT_EQ(nearest_subcommand("benhc", kNames), "bench");
  EXPECT_EQ(nearest_subcommand("coverage", kNames), "radar-coverage");
  EXPECT_EQ(nearest_subcommand("frobnicate", kNames), std::nullopt);
  EXPECT_EQ(unknown_subcommand_error("run", kNames), std::nullopt);
  EXPECT_EQ(unknown_subcommand_error("--help", kNames), std::nullopt);
  EXPECT_EQ(unknown_subcommand_error("swep", kNames).value().rfind("unknown subcommand 'swep': did you mean 'sweep'?", 0), 0u);
}

TEST(CliText, CountsAndOrdinals) {
  EXPECT_EQ(count_of(1, "battalion"), "1 battalion");
  EXPECT_EQ(count_of(0, "battalion"), "0 battalions");
  EXPECT_EQ(count_of(2, "interceptor class"), "2 interceptor classes");
  EXPECT_EQ(count_of(3, "box"), "3 boxes");
  const std::pair<long long, const char*> ordinals[] = {{1, "1st"},   {2, "2nd"},   {3, "3rd"},     {4, "4th"},   {11, "11th"},
                                                        {12, "12th"}, {13, "13th"}, {21, "21st"},   {22, "22nd"}, {23, "23rd"},
                                                        {101, "101st"}, {111, "111th"}, {112, "112th"}, {1000, "1000th"}};
  for (const auto& [n, text] : ordinals) EXPECT_EQ(ordinal(n), text);
}

}  // namespace
}  // namespace skyshield
