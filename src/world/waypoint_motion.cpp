#include "world/waypoint_motion.hpp"

#include <algorithm>
#include <cmath>

#include "core/units.hpp"
#include "world/fast_geodesy.hpp"

namespace skyshield {

namespace {
double wrap180(double deg) {
  deg = std::fmod(deg + 180.0, 360.0);
  if (deg < 0) deg += 360.0;
  return deg - 180.0;
}
const Terrain kFlat{};
}  // namespace

WaypointMotion::WaypointMotion(std::vector<Geodetic> route, const AirVehicleParams& p, const Terrain* terrain)
    : route_(std::move(route)), p_(p), terrain_(terrain ? terrain : &kFlat), speed_(p.speed_mps),
      turn_rate_(p.turn_rate_rad_s()), pos_(route_.front()) {
  if (route_.size() > 1) heading_deg_ = geodesic_inverse(route_[0], route_[1]).azimuth_deg;
  // A ground or ship launch starts at its following height; an air launch descends to it.
  if (p_.terrain_clearance_m > 0.0) pos_.alt_m = std::max(pos_.alt_m, terrain_->height(pos_) + p_.terrain_clearance_m);
  pos_.alt_m = std::max(pos_.alt_m, terrain_->height(pos_));   // never starts under the ground
}

double WaypointMotion::height_above_ground() const { return pos_.alt_m - terrain_->height(pos_); }

bool WaypointMotion::missile_warning(const Vec3& from_ecef) {
  const Evasion& e = p_.evasion;
  if (!e.enabled || finished() || evading() || breaks_ >= e.max_breaks) return false;
  // Committed: close to its release point (the route's end) it presses on.
  if (geodesic_inverse(pos_, route_.back()).distance_m <= e.commit_range_m) return false;
  const Geodetic m = geodetic_from_ecef(from_ecef);
  evade_heading_deg_ = geodesic_inverse(m, pos_).azimuth_deg;  // away from the missile
  evade_until_ = t_ + e.duration_s;
  ++breaks_;
  return true;
}

double WaypointMotion::commanded_heading(const GeodesicResult& to_wp) const {
  if (evading()) return evade_heading_deg_;
  double h = to_wp.azimuth_deg;
  if (terminal_ && p_.terminal.kind == TerminalKind::Weave && !diving_)
    h += p_.terminal.weave_amplitude_deg * std::sin(2 * kPi * (t_ - terminal_start_t_) / p_.terminal.weave_period_s);
  return h;
}

double WaypointMotion::vertical_speed(const Geodetic& target, const GeodesicResult& to_wp, double dt) {
  const TerminalManoeuvre& tm = p_.terminal;
  const bool last_leg = next_ + 1 == route_.size();
  const double above = pos_.alt_m - target.alt_m;
  // Dive: line of sight onto the target once it lies at the dive angle below (pop-up and dive).
  if (last_leg && !evading() && (tm.kind == TerminalKind::Dive || (tm.kind == TerminalKind::PopUp && terminal_)) &&
      above > 0.0 && to_wp.distance_m <= above / std::tan(tm.dive_angle_deg * kDegToRad))
    diving_ = true;
  if (diving_) {
    const double los = std::atan2(pos_.alt_m - target.alt_m, std::max(to_wp.distance_m, 1.0));
    return -speed_ * std::sin(los);
  }
  double want;
  double tau;  // time to reach the wanted altitude
  if (evading()) {
    want = -1e9;  // descend as fast as allowed (to the clearance floor below)
    tau = dt;
  } else if (terminal_ && tm.kind == TerminalKind::PopUp) {
    want = target.alt_m + tm.popup_height_m;
    tau = dt;
  } else if (p_.terrain_clearance_m > 0.0) {
    // Terrain following: clear the highest ground within the look-ahead; hold with a 2 s lag.
    const double ground = terrain_->max_height_ahead(pos_, heading_deg_, speed_ * p_.lookahead_s);
    want = ground + p_.terrain_clearance_m;
    tau = 2.0;
  } else if (last_leg && (tm.kind == TerminalKind::Dive || tm.kind == TerminalKind::PopUp)) {
    want = pos_.alt_m;    // hold the cruise altitude until the dive
    tau = dt;
  } else {
    want = target.alt_m;  // reach the waypoint's altitude on arrival
    tau = std::max(to_wp.distance_m / speed_, dt);
  }
  double vs = std::clamp((want - pos_.alt_m) / tau, -p_.max_descent_rate_mps, p_.max_climb_rate_mps);
  // Never below the evasion floor above the ground (nor the terrain clearance) while evading.
  if (evading()) {
    const double floor = terrain_->height(pos_) + std::max(p_.evasion.floor_agl_m, p_.terrain_clearance_m);
    vs = std::max(vs, (floor - pos_.alt_m) / dt);
    vs = std::min(vs, p_.max_climb_rate_mps);
  }
  return vs;
}

bool WaypointMotion::step(double dt) {
  if (finished()) return true;
  ecef_.reset();
  t_ += dt;
  const Geodetic& target = route_[next_];
  const GeodesicResult to_wp = geodesic_aim(pos_, target);   // per step: world/fast_geodesy.hpp
  const bool last_leg = next_ + 1 == route_.size();
  if (!terminal_ && last_leg && p_.terminal.kind != TerminalKind::None && to_wp.distance_m <= p_.terminal.start_range_m) {
    terminal_ = true;
    terminal_start_t_ = t_;
  }
  const double error = wrap180(commanded_heading(to_wp) - heading_deg_);
  const double max_turn = turn_rate_ * dt * kRadToDeg;
  heading_deg_ = wrap180(heading_deg_ + std::clamp(error, -max_turn, max_turn));

  vertical_speed_ = std::clamp(vertical_speed(target, to_wp, dt), -speed_, speed_);
  const double ground_speed = std::sqrt(std::max(0.0, speed_ * speed_ - vertical_speed_ * vertical_speed_));
  const double advance = ground_speed * dt;

  if (!evading() && to_wp.distance_m <= advance) {
    const double alt = p_.terrain_clearance_m > 0.0 && !last_leg ? pos_.alt_m + vertical_speed_ * dt : target.alt_m;
    pos_ = target;
    pos_.alt_m = std::max(alt, terrain_->height(pos_));   // a point under the ground is reached on it
    ++next_;
    return finished();
  }
  // A waypoint inside the turn circle and behind the vehicle cannot be reached: take it as passed
  // (the last one too: the miss distance of the impact is then reported).
  const double turn_radius = turn_rate_ > 0 ? speed_ / turn_rate_ : 1e18;
  if (!evading() && to_wp.distance_m < turn_radius && std::abs(error) > 90.0) {
    ++next_;
    if (finished()) return true;
  }
  const double alt = pos_.alt_m + vertical_speed_ * dt;
  pos_ = geodesic_step(pos_, heading_deg_, advance);
  pos_.alt_m = alt;
  // The ground stops a descent that overshoots; a dive that meets the ground before its target ends
  // there (the impact).
  const double ground = terrain_->height(pos_);
  if (!diving_) {
    pos_.alt_m = std::max(pos_.alt_m, ground + 1.0);
  } else if (pos_.alt_m <= ground) {
    pos_.alt_m = ground;
    next_ = route_.size();
    return true;
  }
  return false;
}

const std::pair<Vec3, Vec3>& WaypointMotion::ecef() const {
  if (ecef_) return *ecef_;
  Vec3 vel = Vec3::Zero();
  if (!finished()) {
    const double gs = std::sqrt(std::max(0.0, speed_ * speed_ - vertical_speed_ * vertical_speed_));
    const double h = heading_deg_ * kDegToRad;
    const LocalFrame frame(pos_);
    vel = frame.vector_to_ecef(Vec3(gs * std::sin(h), gs * std::cos(h), vertical_speed_));
  }
  ecef_.emplace(ecef_from_geodetic(pos_), vel);
  return *ecef_;
}

}  // namespace skyshield
