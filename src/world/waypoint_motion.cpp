#include "world/waypoint_motion.hpp"

#include <algorithm>
#include <cmath>

#include "core/units.hpp"

namespace skyshield {

namespace {
double wrap180(double deg) {
  deg = std::fmod(deg + 180.0, 360.0);
  if (deg < 0) deg += 360.0;
  return deg - 180.0;
}
}  // namespace

WaypointMotion::WaypointMotion(std::vector<Geodetic> route, double speed_mps, double max_load_factor,
                               double max_climb_rate_mps)
    : route_(std::move(route)),
      speed_(speed_mps),
      turn_rate_(kStandardGravity * std::sqrt(std::max(0.0, max_load_factor * max_load_factor - 1.0)) /
                 speed_mps),
      climb_rate_(max_climb_rate_mps),
      pos_(route_.front()) {
  if (route_.size() > 1) heading_deg_ = geodesic_inverse(route_[0], route_[1]).azimuth_deg;
}

bool WaypointMotion::step(double dt) {
  if (finished()) return true;
  const Geodetic& target = route_[next_];
  const GeodesicResult to_wp = geodesic_inverse(pos_, target);
  const double error = wrap180(to_wp.azimuth_deg - heading_deg_);
  const double max_turn = turn_rate_ * dt * kRadToDeg;
  heading_deg_ = wrap180(heading_deg_ + std::clamp(error, -max_turn, max_turn));

  // Climb or descend so as to reach the waypoint's altitude on arrival, within the climb limit.
  const double time_to_go = std::max(to_wp.distance_m / speed_, dt);
  vertical_speed_ = std::clamp((target.alt_m - pos_.alt_m) / time_to_go, -climb_rate_, climb_rate_);
  const double ground_speed = std::sqrt(std::max(0.0, speed_ * speed_ - vertical_speed_ * vertical_speed_));
  const double advance = ground_speed * dt;

  if (to_wp.distance_m <= advance) {
    pos_ = target;
    ++next_;
    return finished();
  }
  // A waypoint inside the turn circle and behind the aircraft cannot be reached: take it as passed.
  const double turn_radius = turn_rate_ > 0 ? speed_ / turn_rate_ : 1e18;
  if (to_wp.distance_m < turn_radius && std::abs(error) > 90.0) {
    ++next_;
    if (finished()) return true;
  }
  const double alt = pos_.alt_m + vertical_speed_ * dt;
  pos_ = geodesic_direct(pos_, heading_deg_, advance);
  pos_.alt_m = alt;
  return false;
}

Vec3 WaypointMotion::velocity_ecef() const {
  if (finished()) return Vec3::Zero();
  const double gs = std::sqrt(std::max(0.0, speed_ * speed_ - vertical_speed_ * vertical_speed_));
  const double h = heading_deg_ * kDegToRad;
  const LocalFrame frame(pos_);
  return frame.vector_to_ecef(Vec3(gs * std::sin(h), gs * std::cos(h), vertical_speed_));
}

}  // namespace skyshield
