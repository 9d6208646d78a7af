#pragma once
// Fire control: predicted intercept point (PIP) of an interceptor class launched from a launcher at
// a track, by fixed-point iteration of the flyout time against the track's predicted motion
// (constant velocity, plus gravity for a ballistic track), and the engagement-envelope check.
#include "core/vec.hpp"
#include "tracking/track.hpp"
#include "weapons/interceptor_class.hpp"

namespace skyshield {

struct InterceptSolution {
  bool feasible = false;
  Vec3 pip_enu = Vec3::Zero();  // in the track frame
  double time_of_flight_s = 0.0;
  double intercept_time_s = 0.0; // absolute time of intercept
  double slant_range_m = 0.0;
  const char* reason = "";       // why infeasible
};

// track: estimate at time track.t; launch at launch_time_s from launcher_enu (track frame).
// pip altitude is taken as the PIP's up coordinate plus frame_origin_alt_m (a flat-earth
// approximation inside one battalion's frame, < 1 % error on altitude limits at 250 km).
// deadline_s: latest acceptable intercept time (e.g. the threat's arrival at the asset).
InterceptSolution solve_intercept(const Track& track, bool ballistic, const InterceptorClass& cls,
                                  const Vec3& launcher_enu, double launch_time_s,
                                  double frame_origin_alt_m, double deadline_s);

}  // namespace skyshield
