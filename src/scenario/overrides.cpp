#include "scenario/overrides.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "core/error.hpp"
#include "scenario/yaml_node.hpp"

namespace skyshield {

namespace {

struct Step {
  bool is_index = false;  // [3], or [name] when key is not empty
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
      if (close == std::string::npos || close == i + 1) throw bad("unclosed or empty [index or name]");
      Step s{true, "", 0};
      const std::string inside = p.substr(i + 1, close - i - 1);
      const bool by_name = !std::all_of(inside.begin(), inside.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
      if (by_name) s.key = inside;
      for (std::size_t k = i + 1; k < close && !by_name; ++k) {
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

// The element's `name:` when it is a map with a plain name, else empty.
std::string name_of(const YAML::Node& element) {
  if (!element.IsMap()) return {};
  const YAML::Node n = element["name"];
  return n && n.IsScalar() ? n.Scalar() : std::string();
}

}  // namespace

Override parse_override(const std::string& text) {
  const std::size_t eq = text.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == text.size())
    throw InputError(fmt::format("--param '{}': expected PATH=VALUE, e.g. threats[0].count=8", text));
  return {text.substr(0, eq), text.substr(eq + 1)};
}

AppliedOverride apply_override(YAML::Node& root, const Override& o) {
  const std::vector<Step> steps = parse_path(o);
  YAML::Node value;
  try {
    value = YAML::Load(o.value);
  } catch (const YAML::Exception& e) {
    throw InputError(fmt::format("--param {}: value '{}' is not valid YAML: {}", o.path, o.value, e.msg));
  }
  YAML::Node cur;
  cur.reset(root);
  AppliedOverride applied;
  std::string& where = applied.index_path;
  for (std::size_t k = 0; k < steps.size(); ++k) {
    const Step& s = steps[k];
    const bool last = k + 1 == steps.size();
    if (s.is_index) {
      if (!cur.IsSequence()) throw InputError(fmt::format("--param {}: '{}' is not a list", o.path, where));
      std::size_t index = s.index;
      if (!s.key.empty()) {  // by name: the element whose name: is the key
        std::string names;
        index = cur.size();
        for (std::size_t e = 0; e < cur.size() && index == cur.size(); ++e) {
          const std::string n = name_of(cur[e]);
          if (n == s.key) index = e;
          if (!n.empty()) names += (names.empty() ? "" : ", ") + n;
        }
        if (index == cur.size())
          throw InputError(fmt::format("--param {}: '{}' has no element named '{}' (names: {})", o.path, where, s.key,
                                       names.empty() ? "none" : names));
      } else if (index >= cur.size()) {
        throw InputError(fmt::format("--param {}: '{}' has {} elements, no [{}]", o.path, where, cur.size(), index));
      }
      const std::string name = name_of(cur[index]);
      where += fmt::format("[{}]", index);
      applied.name_path += name.empty() ? fmt::format("[{}]", index) : "[" + name + "]";
      if (last) {
        cur[index] = value;
        return applied;
      }
      YAML::Node next = cur[index];
      cur.reset(next);
    } else {
      if (!cur.IsMap()) throw InputError(fmt::format("--param {}: '{}' is not a map", o.path, where.empty() ? "(top level)" : where));
      where += (where.empty() ? "" : ".") + s.key;
      applied.name_path += (applied.name_path.empty() ? "" : ".") + s.key;
      if (last) {
        cur[s.key] = value;
        return applied;
      }
      if (!cur[s.key]) throw InputError(fmt::format("--param {}: no field '{}'", o.path, where));
      YAML::Node next = cur[s.key];
      cur.reset(next);
    }
  }
  return applied;
}

std::string named_path(const std::string& scenario_file, const std::string& path) {
  std::string named;
  // The value is irrelevant to the label: a null one walks the same path in a copy of the document.
  YamlNode::load_file(scenario_file, [&](YAML::Node& doc) {
    named = apply_override(doc, {path, "~"}).name_path;
    return OverriddenFields{};
  });
  return named;
}

}  // namespace skyshield
