#include "c2/fire_control.hpp"

#include <cmath>

#include "core/atmosphere.hpp"
#include "core/units.hpp"

namespace skyshield {

namespace {
constexpr double kRootScanS = 2.0;  // scan step of the intercept-time bracket (fallback of the fixed point)
}  // namespace

double endgame_accel(const InterceptorClass& cls, double altitude_m, double speed_mps) {
  const double rho = us1976(altitude_m).density_kg_m3;
  return cls.airframe.max_lateral_accel(0.5 * rho * speed_mps * speed_mps, cls.propulsion.burnout_mass_kg());
}

EnvelopeCheck target_class_check(const InterceptorClass& cls, ThreatClass target, double speed_mps, double slant_m,
                                 double altitude_m, const char** reason) {
  if (!cls.envelopes.has_rows(target)) return EnvelopeCheck::Ok;
  const TargetEnvelope* e = cls.envelopes.find(target, speed_mps);
  EnvelopeCheck why = EnvelopeCheck::TargetClass;
  if (!e) *reason = "target faster than the class's envelope for its class";
  else if (slant_m > e->max_range_m) { why = EnvelopeCheck::OutOfReach; *reason = "beyond the class's range against this target class"; }
  else if (slant_m < e->min_range_m) *reason = "inside the class's minimum range against this target class";
  else if (altitude_m < e->min_altitude_m) *reason = "below the class's floor against this target class";
  else if (altitude_m > e->max_altitude_m) *reason = "above the class's ceiling against this target class";
  else why = EnvelopeCheck::Ok;
  return why;
}

InterceptSolution solve_intercept(const Track& track, bool ballistic, const InterceptorClass& cls, const Vec3& launcher_enu,
                                  double launch_time_s, double frame_origin_alt_m, double deadline_s) {
  return solve_intercept(TargetPath(track, ballistic, frame_origin_alt_m), cls, launcher_enu, launch_time_s, frame_origin_alt_m,
                         deadline_s);
}

InterceptSolution solve_intercept(const TargetPath& path, const InterceptorClass& cls, const Vec3& launcher_enu,
                                  double launch_time_s, double frame_origin_alt_m, double deadline_s) {
  InterceptSolution s;
  auto predict = [&](double t) { return path.position_at(t); };
  auto flyout_to = [&](const Vec3& p) { return cls.flyout->to(p - launcher_enu); };
  double t_int = launch_time_s + flyout_to(path.start()).time_s;
  bool converged = false;
  FlyoutPoint f;
  for (int i = 0; i < 50; ++i) {
    f = flyout_to(predict(t_int));
    const double next = launch_time_s + f.time_s;
    if (std::abs(next - t_int) < 1e-3) { t_int = next; converged = true; break; }
    t_int = next;
  }
  if (!converged) {
    // The fixed point t <- launch + T(p(t)) contracts only while the target's range closes slower
    // than the interceptor flies (|dT/dt| ~ v_target / v_missile < 1): against a re-entry vehicle
    // diving at 3-4.5 km/s toward the launcher it diverged, and fire control found no solution on
    // MRBM and IRBM warheads (issue 28). Then: the first root of g(t) = launch + T(p(t)) - t
    // (g > 0 at the launch: the flyout takes time), bracketed by a scan and bisected to 1 ms.
    auto g = [&](double t) { return launch_time_s + flyout_to(predict(t)).time_s - t; };
    const double horizon = launch_time_s + cls.max_flight_time_s + kRootScanS;
    double a = launch_time_s;
    for (double b = a + kRootScanS; b <= horizon && !converged; a = b, b += kRootScanS) {
      if (g(b) > 0.0) continue;
      while (b - a > 1e-3) {
        const double m = 0.5 * (a + b);
        (g(m) > 0.0 ? a : b) = m;
      }
      t_int = b;
      f = flyout_to(predict(t_int));
      converged = true;
    }
  }
  if (!converged) {
    s.reason = "no convergence";
    s.why = EnvelopeCheck::NoConvergence;
    return s;
  }
  s.intercept_time_s = t_int;
  s.time_of_flight_s = t_int - launch_time_s;
  s.pip_enu = predict(t_int);
  s.slant_range_m = (s.pip_enu - launcher_enu).norm();
  // Altitude: the ENU up plus the earth's drop d^2 / 2R over the ground range d from the frame origin.
  const double ground = std::hypot(s.pip_enu.x(), s.pip_enu.y());
  const double alt = s.pip_enu.z() + earth_drop_m(ground) + frame_origin_alt_m;
  s.altitude_m = alt;
  const char* class_reason = "";
  const EnvelopeCheck class_check =
      path.target_class() ? target_class_check(cls, *path.target_class(), path.start_speed(), s.slant_range_m, alt, &class_reason)
                          : EnvelopeCheck::Ok;
  auto fail = [&](EnvelopeCheck why, const char* reason) {
    s.why = why;
    s.reason = reason;
  };
  if (!f.reachable) fail(EnvelopeCheck::OutOfReach, "out of reach");
  else if (s.slant_range_m < cls.min_range_m) fail(EnvelopeCheck::MinRange, "inside minimum range");
  else if (alt < cls.min_altitude_m) fail(EnvelopeCheck::BelowFloor, "below min altitude");
  else if (alt > cls.max_altitude_m) fail(EnvelopeCheck::AboveCeiling, "above max altitude");
  else if (s.time_of_flight_s > cls.max_flight_time_s) fail(EnvelopeCheck::FlightTime, "flight time too long");
  else if (endgame_accel(cls, alt, f.speed_mps) < cls.endgame_min_g * kStandardGravity) fail(EnvelopeCheck::ThinAir, "air too thin for the endgame");
  else if (class_check != EnvelopeCheck::Ok) fail(class_check, class_reason);
  else if (t_int > deadline_s) fail(EnvelopeCheck::TooLate, "too late");
  else if (t_int <= path.t0()) fail(EnvelopeCheck::Past, "intercept in the past");
  else s.feasible = true;
  return s;
}

LaunchWindow launch_window(const Track& track, bool ballistic, const InterceptorClass& cls, const Vec3& launcher_enu,
                           double from_s, double to_s, double frame_origin_alt_m, double deadline_s, double scan_step_s) {
  return launch_window(TargetPath(track, ballistic, frame_origin_alt_m), cls, launcher_enu, from_s, to_s, frame_origin_alt_m,
                       deadline_s, scan_step_s);
}

LaunchWindow launch_window(const TargetPath& path, const InterceptorClass& cls, const Vec3& launcher_enu, double from_s,
                           double to_s, double frame_origin_alt_m, double deadline_s, double scan_step_s) {
  auto feasible = [&](double t_launch) {
    return solve_intercept(path, cls, launcher_enu, t_launch, frame_origin_alt_m, deadline_s).feasible;
  };
  // The edge between a launch time with state `a_state` at a and the other state at b, to 1 ms.
  auto edge = [&](double a, double b, bool a_state) {
    while (b - a > 1e-3) {
      const double mid = 0.5 * (a + b);
      (feasible(mid) == a_state ? a : b) = mid;
    }
    return a_state ? a : b;  // the feasible side
  };
  LaunchWindow w;
  const int n = static_cast<int>(std::ceil((to_s - from_s) / scan_step_s - 1e-9));
  double prev_t = from_s;
  if (feasible(from_s)) {
    w.open = true;
    w.earliest_s = from_s;
  }
  for (int i = 1; i <= n; ++i) {
    const double t = std::min(to_s, from_s + i * scan_step_s);
    const bool now = feasible(t);
    if (!w.open && now) { w.open = true; w.earliest_s = edge(prev_t, t, false); }
    else if (w.open && !now) { w.latest_s = edge(prev_t, t, true); return w; }
    prev_t = t;
  }
  if (w.open) w.latest_s = to_s;
  return w;
}

}  // namespace skyshield
