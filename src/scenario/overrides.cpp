#include "scenario/overrides.hpp"

#include <fmt/format.h>

#include <cctype>

#include "core/error.hpp"

namespace skyshield {

namespace {

struct Step {
  bool is_index = false;
  std::string key;
  std::size_t index = 0;
};

std::vector<Step> parse_path(const Override& o) {
  std::vector<Step> steps;
  const std::string& p = o.path;
  std::size_t i = 0;
  auto bad = [&](const std::string& why) { return InputError(fmt::format("--param {}: {}", p, why)); };
  while (i < p.size()) {
    if (p[i] == '[') {
      const std::size_t close = p.find(']', i);
      if (close == std::string::npos || close == i + 1) throw bad("unclosed or empty [index]");
      Step s{true, "", 0};
      for (std::size_t k = i + 1; k < close; ++k) {
        if (!std::isdigit(static_cast<unsigned char>(p[k]))) throw bad("an index must be a non-negative integer");
        if (s.index > 99999999) throw bad(fmt::format("index [{}] is too large", p.substr(i + 1, close - i - 1)));  // no wrap
        s.index = s.index * 10 + static_cast<std::size_t>(p[k] - '0');
      }
      steps.push_back(s);
      i = close + 1;
      if (i < p.size() && p[i] == '.') ++i;
    } else {
      std::size_t end = i;
      while (end < p.size() && p[end] != '.' && p[end] != '[') ++end;
      if (end == i) throw bad("empty field name");
      steps.push_back({false, p.substr(i, end - i), 0});
      i = end;
      if (i < p.size() && p[i] == '.') ++i;
    }
  }
  if (steps.empty()) throw bad("empty path");
  return steps;
}

}  // namespace

Override parse_override(const std::string& text) {
  const std::size_t eq = text.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == text.size())
    throw InputError(fmt::format("--param '{}': expected PATH=VALUE, e.g. threats[0].count=8", text));
  return {text.substr(0, eq), text.substr(eq + 1)};
}

void apply_override(YAML::Node& root, const Override& o) {
  const std::vector<Step> steps = parse_path(o);
  YAML::Node value;
  try {
    value = YAML::Load(o.value);
  } catch (const YAML::Exception& e) {
    throw InputError(fmt::format("--param {}: value '{}' is not valid YAML: {}", o.path, o.value, e.msg));
  }
  YAML::Node cur;
  cur.reset(root);
  std::string where;
  for (std::size_t k = 0; k < steps.size(); ++k) {
    const Step& s = steps[k];
    const bool last = k + 1 == steps.size();
    if (s.is_index) {
      if (!cur.IsSequence()) throw InputError(fmt::format("--param {}: '{}' is not a list", o.path, where));
      if (s.index >= cur.size())
        throw InputError(fmt::format("--param {}: '{}' has {} elements, no [{}]", o.path, where, cur.size(), s.index));
      where += fmt::format("[{}]", s.index);
      if (last) {
        cur[s.index] = value;
        return;
      }
      YAML::Node next = cur[s.index];
      cur.reset(next);
    } else {
      if (!cur.IsMap()) throw InputError(fmt::format("--param {}: '{}' is not a map", o.path, where.empty() ? "(top level)" : where));
      where += (where.empty() ? "" : ".") + s.key;
      if (last) {
        cur[s.key] = value;
        return;
      }
      if (!cur[s.key]) throw InputError(fmt::format("--param {}: no field '{}'", o.path, where));
      YAML::Node next = cur[s.key];
      cur.reset(next);
    }
  }
}

}  // namespace skyshield
