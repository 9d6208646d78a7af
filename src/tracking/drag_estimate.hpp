#pragma once
// Drag of a ballistic track: the inverse ballistic coefficient k = 1/beta = Cd A / m (m^2/kg) of the
// tracked body, estimated from its along-track deceleration beyond gravity, with its variance.
// A body of ballistic coefficient beta decelerates along its velocity by rho |v|^2 / (2 beta)
// (Zarchan, "Tactical and Strategic Missile Guidance", ch. "Ballistic target properties"; the
// tracker's ballistic model, tracking/motion_models.hpp). Between two track estimates (t0, p0, v0)
// and (t1, p1, v1) at least min_dt_s apart, the mean along-track acceleration (v1 - v0).u / dt (u the
// mean direction), less gravity along u, is -k times the mean of rho |v|^2 / 2 over the interval
// (Simpson's rule on the two ends and the Hermite midpoint): one scalar measurement of k. A scalar
// Kalman filter (random-walk k: a re-entry vehicle separates from its booster) fuses them; the
// measurement variance is u'(P_v0 + P_v1)u / dt^2 scaled, taking the two velocity errors as
// independent (the filter's successive velocity errors are positively correlated, so this
// overstates the noise: the estimate converges more slowly than it could, its variance is
// conservative). High up, rho -> 0 makes the measurement uninformative and k stays at its prior (0:
// drag-free), which is what fire control then predicts with.
#include <cmath>

#include "core/vec.hpp"
#include "tracking/motion_models.hpp"

namespace skyshield {

struct DragEstimateParams {
  double prior_inv_beta = 0.0;                 // m^2/kg: drag-free until the air says otherwise
  double prior_sigma = 1.0 / 300.0;            // m^2/kg: a light body (beta 300 kg/m^2) at 1 sigma
  double walk_sigma_per_sqrt_s = 2e-5;         // m^2/kg/sqrt(s): k may change (separation, tumbling)
  double min_dt_s = 1.0;                       // measurement baseline between two estimates
  double min_dynamic_pressure_pa = 100.0;      // rho |v|^2 / 2 below this: no information, skipped
};

struct DragEstimate {
  double inv_beta = 0.0;          // m^2/kg; may dip below 0 in noise: use inv_beta_used()
  double variance = -1.0;         // (m^2/kg)^2; < 0 until the estimate is started
  int measurements = 0;           // measurements fused
  // The anchor of the next measurement: the estimate at the start of the baseline.
  bool anchored = false;
  double anchor_t = 0.0;
  Vec3 anchor_pos = Vec3::Zero(), anchor_vel = Vec3::Zero();
  Mat3 anchor_vel_cov = Mat3::Zero();

  double inv_beta_used() const { return inv_beta > 0.0 ? inv_beta : 0.0; }
  double sigma() const { return variance > 0.0 ? std::sqrt(variance) : 0.0; }
};

// Feed the track's estimate at time t (position, velocity and the velocity covariance in the frame
// of ctx; ctx.ballistic_beta_kg_m2 is ignored).
void update_drag_estimate(DragEstimate& e, double t, const Vec3& pos, const Vec3& vel, const Mat3& vel_cov,
                          const MotionContext& ctx, const DragEstimateParams& p = {});

// The ballistic model's context for a track with this estimate: its ballistic coefficient once the
// estimate is significant (at least min_measurements fused and 1/beta above sigma_factor sigmas),
// else the nominal context unchanged.
MotionContext drag_context(const MotionContext& nominal, const DragEstimate& e, int min_measurements = 3,
                           double sigma_factor = 3.0);

// Gravity (and the frame's apparent forces) plus the drag of a body of inverse ballistic coefficient
// inv_beta at (pos, vel) in the frame of ctx (inv_beta = 0: gravity alone).
Vec3 acceleration_with_drag(const Vec3& pos, const Vec3& vel, double inv_beta, const MotionContext& ctx);

}  // namespace skyshield
