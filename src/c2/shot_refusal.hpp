#pragma once
// Refusal of shots that cannot be made. Fire control's intercept solution says whether the flyout
// reaches the predicted intercept point inside the class's envelope; these rules add what a
// solution that merely reaches does not guarantee, and name the reason of every refusal so that an
// analyst sees why a threat in reach was not engaged:
//  - reaction_time    the threat arrives (at its asset, or the intercept would be in the past)
//                     before an interceptor launched after the launcher's reaction time can meet it;
//  - min_range        the intercept point is inside the class's minimum range (fuze arming);
//  - altitude_floor / altitude_ceiling   the intercept point is below / above the class's band;
//  - thin_air         the burnt-out missile could not pull the endgame g there;
//  - turnover         a vertically launched missile would still be rising or turning over toward
//                     the intercept point when it gets there: vertical rise plus the turn from the
//                     vertical to the line of sight at the turnover rate;
//  - min_flight_time  after the turnover there is less homing time than homing_time_constants
//                     guidance time constants (autopilot plus seeker lag): proportional navigation
//                     needs ~10 of them to null a heading error (Zarchan, "Tactical and Strategic
//                     Missile Guidance", ch. 6, normalized miss distance vs flight time / time constant);
//  - short_window     the launch window closes less than min_window_s after this launch: a shot at
//                     the very edge of the envelope (measured: such shots reached the lethal radius 4
//                     of 21 times, against 323 of 356 for wider windows, issue 26).
//  - remote_accuracy  a shot on another battalion's track (c2/network/remote_track.hpp) whose error
//                     would leave the target outside the seeker's acquisition basket around the
//                     uplinked position too often (doctrine remote_basket_probability).
// Out of reach and no convergence are not refusals: the threat is simply not engageable yet.
#include "c2/fire_control.hpp"

namespace skyshield {

enum class Refusal { None, ReactionTime, MinRange, AltitudeFloor, AltitudeCeiling, ThinAir, Turnover, MinFlightTime, ShortWindow, RemoteAccuracy };
inline constexpr int kRefusalCount = 10;
const char* to_string(Refusal r);

struct ShotRules {
  double min_window_s = 3.0;            // 0: no window rule
  double homing_time_constants = 10.0;  // 0: no minimum homing time
  bool turnover = true;                 // refuse shots the turnover cannot complete
};

// Time after launch (s) a vertically launched missile needs to rise and turn over toward the
// intercept point (0 for a hot launch).
double turnover_time_s(const InterceptorClass& cls, const Vec3& launcher_enu, const Vec3& pip_enu);
// Turnover plus the minimum homing time.
double min_flight_time_s(const InterceptorClass& cls, const Vec3& launcher_enu, const Vec3& pip_enu, const ShotRules& rules);

// The refusal of a solution: for an infeasible one its envelope reason (None when merely out of
// reach); for a feasible one turnover or the minimum flight time. The window rule needs a second
// solution (shot_refusal_with_window).
Refusal refusal_of(const InterceptSolution& s, const InterceptorClass& cls, const Vec3& launcher_enu, const ShotRules& rules);

// refusal_of, then, for an acceptable solution, the window rule: the same launcher must still have
// an acceptable solution rules.min_window_s after this launch.
Refusal shot_refusal(const TargetPath& path, const InterceptSolution& s, const InterceptorClass& cls, const Vec3& launcher_enu,
                     double launch_time_s, double frame_origin_alt_m, double deadline_s, const ShotRules& rules);

}  // namespace skyshield
