#pragma once
// Command-line overrides of scenario fields, for parameter sweeps: "PATH=VALUE" where PATH names a
// field of the scenario document with dots and list elements, e.g. threats[1].count=8,
// threats[drone].count=8 or battalions[battalion-1].position.range_km=20: an element is chosen by
// its index or by its `name:` field. VALUE is YAML (a number, a string, a list ...).
#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

namespace skyshield {

struct Override {
  std::string path;
  std::string value;
};

// Parses "PATH=VALUE"; throws InputError naming the text when malformed.
Override parse_override(const std::string& text);

struct AppliedOverride {
  std::string index_path;  // list elements by index: threats[2].count (the loader's own paths)
  std::string name_path;   // list elements by name where they have one: threats[drone].count
};

// Sets the field in the document. Every map and list on the way must exist (the last key of a map
// may be new, so that optional fields can be set); throws InputError "--param PATH: ..." otherwise.
AppliedOverride apply_override(YAML::Node& root, const Override& o);

// The path with every list element written by its name where it has one (for labels):
// threats[2].count -> threats[drone].count. Throws InputError like apply_override.
std::string named_path(const std::string& scenario_file, const std::string& path);

}  // namespace skyshield
