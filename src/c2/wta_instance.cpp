#include "c2/wta_instance.hpp"

#include <fmt/format.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "core/parse_number.hpp"
#include "core/rng.hpp"

namespace skyshield {

namespace {

// Numbers of a text file with the line each one came from.
struct Tokens {
  std::string path;
  std::vector<std::pair<std::string, int>> items;
  std::size_t next = 0;

  double number(const char* what) {
    if (next >= items.size())
      throw InputError(fmt::format("{}:{}: {}: the file ends early", path, items.empty() ? 1 : items.back().second, what));
    const auto& [text, line] = items[next++];
    const std::optional<double> v = parse_finite_number(text);
    if (!v) throw InputError(fmt::format("{}:{}: {}: not a number: '{}'", path, line, what, text));
    return *v;
  }
  int line() const { return next > 0 ? items[next - 1].second : 1; }
};

}  // namespace

WtaProblem read_wta_instance(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError(fmt::format("{}: cannot open the file", path));
  Tokens t{path, {}, 0};
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (const auto hash = line.find('#'); hash != std::string::npos) line.resize(hash);
    std::stringstream ss(line);
    for (std::string w; ss >> w;) t.items.emplace_back(w, n);
  }
  const double w = t.number("number of weapons"), n_targets = t.number("number of targets");
  if (w < 1 || w > 100000 || w != std::floor(w)) throw InputError(fmt::format("{}:{}: number of weapons: must be an integer in [1, 100000]", path, t.line()));
  if (n_targets < 1 || n_targets > 100000 || n_targets != std::floor(n_targets))
    throw InputError(fmt::format("{}:{}: number of targets: must be an integer in [1, 100000]", path, t.line()));
  WtaProblem p;
  const int nw = static_cast<int>(w), nt = static_cast<int>(n_targets);
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
  if (t.next < t.items.size())
    throw InputError(fmt::format("{}:{}: unexpected number '{}' after the {} x {} matrix", path, t.items[t.next].second,
                                 t.items[t.next].first, nw, nt));
  return p;
}

std::string format_wta_instance(const WtaProblem& p) {
  std::string s = fmt::format("{} {}\n", p.pk.rows(), p.value.size());
  for (std::size_t j = 0; j < p.value.size(); ++j) s += fmt::format("{}{}", j ? " " : "", p.value[j]);
  s += "\n";
  for (Eigen::Index i = 0; i < p.pk.rows(); ++i) {
    for (Eigen::Index j = 0; j < p.pk.cols(); ++j) s += fmt::format("{}{}", j ? " " : "", p.pk(i, j));
    s += "\n";
  }
  return s;
}

WtaProblem generate_wta_instance(int weapons, int targets, std::uint64_t seed) {
  Rng rng = Rng::stream(seed, "wta-instance");
  WtaProblem p;
  for (int j = 0; j < targets; ++j) p.value.push_back(rng.uniform(25.0, 100.0));
  p.pk.resize(weapons, targets);
  for (int i = 0; i < weapons; ++i)
    for (int j = 0; j < targets; ++j) p.pk(i, j) = rng.uniform(0.6, 0.9);
  return p;
}

}  // namespace skyshield
