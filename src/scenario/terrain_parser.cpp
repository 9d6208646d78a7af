#include "scenario/terrain_parser.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "core/error.hpp"
#include "core/parse_number.hpp"
#include "scenario/limits.hpp"
#include "terrain/dem_reader.hpp"

namespace skyshield {

namespace {

[[noreturn]] void grid_fail(const std::string& path, int line, const std::string& what) {
  throw InputError(fmt::format("{}:{}: {}", path, line, what));
}

// The next line of the grid (without its '\n'), refused beyond limits::kMaxGridLineBytes so that a
// file of one endless line is not read whole; false at the end of the file.
bool read_line(std::istream& in, std::string& out, const std::string& path, int line) {
  out.clear();
  int c = 0;
  while ((c = in.get()) != EOF && c != '\n') {
    out.push_back(static_cast<char>(c));
    if (out.size() > limits::kMaxGridLineBytes)
      grid_fail(path, line, fmt::format("a line longer than the {} bytes allowed", limits::kMaxGridLineBytes));
  }
  if (c == EOF) in.clear(in.rdstate() & ~std::ios::failbit);  // the last line may lack its '\n'
  return c != EOF || !out.empty();
}

double parse_number(const std::string& path, int line, const std::string& field, const std::string& text) {
  const std::optional<double> v = parse_finite_number(text);
  if (!v) grid_fail(path, line, fmt::format("{}: '{}' is not a number", field, text));
  return *v;
}

ElevationGrid read_grid(const std::string& path);

}  // namespace

// A read error (EIO from /proc/self/mem, say) throws from inside the stream buffer: it becomes an
// input error naming the file.
ElevationGrid load_esri_ascii_grid(const std::string& path) {
  try {
    return read_grid(path);
  } catch (const std::ios_base::failure& e) {
    throw InputError(fmt::format("{}: cannot read the elevation grid: {}", path, std::strerror(errno)));
  }
}

namespace {

ElevationGrid read_grid(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError(fmt::format("{}: cannot open the elevation grid", path));
  std::map<std::string, std::pair<double, int>> header;  // lower-case key -> value, line
  std::string line_text;
  int line = 0;
  std::streampos data_start = in.tellg();
  int data_line = 0;  // line before the first data line
  // Header lines start with a letter; the first line starting otherwise begins the data.
  while (read_line(in, line_text, path, line + 1)) {
    ++line;
    std::istringstream ls(line_text);
    std::string key, value;
    if (!(ls >> key)) continue;
    if (!std::isalpha(static_cast<unsigned char>(key[0]))) break;
    if (!(ls >> value)) grid_fail(path, line, fmt::format("{}: missing value", key));
    std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return std::tolower(c); });
    static const std::set<std::string> kKeys{"ncols", "nrows", "xllcorner", "yllcorner", "xllcenter", "yllcenter", "cellsize",
                                             "nodata_value"};
    if (!kKeys.count(key))
      grid_fail(path, line, fmt::format("unknown header field '{}' (allowed: ncols, nrows, xllcorner, yllcorner, xllcenter, "
                                        "yllcenter, cellsize, nodata_value)", key));
    if (header.count(key)) grid_fail(path, line, fmt::format("header field '{}' is given twice", key));
    header[key] = {parse_number(path, line, key, value), line};
    data_start = in.tellg();
    data_line = line;
  }
  auto need = [&](const char* key) {
    const auto it = header.find(key);
    if (it == header.end()) grid_fail(path, line, fmt::format("header field '{}' missing", key));
    return it->second.first;
  };
  ElevationGrid g;
  const double ncols = need("ncols"), nrows = need("nrows"), cell = need("cellsize");
  if (ncols < 2 || nrows < 2 || ncols > 20000 || nrows > 20000 || ncols != std::floor(ncols) || nrows != std::floor(nrows))
    grid_fail(path, header["ncols"].second, "ncols and nrows must be whole numbers in [2, 20000]");
  if (!(cell > 0.0 && cell <= 1.0)) grid_fail(path, header["cellsize"].second, "cellsize must be in (0, 1] degrees");
  if (ncols * nrows > limits::kMaxGridCells)
    grid_fail(path, header["ncols"].second, fmt::format("ncols x nrows = {:.0f} cells, more than the {:.0f} a grid may have",
                                                         ncols * nrows, limits::kMaxGridCells));
  // Every height takes at least two bytes (a digit and a separator): a header that declares more
  // than the file can hold is refused before the heights are allocated.
  std::error_code size_ec;
  const auto bytes = std::filesystem::file_size(path, size_ec);
  if (!size_ec && static_cast<double>(bytes) < 2.0 * ncols * nrows - 1.0)
    grid_fail(path, header["ncols"].second, fmt::format("ncols x nrows = {:.0f} heights cannot fit in the file's {} bytes",
                                                         ncols * nrows, bytes));
  g.cols = static_cast<int>(ncols);
  g.rows = static_cast<int>(nrows);
  g.dx = g.dy = cell;
  g.cell_m = cell * 111320.0;
  g.source = path;
  const bool corner = header.count("xllcorner") > 0;
  if (corner == (header.count("xllcenter") > 0)) grid_fail(path, 1, "give exactly one of xllcorner or xllcenter");
  const double x = need(corner ? "xllcorner" : "xllcenter"), y = need(corner ? "yllcorner" : "yllcenter");
  g.x0 = x + (corner ? 0.5 * cell : 0.0);
  g.y0 = y + (corner ? 0.5 * cell : 0.0);
  if (g.y0 < -90.0 || g.y0 + (g.rows - 1) * cell > 90.0 || g.x0 < -180.0 || g.x0 + (g.cols - 1) * cell > 360.0)
    grid_fail(path, 1, "the grid does not fit in latitude [-90, 90] and longitude [-180, 360]");
  const bool has_nodata = header.count("nodata_value") > 0;
  const double nodata = has_nodata ? header["nodata_value"].first : 0.0;

