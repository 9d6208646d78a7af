#include "weapons/guidance.hpp"

namespace skyshield {

Vec3 pn_acceleration(const Vec3& missile_pos, const Vec3& missile_vel, const Vec3& target_pos,
                     const Vec3& target_vel, double nav_constant) {
  const Vec3 r = target_pos - missile_pos;
  const Vec3 v = target_vel - missile_vel;
  const double r2 = r.squaredNorm();
  if (r2 < 1e-12) return Vec3::Zero();
  const Vec3 omega = r.cross(v) / r2;                 // line-of-sight rate vector
  const double vc = -r.dot(v) / std::sqrt(r2);        // closing speed
  const Vec3 u = r / std::sqrt(r2);
  return nav_constant * vc * omega.cross(u);
}

Vec3 limit_lateral(const Vec3& a, const Vec3& v, double limit) {
  const double vn = v.norm();
  Vec3 lat = a;
  if (vn > 1e-9) {
    const Vec3 u = v / vn;
    lat = a - a.dot(u) * u;
  }
  const double m = lat.norm();
  return m > limit ? Vec3(lat * (limit / m)) : lat;
}

}  // namespace skyshield
