#pragma once
// Loads a `terrain:` section written to a file in the test's folder, as the scenario loader does.
#include <string>
#include <vector>

#include "core/error.hpp"
#include "raster_fixture.hpp"
#include "scenario/terrain_parser.hpp"
#include "scenario/yaml_node.hpp"

namespace skyshield::test {

inline TerrainParams load_terrain_yaml(const std::string& dir, const std::string& yaml, std::vector<std::string>* files = nullptr) {
  write_text(dir + "/terrain.yaml", yaml);
  std::vector<std::string> read;
  TerrainParams p = parse_terrain(YamlNode::load_file(dir + "/terrain.yaml"), read);
  if (files) *files = read;
  return p;
}

// The InputError a section gives ("" when it loads).
inline std::string terrain_error(const std::string& dir, const std::string& yaml) {
  try {
    load_terrain_yaml(dir, yaml);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace skyshield::test
