#include "c2/wta_instance.hpp"

#include <fmt/format.h>

#include <cmath>
#include <algorithm>
#include <optional>
#include <sstream>

#include "core/error.hpp"
#include "core/line_reader.hpp"
#include "core/parse_number.hpp"
#include "core/rng.hpp"

namespace skyshield {

namespace {

// The numbers of an instance file in order, read a line at a time (bounded: core/line_reader.hpp).
class Tokens {
 public:
  explicit Tokens(const std::string& path) : path_(path), in_(path, kWtaMaxLineBytes, kWtaMaxLines) {}
  double number(const char* what) {
    const std::optional<std::string> text = next();
    if (!text) throw InputError(fmt::format("{}:{}: {}: the file ends early", path_, std::max(1LL, in_.number()), what));
    const std::optional<double> v = parse_finite_number(*text);
    if (!v) throw InputError(fmt::format("{}:{}: {}: not a decimal number: '{}'", path_, line(), what, text->substr(0, 40)));
    return *v;
  }
  std::optional<std::string> next() {
    while (words_.eof() || !(words_ >> word_)) {
      if (!in_.next(line_)) return std::nullopt;
      if (const auto hash = line_.find('#'); hash != std::string::npos) line_.resize(hash);
      words_.clear();
      words_.str(line_);
    }
    return word_;
  }
  long long line() const { return in_.number(); }

 private:
  std::string path_;
  LineReader in_;
  std::string line_, word_;
  std::istringstream words_{std::string()};
};

// A count of the header: an integer in [1, limit].
int count(Tokens& t, const std::string& path, const char* what, int limit) {
  const double v = t.number(what);
  if (v < 1 || v > limit || v != std::floor(v))
    throw InputError(fmt::format("{}:{}: {}: must be an integer from 1 to the limit of {} (got {:g})", path, t.line(), what, limit, v));
  return static_cast<int>(v);
}

// The number of words on the first line that holds any (0 for an empty file).
std::size_t header_words(const std::string& path) {
  LineReader in(path, kWtaMaxLineBytes, kWtaMaxLines);
  std::string line;
  while (in.next(line)) {
    if (const auto hash = line.find('#'); hash != std::string::npos) line.resize(hash);
    std::istringstream s(line);
    std::size_t n = 0;
    for (std::string w; s >> w;) ++n;
    if (n > 0) return n;
  }
  return 0;
}

}  // namespace

WtaProblem read_wta_instance(const std::string& path) {
  if (header_words(path) == 3) return read_wta_standard(path);
  return read_wta_dense(path);
}

WtaProblem read_wta_dense(const std::string& path) {
  Tokens t(path);
  const int nw = count(t, path, "number of weapons", kWtaMaxWeapons);
  const int nt = count(t, path, "number of targets", kWtaMaxTargets);
  WtaProblem p;
  for (int j = 0; j < nt; ++j) {
    const double v = t.number("target value");
    if (v < 0) throw InputError(fmt::format("{}:{}: value of target {}: must be >= 0 (got {})", path, t.line(), j + 1, v));
    p.value.push_back(v);
  }
  p.pk.resize(nw, nt);
  for (int i = 0; i < nw; ++i)
    for (int j = 0; j < nt; ++j) {
      const double pk = t.number("kill probability");
      if (pk < 0 || pk > 1)
        throw InputError(fmt::format("{}:{}: kill probability of weapon {} on target {}: must be in [0, 1] (got {})", path, t.line(),
                                     i + 1, j + 1, pk));
      p.pk(i, j) = pk;
    }
  if (const std::optional<std::string> extra = t.next())
    throw InputError(fmt::format("{}:{}: unexpected number '{}' after the {} x {} matrix", path, t.line(), extra->substr(0, 40), nw, nt));
  return p;
}

std::string format_wta_instance(const WtaProblem& p) {
  if (!p.copies.empty()) return format_wta_standard(p);
  std::string s = fmt::format("{} {}\n", p.pk.rows(), p.value.size());
  for (std::size_t j = 0; j < p.value.size(); ++j) s += fmt::format("{}{}", j ? " " : "", p.value[j]);
  s += "\n";
  for (Eigen::Index i = 0; i < p.pk.rows(); ++i) {
    for (Eigen::Index j = 0; j < p.pk.cols(); ++j) s += fmt::format("{}{}", j ? " " : "", p.pk(i, j));
    s += "\n";
  }
  return s;
}

WtaProblem generate_wta_instance(int weapons, int targets, std::uint64_t seed, int copies) {
  Rng rng = Rng::stream(seed, "wta-instance");
  WtaProblem p;
  for (int j = 0; j < targets; ++j) p.value.push_back(rng.uniform(25.0, 100.0));
  p.pk.resize(weapons, targets);
  for (int i = 0; i < weapons; ++i)
    for (int j = 0; j < targets; ++j) p.pk(i, j) = rng.uniform(0.6, 0.9);
  if (copies > 1) p.copies.assign(static_cast<std::size_t>(weapons), copies);
  return p;
}

}  // namespace skyshield