  // Data: rows * cols numbers, northernmost row first, across any number of lines.
  in.clear();
  in.seekg(data_start);
  line = data_line;
  g.height_m.assign(static_cast<std::size_t>(g.rows) * g.cols, 0.0);
  std::size_t n = 0;
  g.max_height_m = -1e9;
  g.min_height_m = 1e9;
  while (read_line(in, line_text, path, line + 1)) {
    ++line;
    std::istringstream ls(line_text);
    std::string tok;
    while (ls >> tok) {
      if (n >= g.height_m.size()) grid_fail(path, line, fmt::format("more than nrows x ncols = {} heights", g.height_m.size()));
      double h = parse_number(path, line, fmt::format("height {}", n + 1), tok);
      if (has_nodata && h == nodata) {
        h = std::nan("");
      } else {
        if (h < -500.0 || h > 9000.0) grid_fail(path, line, fmt::format("height {} m outside [-500, 9000]", tok));
        g.max_height_m = std::max(g.max_height_m, h);
        g.min_height_m = std::min(g.min_height_m, h);
      }
      const std::size_t row_from_north = n / g.cols, col = n % g.cols;
      g.height_m[(g.rows - 1 - row_from_north) * g.cols + col] = h;
      ++n;
    }
  }
  if (n != g.height_m.size())
    grid_fail(path, line, fmt::format("{} heights, expected nrows x ncols = {}", n, g.height_m.size()));
  return g;
}

}  // namespace

