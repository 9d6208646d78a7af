#include "scenario/positions.hpp"

namespace skyshield {

Geodetic parse_position(const YamlNode& n, const Places& places, const Terrain* ground) {
  if (!n.is_map()) n.fail("must be a position map {lat, lon, alt} or {from, bearing_deg, range_km, alt}");
  Geodetic g;
  if (n.has("from")) {
    n.allow_only({"from", "bearing_deg", "range_km", "alt", "agl"});
    const YamlNode from = n.required("from");
    const auto it = places.find(from.str());
    if (it == places.end()) from.fail(fmt::format("unknown place '{}' (an asset or battalion defined earlier)", from.str()));
    g = geodesic_direct(it->second, n.number_at("bearing_deg", -360.0, 360.0), n.number_at("range_km", 0.0, 20000.0) * 1e3);
  } else {
    n.allow_only({"lat", "lon", "alt", "agl"});
    g.lat_deg = n.number_at("lat", -90.0, 90.0);
    g.lon_deg = n.number_at("lon", -180.0, 180.0);
  }
  if (n.has("alt") == n.has("agl")) n.fail("give exactly one of alt (above the ellipsoid) or agl (above the terrain)");
  if (n.has("agl")) {
    if (!ground) n.required("agl").fail("agl is for ground sites (assets, battalions, radars, launchers); use alt");
    g.alt_m = ground->height(g) + n.number_at("agl", 0.0, 1000.0);
  } else {
    g.alt_m = n.number_at("alt", -500.0, 1e6);
  }
  return g;
}

}  // namespace skyshield
