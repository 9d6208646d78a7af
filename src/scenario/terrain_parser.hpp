#pragma once
// The scenario's `terrain:` section: flat, procedural hills, or an elevation grid file
// (ESRI ASCII grid, geographic coordinates) read relative to the scenario file.
#include <string>
#include <vector>

#include "scenario/yaml_node.hpp"
#include "world/terrain.hpp"

namespace skyshield {

// `files_read` receives the grid file's path when one is loaded.
TerrainParams parse_terrain(const YamlNode& n, std::vector<std::string>& files_read);

// Reads an ESRI ASCII grid (header ncols, nrows, xllcorner|xllcenter, yllcorner|yllcenter, cellsize,
// optional NODATA_value; then nrows lines of ncols heights, northernmost first). Longitudes and
// latitudes in degrees. Errors name the file, the line and the field.
ElevationGrid load_esri_ascii_grid(const std::string& path);

}  // namespace skyshield
