#pragma once
// Elevation data through GDAL: any raster GDAL reads (GeoTIFF, DTED levels 0-2, SRTM .hgt, ESRI ASCII,
// ...) in any geographic or projected CRS, one file or several tiles, read whole into memory at load.
// Tiles that share a CRS, a cell size and a lattice are mosaicked into one grid (so heights are
// bilinear across their edges); tiles on different lattices stay separate grids and may not overlap.
// Grids in a CRS other than WGS 84 geographic carry a CrsMesh tabulated by PROJ here, so that queries
// never call GDAL or PROJ (neither is safe to share between threads). See docs/terrain.md.
#include <memory>
#include <string>
#include <vector>

#include "world/elevation_grid.hpp"

namespace skyshield {

// One raster file, opened and checked (not yet read).
struct DemTile {
  std::string path;
  std::string crs_wkt;     // the file's CRS (or the one given for files without one), WKT2
  int rows = 0, cols = 0;  // raster size
  double geotransform[6] = {0, 1, 0, 0, 0, 1};   // GDAL's: corner of pixel (0, 0) and the cell steps
};

// Opens `path` with GDAL and checks it: a raster with georeferencing (no rotation), a CRS (its own,
// else `crs_if_none` when given: any text GDAL's SetFromUserInput takes, e.g. "EPSG:32633"), at most
// `max_cells` cells. Throws InputError "PATH: reason".
DemTile inspect_dem_tile(const std::string& path, const std::string& crs_if_none, double max_cells);

// The raster files of a folder (extensions .tif .tiff .dt0 .dt1 .dt2 .hgt .asc, any case), sorted by
// name. Throws InputError when the folder cannot be listed or holds none.
std::vector<std::string> dem_files_in_folder(const std::string& dir);

struct DemGrids {
  std::vector<std::shared_ptr<const ElevationGrid>> grids;
  // One line per grid with holes: where and how many no-data cells (a hole takes the terrain's base_m).
  std::vector<std::string> holes;
};

// Reads the tiles' first bands (scale, offset and feet applied; no-data values become holes) and
// builds the grids. Throws InputError naming the files: tiles on different lattices or CRS that
// overlap, more than `max_cells` cells in all, heights outside [-500, 9000] m, a tile of holes only.
DemGrids read_dem_tiles(const std::vector<DemTile>& tiles, double max_cells);

}  // namespace skyshield
