#include "world/ballistic/glide.hpp"

#include <algorithm>
#include <cmath>

#include "core/units.hpp"

namespace skyshield {

namespace {
// Local vertical: the geocentric radial direction (the spherical earth of the equilibrium relation).
Vec3 radial(const Vec3& p) { return p.normalized(); }
}  // namespace

double aim_elevation_deg(const Vec3& p, const Vec3& aim_ecef) {
  const Vec3 los = aim_ecef - p;
  if (los.norm() <= 0.0) return -90.0;
  return std::asin(std::clamp(los.normalized().dot(radial(p)), -1.0, 1.0)) * kRadToDeg;
}

Vec3 glide_lift(const GlideVehicle& g, const Vec3& p, const Vec3& v, const Vec3& drag,
                const Vec3& aim_ecef, bool diving) {
  const double speed = v.norm();
  if (speed <= 1.0) return Vec3::Zero();
  const Vec3 vhat = v / speed;
  const double limit = std::min(g.lift_to_drag * drag.norm(), g.max_lateral_g * kStandardGravity);
  if (limit <= 0.0) return Vec3::Zero();
  if (diving) {
    const Vec3 los = (aim_ecef - p).normalized();
    const Vec3 off = los - los.dot(vhat) * vhat;   // the part of the line of sight across the velocity
    const double angle = std::atan2(off.norm(), los.dot(vhat));
    if (off.norm() <= 1e-12) return Vec3::Zero();
    const double a = std::min(limit, speed * angle / g.dive_time_constant_s);
    return a * off.normalized();
  }
  const Vec3 up = radial(p);
  const Vec3 lift_up_dir = (up - up.dot(vhat) * vhat);      // lift "up": in the vertical plane, across v
  if (lift_up_dir.norm() <= 1e-9) return Vec3::Zero();
  const Vec3 n_up = lift_up_dir.normalized();
  const Vec3 n_left = n_up.cross(vhat);                      // across v, to the left seen from above
  const Vec3 vh = v - v.dot(up) * up;       // horizontal velocity
  // Heading error toward the aim (positive: the aim is to the left).
  const Vec3 to_aim = aim_ecef - p;
  const Vec3 dh = to_aim - to_aim.dot(up) * up;
  double bank = 0.0;
  if (vh.norm() > 1.0 && dh.norm() > 1.0) {
    const Vec3 a = vh.normalized(), b = dh.normalized();
    const double err = std::atan2(a.cross(b).dot(up), a.dot(b));
    bank = std::clamp(g.heading_gain * err, -g.max_bank_deg * kDegToRad, g.max_bank_deg * kDegToRad);
  }
  // The glide at best L/D: the full lift the air gives (limit) less a feedback on the climb rate
  // that damps the phugoid. Below the equilibrium altitude (dense air) the spare lift lifts the
  // vehicle back; above it the lift falls short and it sinks: it settles where
  // L/D x drag = m (g - v_h^2/r), the equilibrium glide (tests/world/test_glide.cpp).
  const double magnitude = std::clamp(limit - g.sink_damping_per_s * v.dot(up) / std::cos(bank), 0.0, limit);
  return magnitude * (std::cos(bank) * n_up + std::sin(bank) * n_left);
}

}  // namespace skyshield
