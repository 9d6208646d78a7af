#pragma once
// A whole token read as a finite number, for the hand-read text formats (WTA instances, elevation
// grids): nullopt when the token has trailing characters, is not a number, or is inf/nan.
#include <cmath>
#include <optional>
#include <string>

namespace skyshield {

inline std::optional<double> parse_finite_number(const std::string& text) {
  std::size_t used = 0;
  double v = 0.0;
  try {
    v = std::stod(text, &used);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  if (used != text.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

}  // namespace skyshield
