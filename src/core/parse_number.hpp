#pragma once
// Whole tokens read as numbers, for the hand-read text formats (scenario YAML, WTA instances,
// elevation grids, detection files). Only plain decimal text is a number: no trailing characters
// or spaces, no hexadecimal ("0x10" is not 16), no inf/nan; read with std::from_chars,
// so the C locale's decimal point whatever the user's locale.
#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>
#include <string>

namespace skyshield {

namespace detail {
// [+-]? digits [. digits?] | [+-]? . digits, then an optional exponent e[+-]?digits.
inline bool is_decimal_text(const std::string& t) {
  std::size_t i = 0;
  const auto digits = [&] {
    const std::size_t from = i;
    while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
    return i - from;
  };
  if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
  std::size_t mantissa = digits();
  if (i < t.size() && t[i] == '.') {
    ++i;
    mantissa += digits();
  }
  if (mantissa == 0) return false;
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    if (digits() == 0) return false;
  }
  return i == t.size();
}
}  // namespace detail

// A finite decimal number; nullopt otherwise (or when out of the range of a double). The whole token
// must be the number: no leading or trailing blanks (a CSV field " 5" is refused, as by other strict
// CSV readers), no hexadecimal, no inf/nan.
inline std::optional<double> parse_finite_number(const std::string& t) {
  if (!detail::is_decimal_text(t)) return std::nullopt;
  const char* first = t.data() + (t[0] == '+' ? 1 : 0);  // from_chars takes no '+'
  double v = 0.0;
  const auto [end, ec] = std::from_chars(first, t.data() + t.size(), v);
  if (ec != std::errc() || end != t.data() + t.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

// A decimal integer: [+-]? digits, nothing else; nullopt when out of the range of a long long.
inline std::optional<long long> parse_decimal_integer(const std::string& text) {
  std::size_t i = (!text.empty() && (text[0] == '+' || text[0] == '-')) ? 1 : 0;
  if (i == text.size()) return std::nullopt;
  for (std::size_t k = i; k < text.size(); ++k)
    if (!std::isdigit(static_cast<unsigned char>(text[k]))) return std::nullopt;
  long long v = 0;
  const char* first = text.data() + (text[0] == '+' ? 1 : 0);
  const auto [end, ec] = std::from_chars(first, text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return v;
}

// A leading zero before another digit ("010", "-007.5"): YAML 1.1 reads "010" as octal 8, YAML 1.2
// as 10, so the scenario loader refuses it as ambiguous.
inline bool has_leading_zero(const std::string& text) {
  const std::size_t i = (!text.empty() && (text[0] == '+' || text[0] == '-')) ? 1 : 0;
  return i + 1 < text.size() && text[i] == '0' && std::isdigit(static_cast<unsigned char>(text[i + 1]));
}

}  // namespace skyshield
