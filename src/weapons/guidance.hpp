#pragma once
// Proportional navigation (Zarchan, Tactical and Strategic Missile Guidance, ch. 2 and 8):
// true PN in three dimensions, a_c = N' * Vc * (Omega x u_LOS), Omega = (R x V_rel) / |R|^2,
// with R = target - missile and V_rel = v_target - v_missile; augmented PN adds N'/2 times the
// target acceleration across the line of sight. The command is made perpendicular to the missile
// velocity and limited in magnitude by the caller.
#include "core/vec.hpp"

namespace skyshield {

enum class GuidanceLaw { TruePN, AugmentedPN };

struct LineOfSight {
  Vec3 u = Vec3::UnitX();      // unit vector missile -> target
  Vec3 rate = Vec3::Zero();    // angular rate vector Omega (rad/s)
  double range_m = 0.0;
  double closing_speed_mps = 0.0;
};

LineOfSight line_of_sight(const Vec3& missile_pos, const Vec3& missile_vel, const Vec3& target_pos, const Vec3& target_vel);

// N' Vc (Omega x u) for the given (possibly filtered) line-of-sight rate.
Vec3 pn_command(const LineOfSight& los, const Vec3& los_rate, double nav_constant);
// Augmented PN: pn_command plus N'/2 times the component of the target acceleration normal to the LOS.
Vec3 apn_command(const LineOfSight& los, const Vec3& los_rate, double nav_constant, const Vec3& target_accel);

// The missile's own axial (thrust - drag) acceleration in the zero-effort miss (Zarchan, Tactical and
// Strategic Missile Guidance, "ZEM" form of PN, a_c = N' ZEM_perp / t_go^2): a boosting missile that
// flies with a lead angle moves itself off the collision course by its axial displacement over the
// time to go, `axial_displacement_m` = integral over s in [0, t_go] of (t_go - s) a_axial(s) (1/2 a t_go^2
// for a constant a); PN alone sees that only as a line-of-sight rate once it has built up. The term
// is -N' axial_displacement / t_go^2 times the part of the missile's axis u across the line of sight.
Vec3 axial_acceleration_term(const LineOfSight& los, const Vec3& missile_axis, double axial_displacement_m,
                             double time_to_go_s, double nav_constant);

// True PN straight from the geometry (no filtering).
Vec3 pn_acceleration(const Vec3& missile_pos, const Vec3& missile_vel, const Vec3& target_pos,
                     const Vec3& target_vel, double nav_constant);

// Component of a perpendicular to v, clipped to magnitude limit.
Vec3 limit_lateral(const Vec3& a, const Vec3& v, double limit);

// A first-order lag y' = (x - y) / tau, advanced exactly over dt for an input held over the step
// (tau = 0: y follows x at once). The seeker's line-of-sight rate filter and the autopilot's
// response are such lags: Zarchan's single-time-constant guidance system when only one is used.
class FirstOrderLag {
 public:
  explicit FirstOrderLag(double tau_s = 0.0) : tau_(tau_s) {}
  const Vec3& step(const Vec3& input, double dt);
  void reset(const Vec3& value) { y_ = value; }
  const Vec3& value() const { return y_; }

 private:
  double tau_;
  Vec3 y_ = Vec3::Zero();
};

}  // namespace skyshield
