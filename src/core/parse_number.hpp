#pragma once
// A whole token read as a finite decimal number, for the hand-read text formats (detection and truth
// CSV, WTA instances, elevation grids): nullopt when the token is empty, has leading or trailing
// characters (spaces included), is not a number, is out of the range of a double, or is inf/nan.
// Decimal only, whatever the locale: std::from_chars, not std::stod/strtod, which also take
// hexadecimal ("0x10" = 16, "0x1p4" = 16) and follow the C locale's decimal separator. One leading
// '+' is allowed ("+5" = 5), as in the C++ and CSV habits of other tools.
#include <charconv>
#include <cmath>
#include <optional>
#include <string_view>
#include <system_error>

namespace skyshield {

inline std::optional<double> parse_finite_number(std::string_view text) {
  if (text.size() > 1 && text[0] == '+' && text[1] != '-' && text[1] != '+') text.remove_prefix(1);
  double v = 0.0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v, std::chars_format::general);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

}  // namespace skyshield
