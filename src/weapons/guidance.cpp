#include "weapons/guidance.hpp"

#include <cmath>

namespace skyshield {

LineOfSight line_of_sight(const Vec3& missile_pos, const Vec3& missile_vel, const Vec3& target_pos, const Vec3& target_vel) {
  LineOfSight los;
  const Vec3 r = target_pos - missile_pos;
  const Vec3 v = target_vel - missile_vel;
  const double r2 = r.squaredNorm();
  if (r2 < 1e-12) return los;
  los.range_m = std::sqrt(r2);
  los.u = r / los.range_m;
  los.rate = r.cross(v) / r2;
  los.closing_speed_mps = -r.dot(v) / los.range_m;
  return los;
}

Vec3 pn_command(const LineOfSight& los, const Vec3& los_rate, double nav_constant) {
  return nav_constant * los.closing_speed_mps * los_rate.cross(los.u);
}

Vec3 apn_command(const LineOfSight& los, const Vec3& los_rate, double nav_constant, const Vec3& target_accel) {
  const Vec3 a_normal = target_accel - target_accel.dot(los.u) * los.u;
  return pn_command(los, los_rate, nav_constant) + 0.5 * nav_constant * a_normal;
}

Vec3 axial_acceleration_term(const LineOfSight& los, const Vec3& missile_axis, double axial_displacement_m,
                             double time_to_go_s, double nav_constant) {
  if (time_to_go_s <= 1e-6) return Vec3::Zero();
  const Vec3 across = missile_axis - missile_axis.dot(los.u) * los.u;
  return -nav_constant * axial_displacement_m / (time_to_go_s * time_to_go_s) * across;
}

Vec3 pn_acceleration(const Vec3& missile_pos, const Vec3& missile_vel, const Vec3& target_pos,
                     const Vec3& target_vel, double nav_constant) {
  const LineOfSight los = line_of_sight(missile_pos, missile_vel, target_pos, target_vel);
  return pn_command(los, los.rate, nav_constant);
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

const Vec3& FirstOrderLag::step(const Vec3& input, double dt) {
  if (tau_ <= 0.0) y_ = input;
  else y_ += (1.0 - std::exp(-dt / tau_)) * (input - y_);
  return y_;
}

}  // namespace skyshield
