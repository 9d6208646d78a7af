#pragma once
// Counts and ordinals in English for the program's messages: "1 battalion", "2 battalions",
// "every 21st".
#include <fmt/format.h>

#include <string>

namespace skyshield {

// "1 threat", "3 threats", "2 interceptor classes" (regular plurals: "es" after s, x, ch, sh).
inline std::string count_of(long long n, const std::string& noun) {
  if (n == 1) return fmt::format("1 {}", noun);
  const bool es = noun.ends_with("s") || noun.ends_with("x") || noun.ends_with("ch") || noun.ends_with("sh");
  return fmt::format("{} {}{}", n, noun, es ? "es" : "s");
}

// 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd, 101st, 111th ...
inline std::string ordinal(long long n) {
  const long long last2 = n % 100, last = n % 10;
  const char* suffix = (last2 >= 11 && last2 <= 13) ? "th" : last == 1 ? "st" : last == 2 ? "nd" : last == 3 ? "rd" : "th";
  return fmt::format("{}{}", n, suffix);
}

}  // namespace skyshield
