#include "c2/shot_refusal.hpp"

#include <algorithm>
#include <cmath>

#include "c2/turn_demand.hpp"
#include "core/units.hpp"

namespace skyshield {

const char* to_string(Refusal r) {
  switch (r) {
    case Refusal::None: return "none";
    case Refusal::ReactionTime: return "reaction_time";
    case Refusal::MinRange: return "min_range";
    case Refusal::AltitudeFloor: return "altitude_floor";
    case Refusal::AltitudeCeiling: return "altitude_ceiling";
    case Refusal::ThinAir: return "thin_air";
    case Refusal::Turnover: return "turnover";
    case Refusal::MinFlightTime: return "min_flight_time";
    case Refusal::ShortWindow: return "short_window";
    case Refusal::TurnLimit: return "turn_limit";
    case Refusal::TargetClass: return "target_class";
    case Refusal::RemoteAccuracy: return "remote_accuracy";
    case Refusal::WeaponsControl: return "weapons_control";
    case Refusal::AwaitingIff: return "awaiting_iff";
  }
  return "unknown";
}

double turnover_time_s(const InterceptorClass& cls, const Vec3& launcher_enu, const Vec3& pip_enu) {
  if (!cls.vertical_launch) return 0.0;
  const Vec3 d = pip_enu - launcher_enu;
  const double elevation_deg = std::atan2(d.z(), std::hypot(d.x(), d.y())) / kDegToRad;
  const double turn_deg = std::clamp(90.0 - elevation_deg, 0.0, 180.0);
  return cls.vertical_rise_s + (cls.turnover_rate_dps > 0.0 ? turn_deg / cls.turnover_rate_dps : 0.0);
}

double min_flight_time_s(const InterceptorClass& cls, const Vec3& launcher_enu, const Vec3& pip_enu, const ShotRules& rules) {
  return turnover_time_s(cls, launcher_enu, pip_enu) + rules.homing_time_constants * (cls.autopilot_tau_s + cls.seeker_tau_s);
}

double turn_demand_mps2(const TargetPath& path, const InterceptSolution& s, const InterceptorClass& cls, const Vec3& launcher_enu) {
  const Vec3 d = s.pip_enu - launcher_enu;
  const double r = d.norm();
  if (r < 1.0) return 0.0;
  const Vec3 u = d / r;
  const FlyoutPoint at = cls.flyout->to(d);
  // Axial acceleration: dV/dt along the flyout's arrival, less gravity's part along the path.
  const double back = std::min(std::max(200.0, 0.02 * r), 0.5 * r);
  const FlyoutPoint before = cls.flyout->to(d * (1.0 - back / r));
  const Vec3 gravity(0.0, 0.0, -kStandardGravity);  // the frame of TargetPath's flat-earth gravity
  const double dv_dt = at.time_s - before.time_s > 1e-6 ? (at.speed_mps - before.speed_mps) / (at.time_s - before.time_s) : 0.0;
  EndgameGeometry g;
  g.missile_vel = at.speed_mps * u;
  g.missile_axial_accel = dv_dt - gravity.dot(u);
  g.gravity = gravity;
  // The target's velocity and acceleration at the intercept time by central differences of its path.
  const double t = s.intercept_time_s;
  const double h = std::clamp(0.5 * (t - path.t0()), 1e-3, 0.5);
  const Vec3 pm = path.position_at(t - h), p0 = path.position_at(t), pp = path.position_at(t + h);
  g.target_vel = (pp - pm) / (2.0 * h);
  g.target_accel = (pp - 2.0 * p0 + pm) / (h * h);
  return endgame_lateral_demand(g, cls.guidance_law, cls.nav_constant);
}

double turn_available_mps2(const InterceptSolution& s, const InterceptorClass& cls, const Vec3& launcher_enu) {
  return endgame_accel(cls, s.altitude_m, cls.flyout->to(s.pip_enu - launcher_enu).speed_mps);
}

Refusal refusal_of(const InterceptSolution& s, const InterceptorClass& cls, const Vec3& launcher_enu, const ShotRules& rules,
                   const TargetPath* path) {
  switch (s.why) {
    case EnvelopeCheck::Ok: break;
    case EnvelopeCheck::MinRange: return Refusal::MinRange;
    case EnvelopeCheck::BelowFloor: return Refusal::AltitudeFloor;
    case EnvelopeCheck::AboveCeiling: return Refusal::AltitudeCeiling;
    case EnvelopeCheck::ThinAir: return Refusal::ThinAir;
    case EnvelopeCheck::TargetClass: return Refusal::TargetClass;
    case EnvelopeCheck::TooLate:
    case EnvelopeCheck::Past: return Refusal::ReactionTime;
    default: return Refusal::None;  // out of reach, flight time, no convergence: not engageable yet
  }
  if (rules.turnover && s.time_of_flight_s < turnover_time_s(cls, launcher_enu, s.pip_enu)) return Refusal::Turnover;
  if (rules.homing_time_constants > 0.0 && s.time_of_flight_s < min_flight_time_s(cls, launcher_enu, s.pip_enu, rules))
    return Refusal::MinFlightTime;
  if (rules.turn_limit && path && rules.turn_margin * turn_demand_mps2(*path, s, cls, launcher_enu) > turn_available_mps2(s, cls, launcher_enu))
    return Refusal::TurnLimit;
  return Refusal::None;
}

Refusal shot_refusal(const TargetPath& path, const InterceptSolution& s, const InterceptorClass& cls, const Vec3& launcher_enu,
                     double launch_time_s, double frame_origin_alt_m, double deadline_s, const ShotRules& rules) {
  const Refusal r = refusal_of(s, cls, launcher_enu, rules, &path);
  if (r != Refusal::None || !s.feasible || rules.min_window_s <= 0.0) return r;
  const InterceptSolution later =
      solve_intercept(path, cls, launcher_enu, launch_time_s + rules.min_window_s, frame_origin_alt_m, deadline_s);
  if (!later.feasible || refusal_of(later, cls, launcher_enu, rules, &path) != Refusal::None) return Refusal::ShortWindow;
  return Refusal::None;
}

}  // namespace skyshield
