#pragma once
// Command-line overrides of scenario fields, for parameter sweeps: "PATH=VALUE" where PATH names a
// field of the scenario document with dots and list indices, e.g. threats[1].count=8 or
// battalions[0].position.range_km=20. VALUE is YAML (a number, a string, a list ...).
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

// Sets the field in the document. Every map and list on the way must exist (the last key of a map
// may be new, so that optional fields can be set); throws InputError "--param PATH: ..." otherwise.
void apply_override(YAML::Node& root, const Override& o);

}  // namespace skyshield
