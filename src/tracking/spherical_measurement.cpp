#include "tracking/spherical_measurement.hpp"

#include <cmath>
#include <numbers>

namespace skyshield {

SensorGeometry SensorGeometry::between(const LocalFrame& radar, const LocalFrame& tracker) {
  SensorGeometry g;
  g.position = tracker.to_enu(radar.origin_ecef());
  g.to_sensor = radar.enu_to_ecef().transpose() * tracker.enu_to_ecef();
  return g;
}

Mat4 SphericalMeasurement::R() const {
  Mat4 r = Mat4::Identity();
  for (int i = 0; i < dim; ++i) r(i, i) = sigma(i) * sigma(i);
  return r;
}

SphericalMeasurement SphericalMeasurement::from(const Measurement& m, const SensorGeometry& g) {
  SphericalMeasurement s;
  s.t = m.t;
  s.sensor = g;
  s.dim = m.has_range_rate ? 4 : 3;
  s.z << m.rae.range_m, m.rae.az_rad, m.rae.el_rad, m.has_range_rate ? m.range_rate_mps : 0.0;
  s.sigma << m.sigma_range_m, m.sigma_az_rad, m.sigma_el_rad, m.has_range_rate ? m.sigma_range_rate_mps : 0.0;
  return s;
}

Vec4 measure(const Vec9& x, const SensorGeometry& g) {
  const Vec3 d = g.to_sensor * (position_of(x) - g.position);
  const Vec3 v = g.to_sensor * velocity_of(x);
  const double r = d.norm(), rh = std::hypot(d.x(), d.y());
  Vec4 h;
  h << r, std::atan2(d.x(), d.y()), std::atan2(d.z(), rh), r > 0.0 ? d.dot(v) / r : 0.0;
  return h;
}

Eigen::Matrix<double, 4, 9> measure_jacobian(const Vec9& x, const SensorGeometry& g) {
  const Vec3 d = g.to_sensor * (position_of(x) - g.position);
  const Vec3 v = g.to_sensor * velocity_of(x);
  const double e = d.x(), n = d.y(), u = d.z();
  const double rh2 = std::max(e * e + n * n, 1e-6), rh = std::sqrt(rh2);
  const double r2 = std::max(d.squaredNorm(), 1e-6), r = std::sqrt(r2);
  // Derivatives with respect to the radar-frame position d and velocity v.
  Eigen::Matrix<double, 4, 3> Hd;
  Hd.row(0) = d.transpose() / r;
  Hd.row(1) << n / rh2, -e / rh2, 0.0;
  Hd.row(2) << -e * u / (r2 * rh), -n * u / (r2 * rh), rh / r2;
  const double rdot = d.dot(v) / r;
  Hd.row(3) = (v.transpose() - rdot * d.transpose() / r) / r;
  Eigen::Matrix<double, 4, 9> H = Eigen::Matrix<double, 4, 9>::Zero();
  H.leftCols<3>() = Hd * g.to_sensor;
  H.block<1, 3>(3, 3) = (d.transpose() / r) * g.to_sensor;
  return H;
}

Vec4 residual(const Vec4& z, const Vec4& h, int dim) {
  Vec4 y = z - h;
  y(1) = std::remainder(y(1), 2.0 * std::numbers::pi);
  for (int i = dim; i < 4; ++i) y(i) = 0.0;
  return y;
}

}  // namespace skyshield
