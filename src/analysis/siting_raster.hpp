#pragma once
// Coverage maps as files: GeoTIFF through GDAL's GTiff driver (EPSG:4326, one band per target height,
// so GIS tools open it), a PNG picture through GDAL's PNG driver (shaded ground, coverage, sites,
// assets, a scale bar) and an SVG companion that shows the PNG with the names and the scale label.
#include <string>
#include <vector>

#include "analysis/siting_coverage.hpp"

namespace skyshield {

struct RasterBands {
  AreaGrid area;
  std::vector<std::string> names;                  // band descriptions
  std::vector<std::vector<unsigned char>> bands;   // raster order, one per band
};

// Throws OutputError naming the path when GDAL cannot write it.
void write_geotiff(const std::string& path, const RasterBands& r);
// Reads a GeoTIFF written by write_geotiff (Byte bands); throws InputError naming the path.
RasterBands read_geotiff(const std::string& path);

struct MapMark {
  std::string name;
  double lat_deg = 0.0, lon_deg = 0.0;
  bool radar = true;   // radar site (red square) or defended asset (blue diamond)
};

// RGB picture (raster order, 3 bytes a pixel): grey shaded relief, coverage tinted by how many radars
// see the cell (green: one, yellow-green: two or more), marks, and a scale bar in the lower left.
// scale_bar_m receives the bar's length.
std::vector<unsigned char> render_map(const AreaGrid& area, const std::vector<float>& ground,
                                      const std::vector<unsigned char>& radar_count, const std::vector<MapMark>& marks,
                                      double& scale_bar_m);
void write_png(const std::string& path, const std::vector<unsigned char>& rgb, int rows, int cols);
// SVG companion: the PNG (by file name, same folder), the marks' names and the scale bar's length.
std::string map_svg(const std::string& png_name, const AreaGrid& area, const std::vector<MapMark>& marks, double scale_bar_m,
                    const std::string& title);

}  // namespace skyshield
