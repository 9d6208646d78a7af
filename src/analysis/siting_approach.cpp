#include "analysis/siting_approach.hpp"

#include <algorithm>
#include <cmath>

namespace skyshield {

namespace {
constexpr double kAnchorSpacingM = 8000.0;   // exact geodesic points; linear in lat/lon between them (as sensors/terrain_mask)
}  // namespace

ApproachRadials approach_radials(const Terrain& terrain, const Geodetic& asset, const ApproachSettings& s) {
  ApproachRadials a;
  a.asset = asset;
  a.radials = s.radials;
  a.step_m = s.step_m;
  a.samples = std::max(1, static_cast<int>(std::floor(s.length_m / s.step_m)));
  const std::size_t n = static_cast<std::size_t>(a.radials) * a.samples;
  a.lat.resize(n);
  a.lon.resize(n);
  a.ground.resize(n);
  const int n_anchor = static_cast<int>(std::ceil(a.samples * a.step_m / kAnchorSpacingM));
  std::vector<Geodetic> anchors(n_anchor + 1);
  for (int r = 0; r < a.radials; ++r) {
    const double az = 360.0 * r / a.radials;
    anchors[0] = asset;
    for (int j = 1; j <= n_anchor; ++j) anchors[j] = geodesic_direct(asset, az, j * kAnchorSpacingM);
    for (int i = 0; i < a.samples; ++i) {
      const double x = (i + 1) * a.step_m / kAnchorSpacingM;
      const int j = std::min(n_anchor - 1, static_cast<int>(x));
      const double f = x - j;
      const std::size_t k = static_cast<std::size_t>(r) * a.samples + i;
      a.lat[k] = anchors[j].lat_deg + f * (anchors[j + 1].lat_deg - anchors[j].lat_deg);
      a.lon[k] = anchors[j].lon_deg + f * (anchors[j + 1].lon_deg - anchors[j].lon_deg);
      a.ground[k] = terrain.height(a.lat[k], a.lon[k]);
    }
  }
  return a;
}

std::vector<double> first_detection_m(const ApproachRadials& a, const std::vector<const RadarViewshed*>& radars, double h_m) {
  std::vector<double> out(a.radials, 0.0);
  for (int r = 0; r < a.radials; ++r) {
    // Inbound: the farthest sample any radar sees (each radar's farthest; the largest of them).
    for (const RadarViewshed* v : radars)
      for (int i = a.samples - 1; i >= 0; --i) {
        const double d = (i + 1) * a.step_m;
        if (d <= out[r]) break;
        const std::size_t k = static_cast<std::size_t>(r) * a.samples + i;
        if (v->sees(a.lat[k], a.lon[k], a.ground[k] + h_m)) {
          out[r] = d;
          break;
        }
      }
  }
  return out;
}

double covered_share(const std::vector<double>& first_m, double required_m) {
  if (first_m.empty()) return 0.0;
  const auto n = std::count_if(first_m.begin(), first_m.end(), [&](double d) { return d >= required_m; });
  return static_cast<double>(n) / static_cast<double>(first_m.size());
}

}  // namespace skyshield
