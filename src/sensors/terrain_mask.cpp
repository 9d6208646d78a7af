#include "sensors/terrain_mask.hpp"

#include <algorithm>
#include <cmath>

#include "core/units.hpp"
#include "sensors/horizon.hpp"

namespace skyshield {

namespace {
constexpr double kTwoPi = 2.0 * kPi;
constexpr double kAnchorSpacingM = 8000.0;   // exact geodesic points; linear in lat/lon between them
}  // namespace

TerrainMask::TerrainMask(const Terrain& terrain, const Geodetic& antenna, double max_range_m, double az_step_deg,
                         double k) {
  ground_m_ = terrain.floor_height();
  if (terrain.is_flat()) return;   // the smooth-earth horizon does all the work
  antenna_h_ = antenna.alt_m;
  two_kr_ = 2.0 * k * kEarthMeanRadius;
  // Ground beyond the horizon of the highest ground cannot rise into view (heights above the floor).
  const double reach = horizon_distance_m(antenna.alt_m - ground_m_, k) + horizon_distance_m(terrain.max_height() - ground_m_, k);
  range_m_ = std::min(max_range_m, reach);
  step_m_ = std::clamp(terrain.feature_scale_m() / 4.0, 50.0, 500.0);
  n_r_ = std::max(1, static_cast<int>(std::ceil(range_m_ / step_m_)));
  n_az_ = std::max(4, static_cast<int>(std::lround(360.0 / az_step_deg)));
  az_step_rad_ = kTwoPi / n_az_;
  mask_.assign(static_cast<std::size_t>(n_az_) * n_r_, 0.0f);
  const int n_anchor = static_cast<int>(std::ceil(n_r_ * step_m_ / kAnchorSpacingM));
  std::vector<Geodetic> anchors(n_anchor + 1);
  for (int a = 0; a < n_az_; ++a) {
    const double az_deg = a * az_step_rad_ * kRadToDeg;
    anchors[0] = antenna;
    for (int j = 1; j <= n_anchor; ++j) anchors[j] = geodesic_direct(antenna, az_deg, j * kAnchorSpacingM);
    double best = -1e9;
    for (int i = 0; i < n_r_; ++i) {
      const double d = (i + 1) * step_m_;
      const double x = d / kAnchorSpacingM;
      const int j = std::min(n_anchor - 1, static_cast<int>(x));
      const double f = x - j;
      const double lat = anchors[j].lat_deg + f * (anchors[j + 1].lat_deg - anchors[j].lat_deg);
      const double lon = anchors[j].lon_deg + f * (anchors[j + 1].lon_deg - anchors[j].lon_deg);
      const double u = (terrain.height(lat, lon) - antenna_h_) / d - d / two_kr_;
      best = std::max(best, u);
      mask_[static_cast<std::size_t>(a) * n_r_ + i] = static_cast<float>(best);
    }
  }
}

double TerrainMask::mask_elevation(double az_rad, double ground_m) const {
  if (!active()) return -1e9;
  // Ground samples strictly before the target (the last step before it is excluded: the target
  // flies over its own ground, which a coarse sample must not count as an obstacle).
  const int i = std::min(n_r_, static_cast<int>(std::floor(ground_m / step_m_))) - 2;
  if (i < 0) return -1e9;
  double a = std::fmod(az_rad, kTwoPi);
  if (a < 0.0) a += kTwoPi;
  const int bin = static_cast<int>(std::lround(a / az_step_rad_)) % n_az_;
  return mask_[static_cast<std::size_t>(bin) * n_r_ + i];
}

bool TerrainMask::masked(double az_rad, double ground_m, double h_m) const {
  if (!active() || ground_m <= 0.0) return false;
  const double u = (h_m - antenna_h_) / ground_m - ground_m / two_kr_;
  return u < mask_elevation(az_rad, ground_m);
}

bool terrain_blocks_ray(const Terrain& terrain, const Geodetic& antenna, const Geodetic& target, double step_m, double k) {
  const GeodesicResult g = geodesic_inverse(antenna, target);
  const double D = g.distance_m, two_kr = 2.0 * k * kEarthMeanRadius;
  for (double d = step_m; d < D - step_m; d += step_m) {
    const double ray = antenna.alt_m + (target.alt_m - antenna.alt_m) * d / D - d * (D - d) / two_kr;
    if (terrain.height(geodesic_direct(antenna, g.azimuth_deg, d)) > ray) return true;
  }
  return false;
}

}  // namespace skyshield
