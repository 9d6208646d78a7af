#include "analysis/siting_sites.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/error.hpp"
#include "scenario/yaml_node.hpp"
#include "sensors/radar.hpp"

namespace skyshield {

bool terrain_data_box(const Terrain& terrain, double& south, double& north, double& west, double& east) {
  const TerrainParams& p = terrain.params();
  if (p.kind != TerrainParams::Kind::Grid || p.grids.empty()) return false;
  south = 90.0, north = -90.0, west = 360.0, east = -360.0;
  for (const auto& g : p.grids) {
    double s, n, w, e;
    if (g->mesh) {  // a grid in another CRS: the latitude/longitude box its mesh was tabulated over
      const CrsMesh& m = *g->mesh;
      s = m.south_lat_deg, n = s + (m.rows - 1) * m.step_deg, w = m.west_lon_deg, e = w + (m.cols - 1) * m.step_deg;
    } else {        // WGS 84 degrees: the hull of the cell centres
      s = g->y0, n = g->y0 + (g->rows - 1) * g->dy, w = g->x0, e = g->x0 + (g->cols - 1) * g->dx;
    }
    south = std::min(south, s), north = std::max(north, n), west = std::min(west, w), east = std::max(east, e);
  }
  return true;
}

std::string outside_terrain(const Terrain& terrain, double lat, double lon) {
  double south, north, west, east;
  if (!terrain_data_box(terrain, south, north, west, east) || terrain.covers(lat, lon)) return "";
  return fmt::format("({:.5f}, {:.5f}) is outside the terrain data (lat {:.5f} to {:.5f}, lon {:.5f} to {:.5f})", lat, lon, south,
                     north, west, east);
}

namespace {
// True when some longitude inside the data's box is covered at this latitude (then the longitude is to blame).
bool terrain_lon_inside(const Terrain& terrain, double lat) {
  double south, north, west, east;
  if (!terrain_data_box(terrain, south, north, west, east)) return false;
  return terrain.covers(lat, 0.5 * (west + east));
}
}  // namespace

std::vector<CandidateSite> load_candidates(const std::string& path, const Terrain& terrain) {
  const YamlNode root = YamlNode::load_file(path);
  root.allow_only({"candidates"});
  std::vector<CandidateSite> out;
  for (const YamlNode& n : root.required("candidates").list()) {
    n.allow_only({"name", "lat", "lon"});
    CandidateSite c{n.name_at("name"), n.number_at("lat", -90.0, 90.0), n.number_at("lon", -180.0, 360.0)};
    for (const CandidateSite& o : out)
      if (o.name == c.name) n.required("name").fail("candidate name '" + c.name + "' is used twice");
    if (const std::string why = outside_terrain(terrain, c.lat_deg, c.lon_deg); !why.empty())   // blame the coordinate that is out
      n.required(terrain_lon_inside(terrain, c.lat_deg) ? "lon" : "lat").fail(why);
    out.push_back(c);
  }
  if (out.empty()) root.required("candidates").fail("no candidate sites");
  return out;
}

Geodetic move_with(const Geodetic& p, const Geodetic& from, const Geodetic& to, const Terrain& ground) {
  const GeodesicResult g = geodesic_inverse(from, p);
  Geodetic q = g.distance_m > 0.0 ? geodesic_direct(to, g.azimuth_deg, g.distance_m) : to;
  q.alt_m = ground.height(q) + (p.alt_m - ground.height(p));
  return q;
}

Geodetic moved_site(const Geodetic& from, const CandidateSite& c, const Terrain& ground) {
  Geodetic to{c.lat_deg, c.lon_deg, 0.0};
  to.alt_m = ground.height(to) + (from.alt_m - ground.height(from));
  return to;
}

Scenario relocate_battalions(const Scenario& s, const std::vector<int>& site_of_battalion, const std::vector<CandidateSite>& sites) {
  Scenario out = s;
  const Terrain ground(s.terrain);
  for (std::size_t b = 0; b < out.battalions.size() && b < site_of_battalion.size(); ++b) {
    if (site_of_battalion[b] < 0) continue;
    BattalionSpec& bn = out.battalions[b];
    const Geodetic from = bn.command_post;
    const CandidateSite& c = sites.at(site_of_battalion[b]);
    const Geodetic to = moved_site(from, c, ground);
    for (RadarSite& r : bn.radars) {
      r.site = move_with(r.site, from, to, ground);
      r.mask = Radar::terrain_mask_for(s.radar_types[r.type_index], r.site, ground);
    }
    for (LauncherConfig& l : bn.launchers) l.site = move_with(l.site, from, to, ground);
    bn.command_post = to;
    for (DefendedAsset& a : out.assets)
      if (a.battalion == static_cast<int>(b) && a.radar >= 0) a.site = bn.radars[a.radar].site;
  }
  return out;
}

}  // namespace skyshield