namespace {

// `kind: dem`: one file, a list of files or a folder of tiles, read through GDAL (terrain/dem_reader).
void parse_dem(const YamlNode& n, TerrainParams& t, std::vector<std::string>& files_read) {
  const int given = n.has("file") + n.has("files") + n.has("folder");
  if (given != 1) n.required("kind").fail("kind: dem needs exactly one of file, files or folder");
  const std::string crs = n.has("crs") ? n.required("crs").str() : "";
  auto relative = [](const YamlNode& f) { return (std::filesystem::path(f.file()).parent_path() / f.str()).string(); };
  std::vector<DemTile> tiles;
  auto inspect = [&](const YamlNode& at, const std::string& path) {
    try {
      tiles.push_back(inspect_dem_tile(path, crs, limits::kMaxDemCells));
    } catch (const InputError& e) {
      at.fail(e.what());
    }
    files_read.push_back(path);
  };
  if (n.has("folder")) {
    const YamlNode folder = n.required("folder");
    std::vector<std::string> paths;
    try {
      paths = dem_files_in_folder(relative(folder));
    } catch (const InputError& e) {
      folder.fail(e.what());
    }
    if (paths.size() > limits::kMaxDemFiles)
      folder.fail(fmt::format("{} elevation files, more than the {} allowed", paths.size(), limits::kMaxDemFiles));
    for (const std::string& p : paths) inspect(folder, p);
  } else {
    std::vector<YamlNode> items;
    if (n.has("file")) items.push_back(n.required("file"));
    else items = n.required("files").list();
    if (items.empty()) n.required("files").fail("at least one file is needed");
    if (items.size() > limits::kMaxDemFiles)
      n.required("files").fail(fmt::format("{} elevation files, more than the {} allowed", items.size(), limits::kMaxDemFiles));
    for (const YamlNode& f : items) {
      const std::string path = relative(f);
      f.require_file(path, "elevation file");
      inspect(f, path);
    }
  }
  try {
    DemGrids g = read_dem_tiles(tiles, limits::kMaxDemCells);
    t.grids = std::move(g.grids);
    t.holes = std::move(g.holes);
  } catch (const InputError& e) {
    n.required("kind").fail(e.what());
  }
  // Holes are reported, not refused: real data have voids (SRTM over water and steep slopes).
  for (std::string& h : t.holes) {
    h += fmt::format(": a hole takes the height base_m = {:g} m", t.base_m);
    std::cerr << fmt::format("{}:{}: terrain: {}\n", n.file(), n.line(), h);
  }
}

}  // namespace

TerrainParams parse_terrain(const YamlNode& n, std::vector<std::string>& files_read) {
  n.allow_only({"kind", "base_m", "amplitude_m", "wavelength_km", "file", "files", "folder", "crs"});
  TerrainParams t;
  const YamlNode kind = n.required("kind");
  if (kind.str() == "flat") t.kind = TerrainParams::Kind::Flat;
  else if (kind.str() == "hills") t.kind = TerrainParams::Kind::Hills;
  else if (kind.str() == "grid" || kind.str() == "dem") t.kind = TerrainParams::Kind::Grid;
  else kind.fail("must be 'flat', 'hills', 'grid' or 'dem' (got '" + kind.str() + "')");
  const bool dem = kind.str() == "dem";
  t.base_m = n.number_or("base_m", -500.0, 9000.0, 0.0);
  auto only_for = [&](std::initializer_list<const char*> fields, const char* kind_name) {
    for (const char* f : fields)
      if (n.has(f)) n.required(f).fail(std::string("only for kind: ") + kind_name);
  };
  if (t.kind == TerrainParams::Kind::Hills) {
    t.amplitude_m = n.number_at("amplitude_m", 0.0, 9000.0);
    t.wavelength_m = n.number_at("wavelength_km", 0.1, 1000.0) * 1e3;
  } else {
    only_for({"amplitude_m", "wavelength_km"}, "hills");
  }
  if (dem) {
    parse_dem(n, t, files_read);
  } else if (t.kind == TerrainParams::Kind::Grid) {
    only_for({"files", "folder", "crs"}, "dem");
    const YamlNode file = n.required("file");
    const std::string path = (std::filesystem::path(file.file()).parent_path() / file.str()).string();
    file.require_file(path, "elevation grid");
    try {  // the grid's own error (its file and line) after the scenario line that names it
      t.grids = {std::make_shared<const ElevationGrid>(load_esri_ascii_grid(path))};
    } catch (const InputError& e) {
      file.fail(e.what());
    }
    files_read.push_back(path);
  } else {
    only_for({"file"}, "grid or dem");
    only_for({"files", "folder", "crs"}, "dem");
  }
  return t;
}

}  // namespace skyshield
