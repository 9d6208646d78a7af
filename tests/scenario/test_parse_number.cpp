// core/parse_number.hpp: only plain decimal text is a number. The expected values are the C++
// literals of the same text (the compiler's own decimal reading is the reference).
#include <gtest/gtest.h>

#include <limits>

#include "core/parse_number.hpp"

namespace skyshield {
namespace {

TEST(ParseNumber, PlainDecimalFormsAreRead) {
  EXPECT_EQ(parse_finite_number("12"), 12.0);
  EXPECT_EQ(parse_finite_number("-0.25"), -0.25);
  EXPECT_EQ(parse_finite_number("+5"), 5.0);
  EXPECT_EQ(parse_finite_number(".5"), .5);
  EXPECT_EQ(parse_finite_number("5."), 5.);
  EXPECT_EQ(parse_finite_number("1e-3"), 1e-3);
  EXPECT_EQ(parse_finite_number("6.02E+23"), 6.02E+23);
  EXPECT_EQ(parse_finite_number("0.1"), 0.1);  // correctly rounded, as the literal
}

TEST(ParseNumber, OtherBasesSpacesAndNonFiniteAreNot) {
  // std::stod (the old reading) took "0x10" as 16, " 0x10" as 16 and "0x1p3" as 8.
  for (const char* t : {"0x10", "0X1A", "0x1p3", " 0x10", "5 ", " 5", " \t-2.5", " ", "", "+", "-", ".", "e5", "5e", "1e+", "inf", "-infinity", "nan",
                        "1e400", "1,5", "1_000", "--5", "+-5", "5..0", "1.2.3", "0b11"})
    EXPECT_FALSE(parse_finite_number(t).has_value()) << "'" << t << "'";
}

TEST(ParseNumber, IntegersAreDecimalDigitsOnly) {
  EXPECT_EQ(parse_decimal_integer("10"), 10);
  EXPECT_EQ(parse_decimal_integer("-3"), -3);
  EXPECT_EQ(parse_decimal_integer("+7"), 7);
  EXPECT_EQ(parse_decimal_integer("9223372036854775807"), std::numeric_limits<long long>::max());
  for (const char* t : {"0x10", "1e3", "4.5", "", "+", " 1", "1 ", "9223372036854775808", "0o7", "four"})
    EXPECT_FALSE(parse_decimal_integer(t).has_value()) << "'" << t << "'";
}

TEST(ParseNumber, ALeadingZeroBeforeADigitIsFlagged) {
  // YAML 1.1 reads "010" as octal 8, YAML 1.2 as 10: the loader refuses it as ambiguous.
  for (const char* t : {"010", "-07", "+00", "05.0"}) EXPECT_TRUE(has_leading_zero(t)) << t;
  for (const char* t : {"0", "0.5", "-0.5", "10", "0e3", "+0"}) EXPECT_FALSE(has_leading_zero(t)) << t;
}

}  // namespace
}  // namespace skyshield
