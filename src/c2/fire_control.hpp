#pragma once
// Fire control: predicted intercept point (PIP) of an interceptor class launched from a launcher at
// a track, by fixed-point iteration of the class's flyout time (its FlyoutModel: the tabulated
// physics in scenarios) against the track's predicted motion (c2/target_path.hpp: constant velocity;
// for a ballistic track gravity and the drag of its estimated ballistic coefficient), and the
// engagement-envelope check: reachable by the flyout, outside the minimum
// range, inside the altitude band and the flight time, with the endgame manoeuvre the class needs
// (endgame_min_g) still available at the PIP, before the deadline.
#include "c2/target_path.hpp"
#include "core/vec.hpp"
#include "tracking/track.hpp"
#include "weapons/interceptor_class.hpp"

namespace skyshield {

// Which envelope check a solution failed (Ok: feasible).
// TargetClass: outside the class's envelope against the path's target class (too fast for every
// speed band, inside its minimum range, below its floor or above its ceiling); beyond the target
// class's maximum range is OutOfReach (not engageable yet).
enum class EnvelopeCheck { Ok, NoConvergence, OutOfReach, MinRange, BelowFloor, AboveCeiling, FlightTime, ThinAir, TooLate, Past, TargetClass };

struct InterceptSolution {
  bool feasible = false;
  Vec3 pip_enu = Vec3::Zero();  // in the track frame
  double time_of_flight_s = 0.0;
  double intercept_time_s = 0.0; // absolute time of intercept
  double slant_range_m = 0.0;
  const char* reason = "";       // why infeasible
  EnvelopeCheck why = EnvelopeCheck::Ok;
  double altitude_m = 0.0;       // of the PIP
};

// The class's envelope against a target of class `target` flying at speed_mps, for a PIP at
// slant_m from the launcher and altitude_m: Ok, OutOfReach (beyond the target class's maximum range)
// or TargetClass, with the reason in *reason. Ok when the class has no table (built in code).
EnvelopeCheck target_class_check(const InterceptorClass& cls, ThreatClass target, double speed_mps, double slant_m,
                                 double altitude_m, const char** reason);

// Lateral acceleration (m/s^2) the burnt-out missile can pull at an altitude and speed.
double endgame_accel(const InterceptorClass& cls, double altitude_m, double speed_mps);

// track: estimate at time track.t; launch at launch_time_s from launcher_enu (track frame).
// The PIP's altitude is its up coordinate plus the earth's drop over its ground range from the frame
// origin (spherical earth) plus frame_origin_alt_m.
// deadline_s: latest acceptable intercept time (e.g. the threat's arrival at the asset).
InterceptSolution solve_intercept(const Track& track, bool ballistic, const InterceptorClass& cls,
                                  const Vec3& launcher_enu, double launch_time_s,
                                  double frame_origin_alt_m, double deadline_s);
// The same against a predicted path (its start time plays the track's time).
InterceptSolution solve_intercept(const TargetPath& path, const InterceptorClass& cls, const Vec3& launcher_enu,
                                  double launch_time_s, double frame_origin_alt_m, double deadline_s);

// The launch window: the launch times in [from_s, to_s] whose intercept is feasible (inside the
// envelope and before the deadline). Found by scanning the launch time every scan_step_s and
// bisecting each edge to 1 ms; reports the first feasible interval (for a target flying straight
// at the launcher the feasible set is one interval: it opens when the PIP enters maximum range and
// closes at the minimum range, the altitude floor or the deadline). An interval narrower than the
// scan step can be missed.
struct LaunchWindow {
  bool open = false;        // some launch time in [from_s, to_s] is feasible
  double earliest_s = 0.0;  // first feasible launch time
  double latest_s = 0.0;    // last feasible launch time of the same interval
};
LaunchWindow launch_window(const Track& track, bool ballistic, const InterceptorClass& cls, const Vec3& launcher_enu,
                           double from_s, double to_s, double frame_origin_alt_m, double deadline_s,
                           double scan_step_s = 1.0);
LaunchWindow launch_window(const TargetPath& path, const InterceptorClass& cls, const Vec3& launcher_enu, double from_s,
                           double to_s, double frame_origin_alt_m, double deadline_s, double scan_step_s = 1.0);

}  // namespace skyshield
