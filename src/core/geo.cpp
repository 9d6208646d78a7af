#include "core/geo.hpp"

#include <GeographicLib/Geocentric.hpp>
#include <GeographicLib/Geodesic.hpp>
#include <cmath>
#include <vector>

#include "core/units.hpp"

namespace skyshield {

Vec3 ecef_from_geodetic(const Geodetic& g) {
  double x = 0, y = 0, z = 0;
  GeographicLib::Geocentric::WGS84().Forward(g.lat_deg, g.lon_deg, g.alt_m, x, y, z);
  return {x, y, z};
}

Geodetic geodetic_from_ecef(const Vec3& p) {
  Geodetic g;
  GeographicLib::Geocentric::WGS84().Reverse(p.x(), p.y(), p.z(), g.lat_deg, g.lon_deg, g.alt_m);
  return g;
}

namespace {
Mat3 enu_rotation(const Geodetic& g) {
  const double lat = g.lat_deg * kDegToRad;
  const double lon = g.lon_deg * kDegToRad;
  const double sl = std::sin(lat), cl = std::cos(lat), so = std::sin(lon), co = std::cos(lon);
  Mat3 r;
  // columns: east, north, up expressed in ECEF
  r << -so, -sl * co, cl * co,
        co, -sl * so, cl * so,
        0.0, cl, sl;
  return r;
}
}  // namespace

Vec3 up_vector(const Geodetic& g) { return enu_rotation(g).col(2); }

LocalFrame::LocalFrame(const Geodetic& origin)
    : origin_(origin), origin_ecef_(ecef_from_geodetic(origin)), rot_(enu_rotation(origin)) {}

GeodesicResult geodesic_inverse(const Geodetic& a, const Geodetic& b) {
  double s12 = 0, azi1 = 0, azi2 = 0;
  GeographicLib::Geodesic::WGS84().Inverse(a.lat_deg, a.lon_deg, b.lat_deg, b.lon_deg, s12, azi1, azi2);
  return {s12, azi1};
}

Geodetic geodesic_direct(const Geodetic& from, double azimuth_deg, double distance_m) {
  Geodetic out = from;
  double azi2 = 0;
  GeographicLib::Geodesic::WGS84().Direct(from.lat_deg, from.lon_deg, azimuth_deg, distance_m,
                                          out.lat_deg, out.lon_deg, azi2);
  return out;
}

RangeAzEl range_az_el_from_enu(const Vec3& enu) {
  RangeAzEl r;
  r.range_m = enu.norm();
  double az = std::atan2(enu.x(), enu.y());
  if (az < 0) az += 2.0 * kPi;
  r.az_rad = az;
  const double horiz = std::hypot(enu.x(), enu.y());
  r.el_rad = std::atan2(enu.z(), horiz);
  return r;
}

Vec3 enu_from_range_az_el(const RangeAzEl& rae) {
  const double ce = std::cos(rae.el_rad);
  return {rae.range_m * ce * std::sin(rae.az_rad), rae.range_m * ce * std::cos(rae.az_rad),
          rae.range_m * std::sin(rae.el_rad)};
}

}  // namespace skyshield
