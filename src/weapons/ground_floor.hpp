#pragma once
// The ground under an interceptor and the floor its guidance holds above it. The ground is the
// scenario's terrain model (world/terrain.hpp) under the missile: a missile below it has hit the
// ground. The floor is ground + a clearance; guidance pulls up only when the missile's descent would
// take it through the floor before the intercept (a missile on a collision course with a target
// above the floor reaches the target first and is left alone; one steering at a point below the floor
// is always held above it).
#include "core/vec.hpp"
#include "world/terrain.hpp"

namespace skyshield {

// Height of the ground under an ECEF point (terrain null: the ellipsoid, height 0).
double ground_height_under(const Terrain* terrain, const Vec3& pos_ecef);

struct FloorState {
  double above_floor_m = 0.0;   // height above the floor (ground + clearance); negative: below it
  double climb_mps = 0.0;       // vertical speed, positive up
  double lag_s = 0.0;           // the autopilot's time constant: the pull-up starts this late
  double accel_up_mps2 = 0.0;   // vertical acceleration now (gravity included), positive up
  double time_to_go_s = 1e300;  // to the intercept (range / closing speed); 1e300 when not closing
  bool target_above_floor = false;  // what guidance steers at is above the floor
};

// Upward acceleration (m/s^2, besides gravity's compensation) that guidance must add so that the
// descent stops at the floor: v'^2 / (2 h') (constant deceleration over the height left once the
// autopilot has responded), where over the lag the sink grows to v' = v + a lag and the height left
// shrinks to h' = h - v lag - a lag^2 / 2 (a: the present downward acceleration). Zero when climbing above the floor, or when the target is above
// the floor and the descent until the intercept (|v| time_to_go) stays above the floor; `available` (what the airframe can pull)
// when no room is left. Blended in between 0.15 and 0.35 of `available` so that guidance is
// not switched on and off at one threshold.
double floor_pull_up(const FloorState& s, double available);

}  // namespace skyshield
