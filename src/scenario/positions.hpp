#pragma once
// Positions in a scenario file, absolute or relative to a named place, and lookups by name.
#include <fmt/format.h>

#include <map>
#include <string>
#include <vector>

#include "core/geo.hpp"
#include "scenario/yaml_node.hpp"
#include "world/terrain.hpp"

namespace skyshield {

// Named places (assets, battalions) that positions may be given relative to.
using Places = std::map<std::string, Geodetic>;

// A position: absolute {lat, lon, alt} or relative {from, bearing_deg, range_km, alt}. Ground sites
// may give `agl` (metres above the scenario's terrain, `ground`) instead of `alt`.
Geodetic parse_position(const YamlNode& n, const Places& places, const Terrain* ground = nullptr);

// Index of the item called `name` in items, or a scenario error at `where` listing the known names
// (for names that are map keys: the error points at the key's value).
template <typename T>
int find_named(const std::vector<T>& items, const std::string& name, const YamlNode& where, const char* what) {
  for (std::size_t i = 0; i < items.size(); ++i)
    if (items[i].name == name) return static_cast<int>(i);
  std::string known;
  for (const auto& it : items) known += (known.empty() ? "" : ", ") + it.name;
  where.fail(fmt::format("unknown {} '{}' (known: {})", what, name, known.empty() ? "none" : known));
}

// Index of the item called `ref` in items, or a scenario error listing the known names.
template <typename T>
int find_named(const std::vector<T>& items, const YamlNode& ref, const char* what) {
  return find_named(items, ref.str(), ref, what);
}

}  // namespace skyshield
