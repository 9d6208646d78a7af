#pragma once
// Point-mass (3-DOF) flight of an interceptor in the earth-fixed frame: thrust and drag along the
// velocity (the body axis, angle of attack neglected in the axial balance), a commanded lateral
// acceleration perpendicular to it, and gravity with the apparent forces of the turning earth
// (core/gravity), through the US-1976 atmosphere (air at rest in ECEF). Integrated by Heun's
// method (RK2) with the lateral command held over the step and re-projected at each evaluation.
#include "core/gravity.hpp"
#include "core/vec.hpp"
#include "weapons/flyout/airframe.hpp"
#include "weapons/flyout/propulsion.hpp"

namespace skyshield {

struct MissileState {
  Vec3 pos = Vec3::Zero();  // ECEF, m
  Vec3 vel = Vec3::Zero();  // ECEF, m/s
  double t = 0.0;           // time since launch, s
};

struct FlightConditions {
  double altitude_m = 0.0;
  double mach = 0.0;
  double q_pa = 0.0;           // dynamic pressure
  double mass_kg = 0.0;
  double thrust_n = 0.0;
  double max_lateral_mps2 = 0.0; // what the airframe can hold here (aerodynamic and structural)
};

FlightConditions flight_conditions(const Airframe& a, const Propulsion& p, const MissileState& s);

// Advance s by dt with lateral acceleration a_lat (its component perpendicular to the velocity is
// used, magnitude as given: the caller applies the limits).
void advance(const Airframe& a, const Propulsion& p, const GravityModel& g, MissileState& s, const Vec3& a_lat, double dt);

// Displacement along its axis that the missile's own thrust and drag give it over the next tgo
// seconds: integral over s in [0, tgo] of (tgo - s) a_axial(s) ds, thrust and mass from the motor's
// schedule, zero-lift drag held at its present value (midpoint rule, 8 pieces). Homing puts it in
// the zero-effort miss (weapons/guidance.hpp, axial_acceleration_term).
double axial_displacement(const Airframe& a, const Propulsion& p, const MissileState& s, double tgo);

// Fast-time prediction of the zero-lift arc (thrust per the motor schedule, drag, gravity, no lateral
// command) from s to the ground distance of `point`, for at most max_time_s: steps of at most
// kBoostStepS while a motor burns, then `coast_step_s`.
struct ArcAtPoint {
  bool reaches = false;   // got to the point's ground distance (above the ground, fast enough)
  double height_m = 0.0;  // there (else where the arc ended): altitude above the point's (negative: below it)
  double ground_m = 0.0;  // the point's ground distance from the start
  double time_s = 0.0;    // from s
  double along_m = 0.0;   // ground distance covered toward the point (all of it when reaches)
  double speed_mps = 0.0; // at the end
};
ArcAtPoint predict_zero_lift_arc(const Airframe& a, const Propulsion& p, const GravityModel& g, MissileState s,
                                 const Vec3& point, double max_time_s, double coast_step_s, double min_speed_mps);

}  // namespace skyshield
