#include "subcommand_hint.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <utility>

namespace skyshield {

std::size_t edit_distance(const std::string& a, const std::string& b) {
  // d[i][j]: distance between the first i bytes of a and the first j bytes of b.
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

std::optional<std::string> nearest_subcommand(const std::string& word, const std::vector<std::string>& names) {
  // Words a new user types for what a subcommand does.
  static const std::pair<const char*, const char*> synonyms[] = {
      {"simulate", "run"},      {"sim", "run"},          {"execute", "run"},        {"start", "run"},
      {"montecarlo", "mc"},     {"monte-carlo", "mc"},   {"monte_carlo", "mc"},     {"batch", "mc"},
      {"coverage", "radar-coverage"}, {"radar", "radar-coverage"}, {"tracker", "track"}, {"tracking", "track"},
      {"check", "validate"},    {"lint", "validate"},    {"replay", "view"},        {"viewer", "view"},
      {"show", "view"},         {"benchmark", "bench"},  {"perf", "bench"},         {"assign", "wta"},
      {"assignment", "wta"},    {"param", "sweep"},      {"parameters", "sweep"}};
  std::string lower = word;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const auto& [from, to] : synonyms)
    if (lower == from && std::find(names.begin(), names.end(), to) != names.end()) return to;
  std::optional<std::string> best;
  std::size_t best_d = std::max<std::size_t>(1, lower.size() / 3) + 1;
  for (const std::string& n : names) {
    const std::size_t d = edit_distance(lower, n);
    if (d < best_d) best_d = d, best = n;
  }
  return best;
}

std::optional<std::string> unknown_subcommand_error(const std::string& first_arg, const std::vector<std::string>& names) {
  if (first_arg.empty() || first_arg[0] == '-') return std::nullopt;
  if (std::find(names.begin(), names.end(), first_arg) != names.end()) return std::nullopt;
  std::string list;
  for (const std::string& n : names) list += (list.empty() ? "" : ", ") + n;
  const std::optional<std::string> near = nearest_subcommand(first_arg, names);
  return fmt::format("unknown subcommand '{}'{} (subcommands: {}; skyshield --help describes them)", first_arg,
                     near ? fmt::format(": did you mean '{}'?", *near) : std::string(), list);
}

}  // namespace skyshield
