#include "dis/orientation.hpp"

#include <algorithm>
#include <cmath>

#include "core/geo.hpp"

namespace skyshield::dis {

Mat3 body_to_ecef(const EulerAngles& e) {
  const Eigen::AngleAxisd yaw(e.psi, Vec3::UnitZ()), pitch(e.theta, Vec3::UnitY()), roll(e.phi, Vec3::UnitX());
  return (yaw * pitch * roll).toRotationMatrix();
}

EulerAngles euler_from_body_to_ecef(const Mat3& r) {
  EulerAngles e;
  e.theta = static_cast<float>(-std::asin(std::clamp(r(2, 0), -1.0, 1.0)));
  e.psi = static_cast<float>(std::atan2(r(1, 0), r(0, 0)));
  e.phi = static_cast<float>(std::atan2(r(2, 1), r(2, 2)));
  return e;
}

EulerAngles euler_from_velocity(const Vec3& pos_ecef, const Vec3& vel_ecef) {
  const Vec3 up = up_vector(geodetic_from_ecef(pos_ecef));
  Vec3 east = Vec3::UnitZ().cross(up);
  east = east.norm() < 1e-9 ? Vec3::UnitY() : Vec3(east.normalized());  // at a pole any east will do
  const Vec3 north = up.cross(east);
  const double speed = vel_ecef.norm();
  const Vec3 x = speed < 0.1 ? north : Vec3(vel_ecef / speed);
  Vec3 y = x.cross(up);  // the right wing, horizontal
  if (y.norm() < 1e-6) y = east;  // straight up or down: wings east-west
  y.normalize();
  Mat3 r;
  r.col(0) = x;
  r.col(1) = y;
  r.col(2) = x.cross(y);
  return euler_from_body_to_ecef(r);
}

double orientation_difference(const EulerAngles& a, const EulerAngles& b) {
  const Eigen::AngleAxisd d(body_to_ecef(a).transpose() * body_to_ecef(b));
  return std::abs(d.angle());
}

}  // namespace skyshield::dis
