#pragma once
// Waypoint flight over the WGS-84 ellipsoid at constant speed: the heading turns toward the next
// waypoint's geodesic azimuth at most at the rate a level coordinated turn at the type's load
// factor allows (omega = g sqrt(n^2 - 1) / v), the altitude moves toward the waypoint's altitude
// at most at the climb rate, and each step moves along the geodesic (GeographicLib).
#include <vector>

#include "core/geo.hpp"

namespace skyshield {

class WaypointMotion {
 public:
  WaypointMotion(std::vector<Geodetic> route, double speed_mps, double max_load_factor,
                 double max_climb_rate_mps);

  // Advance by dt; returns true once the last waypoint is reached (the position then stays there).
  bool step(double dt);

  const Geodetic& position() const { return pos_; }
  Vec3 position_ecef() const { return ecef_from_geodetic(pos_); }
  Vec3 velocity_ecef() const;          // from speed, heading and climb rate at the current point
  double heading_deg() const { return heading_deg_; }
  bool finished() const { return next_ >= route_.size(); }
  double turn_rate_rad_s() const { return turn_rate_; }

 private:
  std::vector<Geodetic> route_;
  double speed_;
  double turn_rate_;
  double climb_rate_;
  Geodetic pos_;
  double heading_deg_ = 0.0;
  double vertical_speed_ = 0.0;
  std::size_t next_ = 1;
};

}  // namespace skyshield
