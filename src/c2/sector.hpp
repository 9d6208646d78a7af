#pragma once
// A sector of responsibility: the azimuths, seen from an origin, in which a battalion engages.
// A battalion whose fire-control radar is lost hands its sector to a neighbour (c2/network/sector_handover).
#include <cmath>

#include "core/units.hpp"
#include "core/vec.hpp"

namespace skyshield {

struct Sector {
  Vec3 origin_enu = Vec3::Zero();  // in the frame of the battalion that uses it
  double center_deg = 0.0;         // azimuth, clockwise from north
  double width_deg = 360.0;        // 360 = all round
};

// True when p (same frame as the origin) lies in the sector's azimuths (edges included).
inline bool in_sector(const Sector& s, const Vec3& p_enu) {
  if (s.width_deg >= 360.0) return true;
  const Vec3 d = p_enu - s.origin_enu;
  const double az = std::atan2(d.x(), d.y()) * kRadToDeg;
  const double off = std::remainder(az - s.center_deg, 360.0);  // in [-180, 180]
  return std::abs(off) <= 0.5 * s.width_deg;
}

}  // namespace skyshield
