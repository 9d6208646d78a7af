#pragma once
// Waypoint flight over the WGS-84 ellipsoid at constant airspeed: the heading turns toward the
// next waypoint's geodesic azimuth at most at the rate of a level coordinated turn at the type's
// load factor (omega = g sqrt(n^2 - 1) / v, n capped by the bank limit), the altitude moves toward
// the waypoint's altitude (or the terrain-following height) within the climb and descent limits,
// and each step moves along the geodesic (per-step geodesy of world/fast_geodesy.hpp, checked
// against GeographicLib). On the last leg a terminal manoeuvre
// (pop-up, weave, dive) may take over; on missile warning an evasive turn may interrupt the route.
#include <optional>
#include <utility>
#include <vector>

#include "core/geo.hpp"
#include "world/air_vehicle.hpp"
#include "world/terrain.hpp"

namespace skyshield {

class WaypointMotion {
 public:
  // `terrain` may be null (flat ground at 0 m); it must outlive the motion.
  WaypointMotion(std::vector<Geodetic> route, const AirVehicleParams& p, const Terrain* terrain = nullptr);

  // Advance by dt; returns true once the last waypoint is reached (the position then stays there).
  bool step(double dt);
  // Missile approach warning: a missile at `from` (ECEF). Starts a break (away from the missile,
  // descending; see Evasion) when the type has one, it has breaks left, is not in one already and is
  // not committed to its release point. Returns true when a break starts.
  bool missile_warning(const Vec3& from_ecef);

  // A homing missile's seeker moves its aim: the route's last point becomes `g` (no effect once finished).
  void retarget_last(const Geodetic& g) {
    if (!finished()) route_.back() = g;
  }

  const Geodetic& position() const { return pos_; }
  Vec3 position_ecef() const { return ecef().first; }
  Vec3 velocity_ecef() const { return ecef().second; }   // from speed, heading and vertical speed
  double heading_deg() const { return heading_deg_; }
  bool finished() const { return next_ >= route_.size(); }
  double turn_rate_rad_s() const { return turn_rate_; }
  bool evading() const { return evade_until_ > t_; }
  int breaks() const { return breaks_; }   // breaks started so far
  bool in_terminal() const { return terminal_; }
  double height_above_ground() const;

 private:
  double commanded_heading(const GeodesicResult& to_wp) const;
  // ECEF position and velocity of the current state, worked out once per step (several parts of a
  // step ask for them; each asking costs a geodetic conversion).
  const std::pair<Vec3, Vec3>& ecef() const;
  double vertical_speed(const Geodetic& target, const GeodesicResult& to_wp, double dt);

  std::vector<Geodetic> route_;
  AirVehicleParams p_;
  const Terrain* terrain_;
  double speed_;
  double turn_rate_;
  Geodetic pos_;
  double heading_deg_ = 0.0;
  double vertical_speed_ = 0.0;
  std::size_t next_ = 1;
  double t_ = 0.0;
  bool terminal_ = false;
  double terminal_start_t_ = 0.0;
  bool diving_ = false;
  double evade_until_ = -1.0;
  double evade_heading_deg_ = 0.0;
  int breaks_ = 0;
  mutable std::optional<std::pair<Vec3, Vec3>> ecef_;   // reset by every change of the state
};

}  // namespace skyshield
