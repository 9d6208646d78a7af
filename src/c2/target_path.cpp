#include "c2/target_path.hpp"

#include <cmath>

#include "core/atmosphere.hpp"
#include "core/units.hpp"

namespace skyshield {

namespace {
constexpr std::size_t kMaxSamples = 8000;  // 2000 s at 0.25 s: longer than any flight time
}

TargetPath::TargetPath(const Vec3& pos, const Vec3& vel, double t, bool ballistic, double inv_beta,
                       double frame_origin_alt_m, double step_s)
    : p0_(pos), v0_(vel), t0_(t), ballistic_(ballistic), k_(ballistic && inv_beta > 0.0 ? inv_beta : 0.0),
      origin_alt_m_(frame_origin_alt_m), h_(step_s) {}

TargetPath::TargetPath(const Track& track, bool ballistic, double frame_origin_alt_m)
    : TargetPath(track.position(), track.velocity(), track.t, ballistic, track.drag.inv_beta_used(), frame_origin_alt_m) {}

Vec3 TargetPath::accel(const Vec3& p, const Vec3& v) const {
  const double alt = p.z() + earth_drop_m(std::hypot(p.x(), p.y())) + origin_alt_m_;
  const double rho = us1976(alt).density_kg_m3;
  return Vec3(0.0, 0.0, -kStandardGravity) - 0.5 * rho * k_ * v.norm() * v;
}

void TargetPath::extend_to(std::size_t n) const {
  if (pos_.empty()) {
    pos_.push_back(p0_);
    vel_.push_back(v0_);
  }
  while (pos_.size() < n) {
    const Vec3 p = pos_.back(), v = vel_.back();
    const double h = h_;
    const Vec3 k1v = accel(p, v), k1p = v;
    const Vec3 k2v = accel(p + 0.5 * h * k1p, v + 0.5 * h * k1v), k2p = v + 0.5 * h * k1v;
    const Vec3 k3v = accel(p + 0.5 * h * k2p, v + 0.5 * h * k2v), k3p = v + 0.5 * h * k2v;
    const Vec3 k4v = accel(p + h * k3p, v + h * k3v), k4p = v + h * k3v;
    pos_.push_back(p + h / 6.0 * (k1p + 2.0 * k2p + 2.0 * k3p + k4p));
    vel_.push_back(v + h / 6.0 * (k1v + 2.0 * k2v + 2.0 * k3v + k4v));
  }
}

Vec3 TargetPath::position_at(double t) const {
  const double dt = t - t0_;
  if (!ballistic_) return p0_ + v0_ * dt;
  if (k_ <= 0.0 || dt <= 0.0) return p0_ + v0_ * dt - Vec3(0.0, 0.0, 0.5 * kStandardGravity * dt * dt);
  const double steps = dt / h_;
  if (!(steps < static_cast<double>(kMaxSamples - 2))) {  // beyond the integrated horizon (or not finite): on from its end under gravity alone
    extend_to(kMaxSamples);
    const double rest = dt - static_cast<double>(kMaxSamples - 1) * h_;
    return pos_.back() + vel_.back() * rest - Vec3(0.0, 0.0, 0.5 * kStandardGravity * rest * rest);
  }
  const std::size_t i = static_cast<std::size_t>(steps);
  extend_to(i + 2);
  // Cubic Hermite between samples i and i + 1.
  const double s = steps - static_cast<double>(i);
  const double s2 = s * s, s3 = s2 * s;
  return (2.0 * s3 - 3.0 * s2 + 1.0) * pos_[i] + (s3 - 2.0 * s2 + s) * h_ * vel_[i] + (-2.0 * s3 + 3.0 * s2) * pos_[i + 1] +
         (s3 - s2) * h_ * vel_[i + 1];
}

}  // namespace skyshield
