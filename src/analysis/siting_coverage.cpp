#include "analysis/siting_coverage.hpp"

#include <algorithm>
#include <cmath>

#include "core/units.hpp"
#include "sensors/detection.hpp"
#include "sensors/horizon.hpp"
#include "sensors/measurement.hpp"
#include "sensors/radar_equation.hpp"
#include "sensors/vertical_coverage.hpp"

namespace skyshield {

namespace {
constexpr double kMetresPerDegree = 111320.0;   // one degree of latitude, near enough for cell sizes
}  // namespace

double AreaGrid::cell_m() const {
  const double mid = north_lat_deg - 0.5 * rows * dlat_deg;
  return std::max(dlat_deg, dlon_deg * std::cos(mid * kDegToRad)) * kMetresPerDegree;
}

AreaGrid make_area_grid(double south, double north, double west, double east, int cells) {
  AreaGrid a;
  const double mid = 0.5 * (south + north);
  const double height_m = (north - south) * kMetresPerDegree;
  const double width_m = (east - west) * kMetresPerDegree * std::cos(mid * kDegToRad);
  const double cell = std::max(height_m, width_m) / std::max(1, cells);
  a.dlat_deg = cell / kMetresPerDegree;
  a.dlon_deg = cell / (kMetresPerDegree * std::cos(mid * kDegToRad));
  a.rows = std::max(1, static_cast<int>(std::lround(height_m / cell)));
  a.cols = std::max(1, static_cast<int>(std::lround(width_m / cell)));
  a.north_lat_deg = north;
  a.west_lon_deg = west;
  return a;
}

OffsetField::OffsetField(const Geodetic& centre, const AreaGrid& area, double spacing_m) : centre_(centre) {
  const double south = area.north_lat_deg - area.rows * area.dlat_deg;
  const double mid = south + 0.5 * area.rows * area.dlat_deg;
  step_lat_ = spacing_m / kMetresPerDegree;
  step_lon_ = spacing_m / (kMetresPerDegree * std::cos(mid * kDegToRad));
  south_ = south - step_lat_;
  west_ = area.west_lon_deg - step_lon_;
  n_lat_ = static_cast<int>(std::ceil((area.rows * area.dlat_deg + 2 * step_lat_) / step_lat_)) + 1;
  n_lon_ = static_cast<int>(std::ceil((area.cols * area.dlon_deg + 2 * step_lon_) / step_lon_)) + 1;
  east_.resize(static_cast<std::size_t>(n_lat_) * n_lon_);
  north_.resize(east_.size());
  for (int i = 0; i < n_lat_; ++i)
    for (int j = 0; j < n_lon_; ++j) {
      const GeodesicResult g = geodesic_inverse(centre, {south_ + i * step_lat_, west_ + j * step_lon_, 0.0});
      const double az = g.azimuth_deg * kDegToRad;
      east_[static_cast<std::size_t>(i) * n_lon_ + j] = g.distance_m * std::sin(az);
      north_[static_cast<std::size_t>(i) * n_lon_ + j] = g.distance_m * std::cos(az);
    }
}

GeodesicResult OffsetField::at(double lat_deg, double lon_deg) const {
  const double x = (lat_deg - south_) / step_lat_, y = (lon_deg - west_) / step_lon_;
  if (!(x >= 0.0 && y >= 0.0 && x < n_lat_ - 1 && y < n_lon_ - 1)) return geodesic_inverse(centre_, {lat_deg, lon_deg, 0.0});
  const int i = static_cast<int>(x), j = static_cast<int>(y);
  const double fx = x - i, fy = y - j;
  const std::size_t k = static_cast<std::size_t>(i) * n_lon_ + j;
  auto lerp = [&](const std::vector<double>& v) {
    return (1 - fx) * ((1 - fy) * v[k] + fy * v[k + 1]) + fx * ((1 - fy) * v[k + n_lon_] + fy * v[k + n_lon_ + 1]);
  };
  const double e = lerp(east_), n = lerp(north_);
  double az = std::atan2(e, n) * kRadToDeg;
  if (az < 0.0) az += 360.0;
  return {std::hypot(e, n), az};
}

double detection_range_m(const RadarParams& p, const TargetSpec& t) {
  const double snr = required_snr(t.swerling, t.pd, p.pfa, p.noncoherent_looks);
  return std::min(p.instrumented_range_m, radar_equation_range(radar_terms(p, t.rcs_m2), snr));
}

RadarViewshed::RadarViewshed(const Terrain& terrain, const RadarParams& p, const Geodetic& site, const TargetSpec& target,
                             const AreaGrid& area, double az_step_deg)
    : p_(&p), antenna_{site.lat_deg, site.lon_deg, site.alt_m + p.antenna_height_m}, floor_m_(terrain.floor_height()),
      range_m_(detection_range_m(p, target)),
      // Azimuth bins about one map cell wide at the detection range (0.05 to 0.25 deg).
      mask_(terrain, antenna_, range_m_,
            az_step_deg > 0.0 ? az_step_deg : std::clamp(area.cell_m() / std::max(1.0, range_m_) * kRadToDeg, 0.05, 0.25)),
      offsets_(antenna_, area) {}

bool RadarViewshed::sees_at(double ground_m, double az_deg, double alt_m) const {
  const double ha = antenna_.alt_m - floor_m_, ht = alt_m - floor_m_;
  if (ground_m > radar_horizon_range_m(ha, ht)) return false;
  if (effective_earth_slant_range_m(ha, ht, ground_m) > range_m_) return false;
  const double az = az_deg * kDegToRad;
  if (p_->scan == ScanKind::Sector &&
      clockwise_rad((p_->sector_center_deg - 0.5 * p_->sector_width_deg) * kDegToRad, az) > p_->sector_width_deg * kDegToRad)
    return false;
  return !mask_.masked(az, ground_m, alt_m);
}

bool RadarViewshed::sees(double lat_deg, double lon_deg, double alt_m) const {
  const GeodesicResult g = offsets_.at(lat_deg, lon_deg);
  return sees_at(g.distance_m, g.azimuth_deg, alt_m);
}

std::vector<float> area_ground(const Terrain& terrain, const AreaGrid& area) {
  std::vector<float> out(static_cast<std::size_t>(area.rows) * area.cols);
  for (int r = 0; r < area.rows; ++r)
    for (int c = 0; c < area.cols; ++c)
      out[static_cast<std::size_t>(r) * area.cols + c] = static_cast<float>(terrain.height(area.lat(r), area.lon(c)));
  return out;
}

std::vector<std::vector<unsigned char>> coverage_layers(const RadarViewshed& radar, const AreaGrid& area,
                                                        const std::vector<float>& ground, const std::vector<double>& heights_m) {
  std::vector<std::vector<unsigned char>> out(heights_m.size(),
                                              std::vector<unsigned char>(static_cast<std::size_t>(area.rows) * area.cols, 0));
  for (int r = 0; r < area.rows; ++r)
    for (int c = 0; c < area.cols; ++c) {
      const std::size_t k = static_cast<std::size_t>(r) * area.cols + c;
      const GeodesicResult g = radar.offsets().at(area.lat(r), area.lon(c));
      for (std::size_t h = 0; h < heights_m.size(); ++h)
        out[h][k] = radar.sees_at(g.distance_m, g.azimuth_deg, ground[k] + heights_m[h]) ? 1 : 0;
    }
  return out;
}

}  // namespace skyshield
