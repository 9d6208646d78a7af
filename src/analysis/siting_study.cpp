#include "analysis/siting_study.hpp"

#include <algorithm>
#include <cmath>
#include <memory>

#include "core/units.hpp"

namespace skyshield {

std::vector<SitedRadar> scenario_radars(const Scenario& s) {
  std::vector<SitedRadar> out;
  for (std::size_t b = 0; b < s.battalions.size(); ++b)
    for (const RadarSite& r : s.battalions[b].radars)
      out.push_back({s.battalions[b].name + "/" + r.name, static_cast<int>(b), r.type_index, r.site});
  return out;
}

AreaGrid siting_area(const Scenario& s, const Terrain& terrain, const std::vector<CandidateSite>& candidates,
                     const TargetSpec& target, int cells) {
  if (double s0, n0, w0, e0; terrain_data_box(terrain, s0, n0, w0, e0)) return make_area_grid(s0, n0, w0, e0, cells);
  double south = 90, north = -90, west = 360, east = -360, reach = 0.0;
  auto take = [&](double lat, double lon) {
    south = std::min(south, lat), north = std::max(north, lat), west = std::min(west, lon), east = std::max(east, lon);
  };
  for (const SitedRadar& r : scenario_radars(s)) {
    take(r.site.lat_deg, r.site.lon_deg);
    reach = std::max(reach, detection_range_m(s.radar_types[r.type], target));
  }
  for (const DefendedAsset& a : s.assets) take(a.site.lat_deg, a.site.lon_deg);
  for (const CandidateSite& c : candidates) take(c.lat_deg, c.lon_deg);
  reach = std::min(reach, 300e3);
  const double dlat = reach / 111320.0, dlon = reach / (111320.0 * std::cos(0.5 * (south + north) * kDegToRad));
  return make_area_grid(std::max(-89.0, south - dlat), std::min(89.0, north + dlat), west - dlon, east + dlon, cells);
}

std::vector<std::vector<double>> asset_first_detection(const std::vector<ApproachRadials>& assets,
                                                        const std::vector<const RadarViewshed*>& radars, double h_m) {
  std::vector<std::vector<double>> out;
  for (const ApproachRadials& a : assets) out.push_back(first_detection_m(a, radars, h_m));
  return out;
}

std::vector<char> corridor_radials(const Scenario& s, int asset, int radials, double half_width_deg) {
  std::vector<char> out(radials, 0);
  const Geodetic& at = s.assets[asset].site;
  bool any = false;
  for (const ThreatSpec& t : s.threats) {
    if (t.target_asset != asset) continue;
    const Geodetic start = t.route.empty() ? t.launch_point : t.route.front();
    const double bearing = geodesic_inverse(at, start).azimuth_deg;
    for (int r = 0; r < radials; ++r) {
      const double diff = std::abs(std::remainder(360.0 * r / radials - bearing, 360.0));
      if (diff <= half_width_deg) out[r] = 1, any = true;
    }
  }
  if (!any) out.assign(radials, 1);
  return out;
}

PlacementProblem build_placement(const Scenario& s, const Terrain& terrain, const AreaGrid& area,
                                 const std::vector<CandidateSite>& sites, const std::vector<ApproachRadials>& assets,
                                 const std::vector<int>& asset_index, const std::vector<std::vector<char>>& corridors,
                                 const TargetSpec& target, const ApproachSettings& approach, double h_m) {
  PlacementProblem p;
  p.units = static_cast<int>(s.battalions.size());
  p.sites = static_cast<int>(sites.size());
  // Each asset's radials in a block of whole 64-bit words, so that a word has one weight.
  double total_value = 0.0;
  for (std::size_t a = 0; a < assets.size(); ++a) total_value += s.assets[asset_index[a]].value;
  std::vector<int> first_word;
  for (std::size_t a = 0; a < assets.size(); ++a) {
    first_word.push_back(static_cast<int>(p.word_weight.size()));
    const int words = (assets[a].radials + 63) / 64;
    const double n = static_cast<double>(std::count(corridors[a].begin(), corridors[a].end(), 1));
    const double w = total_value > 0.0 && n > 0 ? s.assets[asset_index[a]].value / total_value / n : 0.0;
    p.word_weight.insert(p.word_weight.end(), words, w);
  }
  for (int u = 0; u < p.units; ++u) {
    const BattalionSpec& bn = s.battalions[u];
    for (int c = 0; c < p.sites; ++c) {
      const Geodetic to = moved_site(bn.command_post, sites[c], terrain);
      std::vector<std::unique_ptr<RadarViewshed>> views;
      std::vector<const RadarViewshed*> ptrs;
      for (const RadarSite& r : bn.radars) {
        const Geodetic at = move_with(r.site, bn.command_post, to, terrain);
        views.push_back(std::make_unique<RadarViewshed>(terrain, s.radar_types[r.type_index], at, target, area, 0.25));
        ptrs.push_back(views.back().get());
      }
      ElementSet set(p.word_weight.size(), 0);
      const std::vector<std::vector<double>> first = asset_first_detection(assets, ptrs, h_m);
      for (std::size_t a = 0; a < assets.size(); ++a)
        for (int r = 0; r < assets[a].radials; ++r)
          if (corridors[a][r] && first[a][r] >= approach.required_m()) set[first_word[a] + r / 64] |= std::uint64_t{1} << (r % 64);
      p.covers.push_back(std::move(set));
    }
  }
  return p;
}

}  // namespace skyshield
