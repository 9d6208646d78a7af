#include "analysis/siting_raster.hpp"

#include <fmt/format.h>
#include <gdal.h>
#include <ogr_srs_api.h>
#include <cpl_conv.h>
#include <cpl_string.h>

#include <algorithm>
#include <cmath>
#include <mutex>

#include "core/error.hpp"
#include "record/output_set.hpp"
#include "core/units.hpp"

namespace skyshield {

namespace {

void register_gdal() {
  static std::once_flag once;
  std::call_once(once, [] { GDALAllRegister(); });
}

std::string gdal_error() {
  const char* m = CPLGetLastErrorMsg();
  return m && *m ? m : "unknown GDAL error";
}

struct Dataset {
  GDALDatasetH h = nullptr;
  ~Dataset() {
    if (h) GDALClose(h);
  }
};

// Pixel positions of a lat/lon point in the area's raster.
double col_of(const AreaGrid& a, double lon) { return (lon - a.west_lon_deg) / a.dlon_deg; }
double row_of(const AreaGrid& a, double lat) { return (a.north_lat_deg - lat) / a.dlat_deg; }

// A round scale-bar length (1, 2 or 5 times a power of ten) near a fifth of the map's width.
double scale_bar_length_m(const AreaGrid& a) {
  const double width_m = a.cols * a.cell_m();
  const double target = width_m / 5.0, p = std::pow(10.0, std::floor(std::log10(target)));
  for (double m : {5.0, 2.0, 1.0})
    if (m * p <= target) return m * p;
  return p;
}

}  // namespace

void write_geotiff(const std::string& path, const RasterBands& r) {
  register_gdal();
  GDALDriverH drv = GDALGetDriverByName("GTiff");
  if (!drv) throw OutputError("GDAL has no GTiff driver");
  char** opts = CSLSetNameValue(nullptr, "COMPRESS", "DEFLATE");
  opts = CSLSetNameValue(opts, "PHOTOMETRIC", "MINISBLACK");   // bands of values, not an RGB picture (GDAL's default for 3 bytes)
  opts = CSLSetNameValue(opts, "INTERLEAVE", "BAND");
  Dataset ds;
  ds.h = GDALCreate(drv, path.c_str(), r.area.cols, r.area.rows, static_cast<int>(r.bands.size()), GDT_Byte, opts);
  CSLDestroy(opts);
  if (!ds.h) throw OutputError(fmt::format("{}: cannot write the GeoTIFF: {}", path, gdal_error()));
  double gt[6] = {r.area.west_lon_deg, r.area.dlon_deg, 0.0, r.area.north_lat_deg, 0.0, -r.area.dlat_deg};
  GDALSetGeoTransform(ds.h, gt);
  OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
  OSRImportFromEPSG(srs, 4326);
  GDALSetSpatialRef(ds.h, srs);
  OSRDestroySpatialReference(srs);
  for (std::size_t b = 0; b < r.bands.size(); ++b) {
    GDALRasterBandH band = GDALGetRasterBand(ds.h, static_cast<int>(b) + 1);
    if (b < r.names.size()) GDALSetDescription(band, r.names[b].c_str());
    if (GDALRasterIO(band, GF_Write, 0, 0, r.area.cols, r.area.rows, const_cast<unsigned char*>(r.bands[b].data()), r.area.cols,
                     r.area.rows, GDT_Byte, 0, 0) != CE_None)
      throw OutputError(fmt::format("{}: cannot write band {}: {}", path, b + 1, gdal_error()));
  }
  GDALClose(ds.h);
  ds.h = nullptr;
  if (CPLGetLastErrorType() == CE_Failure) throw OutputError(fmt::format("{}: {}", path, gdal_error()));
}

RasterBands read_geotiff(const std::string& path) {
  register_gdal();
  Dataset ds;
  ds.h = GDALOpen(path.c_str(), GA_ReadOnly);
  if (!ds.h) throw InputError(fmt::format("{}: GDAL cannot open it: {}", path, gdal_error()));
  RasterBands r;
  double gt[6];
  if (GDALGetGeoTransform(ds.h, gt) != CE_None) throw InputError(fmt::format("{}: no geotransform", path));
  r.area.west_lon_deg = gt[0];
  r.area.dlon_deg = gt[1];
  r.area.north_lat_deg = gt[3];
  r.area.dlat_deg = -gt[5];
  r.area.cols = GDALGetRasterXSize(ds.h);
  r.area.rows = GDALGetRasterYSize(ds.h);
  for (int b = 1; b <= GDALGetRasterCount(ds.h); ++b) {
    GDALRasterBandH band = GDALGetRasterBand(ds.h, b);
    r.names.emplace_back(GDALGetDescription(band));
    std::vector<unsigned char> v(static_cast<std::size_t>(r.area.rows) * r.area.cols);
    if (GDALRasterIO(band, GF_Read, 0, 0, r.area.cols, r.area.rows, v.data(), r.area.cols, r.area.rows, GDT_Byte, 0, 0) != CE_None)
      throw InputError(fmt::format("{}: cannot read band {}: {}", path, b, gdal_error()));
    r.bands.push_back(std::move(v));
  }
  return r;
}

std::vector<unsigned char> render_map(const AreaGrid& a, const std::vector<float>& ground,
                                      const std::vector<unsigned char>& count, const std::vector<MapMark>& marks,
                                      double& scale_bar_m) {
  const int R = a.rows, C = a.cols;
  std::vector<unsigned char> rgb(static_cast<std::size_t>(R) * C * 3);
  const auto [lo_it, hi_it] = std::minmax_element(ground.begin(), ground.end());
  const double lo = *lo_it, span = std::max(1.0, static_cast<double>(*hi_it) - lo), cell = a.cell_m();
  auto put = [&](int r, int c, int red, int green, int blue) {
    if (r < 0 || c < 0 || r >= R || c >= C) return;
    unsigned char* p = &rgb[(static_cast<std::size_t>(r) * C + c) * 3];
    p[0] = static_cast<unsigned char>(std::clamp(red, 0, 255));
    p[1] = static_cast<unsigned char>(std::clamp(green, 0, 255));
    p[2] = static_cast<unsigned char>(std::clamp(blue, 0, 255));
  };
  for (int r = 0; r < R; ++r)
    for (int c = 0; c < C; ++c) {
      const std::size_t k = static_cast<std::size_t>(r) * C + c;
      // Grey from the height, shaded by the slope facing the north-west light.
      const double dzdx = (ground[r * static_cast<std::size_t>(C) + std::min(c + 1, C - 1)] - ground[r * static_cast<std::size_t>(C) + std::max(c - 1, 0)]) / (2 * cell);
      const double dzdy = (ground[std::max(r - 1, 0) * static_cast<std::size_t>(C) + c] - ground[std::min(r + 1, R - 1) * static_cast<std::size_t>(C) + c]) / (2 * cell);
      const double shade = std::clamp(0.85 + 4.0 * (-dzdx + dzdy), 0.25, 1.0);
      const double grey = (110.0 + 120.0 * (ground[k] - lo) / span) * shade;
      double red = grey, green = grey, blue = grey;
      if (count[k] == 1) red = 0.5 * grey, green = 0.5 * grey + 90, blue = 0.5 * grey;
      if (count[k] >= 2) red = 0.5 * grey + 60, green = 0.5 * grey + 110, blue = 0.5 * grey;
      put(r, c, static_cast<int>(red), static_cast<int>(green), static_cast<int>(blue));
    }
  for (const MapMark& m : marks) {
    const int r0 = static_cast<int>(std::floor(row_of(a, m.lat_deg))), c0 = static_cast<int>(std::floor(col_of(a, m.lon_deg)));
    for (int dr = -5; dr <= 5; ++dr)
      for (int dc = -5; dc <= 5; ++dc) {
        const int n = m.radar ? std::max(std::abs(dr), std::abs(dc)) : std::abs(dr) + std::abs(dc);
        if (n > 5) continue;
        if (n >= 4) put(r0 + dr, c0 + dc, 255, 255, 255);
        else if (m.radar) put(r0 + dr, c0 + dc, 220, 20, 20);
        else put(r0 + dr, c0 + dc, 30, 60, 230);
      }
  }
  // Scale bar: two halves (black, white) on a white frame, 20 px from the lower-left corner.
  scale_bar_m = scale_bar_length_m(a);
  const int len = static_cast<int>(std::lround(scale_bar_m / cell)), top = R - 20 - 8, left = 20;
  for (int r = top - 2; r < top + 8; ++r)
    for (int c = left - 2; c < left + len + 2; ++c) put(r, c, 255, 255, 255);
  for (int r = top; r < top + 6; ++r)
    for (int c = left; c < left + len; ++c) {
      const bool black = c < left + len / 2;
      put(r, c, black ? 0 : 255, black ? 0 : 255, black ? 0 : 255);
      if (c == left + len / 2 || c == left || c == left + len - 1) put(r, c, 0, 0, 0);
    }
  for (int c = left; c < left + len; ++c) put(top, c, 0, 0, 0), put(top + 5, c, 0, 0, 0);
  return rgb;
}

void write_png(const std::string& path, const std::vector<unsigned char>& rgb, int rows, int cols) {
  register_gdal();
  GDALDriverH mem = GDALGetDriverByName("MEM"), png = GDALGetDriverByName("PNG");
  if (!mem || !png) throw OutputError("GDAL has no MEM or PNG driver");
  Dataset src;
  src.h = GDALCreate(mem, "", cols, rows, 3, GDT_Byte, nullptr);
  for (int b = 0; b < 3; ++b)
    if (GDALRasterIO(GDALGetRasterBand(src.h, b + 1), GF_Write, 0, 0, cols, rows, const_cast<unsigned char*>(rgb.data()) + b, cols,
                     rows, GDT_Byte, 3, static_cast<GSpacing>(cols) * 3) != CE_None)
      throw OutputError(fmt::format("{}: {}", path, gdal_error()));
  // No world file or .aux.xml beside the picture: it is a picture; the GeoTIFF carries the georeference.
  CPLSetThreadLocalConfigOption("GDAL_PAM_ENABLED", "NO");
  Dataset out;
  out.h = GDALCreateCopy(png, path.c_str(), src.h, FALSE, nullptr, nullptr, nullptr);
  CPLSetThreadLocalConfigOption("GDAL_PAM_ENABLED", nullptr);
  if (!out.h) throw OutputError(fmt::format("{}: cannot write the PNG: {}", path, gdal_error()));
}

std::string map_svg(const std::string& png_name, const AreaGrid& a, const std::vector<MapMark>& marks, double scale_bar_m,
                    const std::string& title) {
  const int W = a.cols, H = a.rows;
  std::string s = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"{0}\" height=\"{1}\" "
      "viewBox=\"0 0 {0} {1}\" font-family=\"sans-serif\">\n<image x=\"0\" y=\"30\" width=\"{2}\" height=\"{3}\" xlink:href=\"{4}\"/>\n"
      "<text x=\"8\" y=\"20\" font-size=\"15\">{5}</text>\n",
      W, H + 50, W, H, png_name, title);
  for (const MapMark& m : marks)
    s += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"12\" fill=\"{}\" stroke=\"white\" stroke-width=\"3\" "
                     "paint-order=\"stroke\">{}</text>\n",
                     col_of(a, m.lon_deg) + 8, row_of(a, m.lat_deg) + 30 - 6, m.radar ? "#b00000" : "#1030c0", m.name);
  s += fmt::format("<text x=\"20\" y=\"{}\" font-size=\"12\">0</text><text x=\"{:.0f}\" y=\"{}\" font-size=\"12\">{:g} km</text>\n",
                   H + 30 - 32, 20 + scale_bar_m / a.cell_m() - 10, H + 30 - 32, scale_bar_m / 1e3);
  s += fmt::format("<text x=\"8\" y=\"{}\" font-size=\"12\">green: seen by one radar; yellow-green: two or more; grey: unseen. "
                   "Red squares: radars; blue diamonds: assets. EPSG:4326, cell {:.0f} m</text>\n</svg>\n",
                   H + 45, a.cell_m());
  return s;
}

}  // namespace skyshield
