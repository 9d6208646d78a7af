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
//  - turn_limit       the end game would demand more lateral acceleration at the PIP than the
//                     airframe can pull there (c2/turn_demand.hpp: PN's final command against the
//                     target's acceleration and the missile's own axial acceleration across the line
//                     of sight, against Airframe::max_lateral_accel at the PIP's altitude and speed);
//  - target_class   the intercept point is outside the class's envelope against the track's target
//                     class (weapons/target_envelope.hpp): too fast, too close, too low or too high;
//  - short_window     the launch window closes less than min_window_s after this launch: a shot at
//                     the very edge of the envelope (measured: such shots reached the lethal radius 4
//                     of 21 times, against 323 of 356 for wider windows, issue 26).
//  - remote_accuracy  a shot on another battalion's track (c2/network/remote_track.hpp) whose error
//                     would leave the target outside the seeker's acquisition basket around the
//                     uplinked position too often (doctrine remote_basket_probability).
//  - weapons_control  a shot that could be made, withheld because the battalion's weapons control
//                     status forbids engaging a track of its identity (c2/weapons_control.hpp).
//  - awaiting_iff     under weapons free with iff_wait: always, an unknown track whose IFF answer is
//                     still pending (c2/weapons_control.hpp).
// Out of reach and no convergence are not refusals: the threat is simply not engageable yet.
#include "c2/fire_control.hpp"

namespace skyshield {

enum class Refusal { None, ReactionTime, MinRange, AltitudeFloor, AltitudeCeiling, ThinAir, Turnover, MinFlightTime, ShortWindow, TurnLimit, TargetClass, RemoteAccuracy, WeaponsControl, AwaitingIff };
inline constexpr int kRefusalCount = 14;
const char* to_string(Refusal r);

struct ShotRules {
  double min_window_s = 3.0;            // 0: no window rule
  double homing_time_constants = 10.0;  // 0: no minimum homing time
  bool turnover = true;                 // refuse shots the turnover cannot complete
  bool turn_limit = true;               // refuse shots whose end game demands more than the airframe's lateral limit
  // The zero-lag demand must stay under the limit by this factor (notional): the guidance lags
  // (autopilot, seeker filter) and the seeker's noise make the flown command overshoot the zero-lag
  // value (Zarchan ch. 6, adjoint analysis of a single-lag guidance loop).
  double turn_margin = 1.25;
};

// Time after launch (s) a vertically launched missile needs to rise and turn over toward the
// intercept point (0 for a hot launch).
double turnover_time_s(const InterceptorClass& cls, const Vec3& launcher_enu, const Vec3& pip_enu);
// Turnover plus the minimum homing time.
double min_flight_time_s(const InterceptorClass& cls, const Vec3& launcher_enu, const Vec3& pip_enu, const ShotRules& rules);

// The lateral acceleration (m/s^2) the end game demands at the solution's PIP (c2/turn_demand.hpp),
// from the target's predicted path (its velocity and acceleration at the intercept time) and the
// class's flyout (arrival speed along the line from the launcher, and its axial acceleration there
// from the arrival speeds at the PIP and a little short of it).
double turn_demand_mps2(const TargetPath& path, const InterceptSolution& s, const InterceptorClass& cls, const Vec3& launcher_enu);
// What the airframe can pull at the PIP (m/s^2): fire_control's endgame_accel at the arrival speed.
double turn_available_mps2(const InterceptSolution& s, const InterceptorClass& cls, const Vec3& launcher_enu);

// The refusal of a solution: for an infeasible one its envelope reason (None when merely out of
// reach); for a feasible one turnover, the minimum flight time, and (given the target's path) the
// turn limit. The window rule needs a second solution (shot_refusal).
Refusal refusal_of(const InterceptSolution& s, const InterceptorClass& cls, const Vec3& launcher_enu, const ShotRules& rules,
                   const TargetPath* path = nullptr);

// refusal_of, then, for an acceptable solution, the window rule: the same launcher must still have
// an acceptable solution rules.min_window_s after this launch.
Refusal shot_refusal(const TargetPath& path, const InterceptSolution& s, const InterceptorClass& cls, const Vec3& launcher_enu,
                     double launch_time_s, double frame_origin_alt_m, double deadline_s, const ShotRules& rules);

}  // namespace skyshield
