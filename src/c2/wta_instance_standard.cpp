// The standard benchmark layout of WTA instances (c2/wta_instance.hpp), read line by line:
//   W T mi          weapon types, targets, copies of each weapon type
//   V_j             T lines, one target value each
//   i j p           W x T lines, any order: 1-based weapon type, target, kill probability
#include <fmt/format.h>

#include <cmath>
#include <optional>
#include <sstream>
#include <vector>

#include "c2/wta_instance.hpp"
#include "core/error.hpp"
#include "core/line_reader.hpp"
#include "core/parse_number.hpp"

namespace skyshield {

namespace {

// The words of the next line that holds any ('#' starts a comment); empty at the end of the file.
std::vector<std::string> next_words(LineReader& in) {
  std::string line;
  while (in.next(line)) {
    if (const auto hash = line.find('#'); hash != std::string::npos) line.resize(hash);
    std::istringstream s(line);
    std::vector<std::string> words;
    for (std::string w; s >> w;) words.push_back(w);
    if (!words.empty()) return words;
  }
  return {};
}

double number(const std::string& path, long long line, const std::string& text, const std::string& what) {
  const std::optional<double> v = parse_finite_number(text);
  if (!v) throw InputError(fmt::format("{}:{}: {}: not a decimal number: '{}'", path, line, what, text.substr(0, 40)));
  return *v;
}

int integer(const std::string& path, long long line, const std::string& text, const std::string& what, int limit) {
  const double v = number(path, line, text, what);
  if (v < 1 || v > limit || v != std::floor(v))
    throw InputError(fmt::format("{}:{}: {}: must be an integer from 1 to {} (got {})", path, line, what, limit, text.substr(0, 40)));
  return static_cast<int>(v);
}

}  // namespace

WtaProblem read_wta_standard(const std::string& path) {
  LineReader in(path, kWtaMaxLineBytes, kWtaMaxLines);
  std::vector<std::string> w = next_words(in);
  if (w.size() != 3) throw InputError(fmt::format("{}:{}: header: expected 'W T mi'", path, in.number()));
  const int nw = integer(path, in.number(), w[0], "number of weapon types", kWtaMaxWeapons);
  const int nt = integer(path, in.number(), w[1], "number of targets", kWtaMaxTargets);
  const int mi = integer(path, in.number(), w[2], "copies of each weapon type (mi)", kWtaMaxCopies);
  WtaProblem p;
  for (int j = 0; j < nt; ++j) {
    w = next_words(in);
    if (w.empty())
      throw InputError(fmt::format("{}:{}: value of target {}: the file ends early (expected {} target values)", path,
                                   std::max(1LL, in.number()), j + 1, nt));
    if (w.size() != 1)
      throw InputError(fmt::format("{}:{}: value of target {}: expected one number on the line (got {})", path, in.number(), j + 1, w.size()));
    const double v = number(path, in.number(), w[0], fmt::format("value of target {}", j + 1));
    if (v < 0) throw InputError(fmt::format("{}:{}: value of target {}: must be >= 0 (got {})", path, in.number(), j + 1, w[0]));
    p.value.push_back(v);
  }
  p.pk.resize(nw, nt);
  std::vector<long long> seen(static_cast<std::size_t>(nw) * nt, 0);  // line of each (i, j), 0 = not yet
  for (long long k = 0; k < static_cast<long long>(nw) * nt; ++k) {
    w = next_words(in);
    if (w.empty()) {
      for (int i = 0; i < nw; ++i)
        for (int j = 0; j < nt; ++j)
          if (!seen[static_cast<std::size_t>(i) * nt + j])
            throw InputError(fmt::format("{}:{}: kill probability of weapon type {} on target {}: missing (the file ends after {} of "
                                         "the {} 'i j p' lines)",
                                         path, std::max(1LL, in.number()), i + 1, j + 1, k, static_cast<long long>(nw) * nt));
    }
    const long long line = in.number();
    if (w.size() != 3) throw InputError(fmt::format("{}:{}: expected 'i j p' (weapon type, target, kill probability)", path, line));
    const int i = integer(path, line, w[0], "weapon type", nw);
    const int j = integer(path, line, w[1], "target", nt);
    const double pk = number(path, line, w[2], "kill probability");
    if (pk < 0 || pk > 1)
      throw InputError(fmt::format("{}:{}: kill probability of weapon type {} on target {}: must be in [0, 1] (got {})", path, line, i,
                                   j, w[2]));
    long long& first = seen[static_cast<std::size_t>(i - 1) * nt + (j - 1)];
    if (first)
      throw InputError(fmt::format("{}:{}: weapon type {} on target {}: given twice (first on line {})", path, line, i, j, first));
    first = line;
    p.pk(i - 1, j - 1) = pk;
  }
  if (!next_words(in).empty())
    throw InputError(fmt::format("{}:{}: unexpected line after the {} 'i j p' lines", path, in.number(), static_cast<long long>(nw) * nt));
  p.copies.assign(static_cast<std::size_t>(nw), mi);
  return p;
}

std::string format_wta_standard(const WtaProblem& p) {
  const int mi = p.copies.empty() ? 1 : p.copies.front();
  std::string s = fmt::format("{} {} {}\n", p.pk.rows(), p.value.size(), mi);
  for (double v : p.value) s += fmt::format("{}\n", v);
  for (Eigen::Index i = 0; i < p.pk.rows(); ++i)
    for (Eigen::Index j = 0; j < p.pk.cols(); ++j) s += fmt::format("{} {} {}\n", i + 1, j + 1, p.pk(i, j));
  return s;
}

}  // namespace skyshield
