#include "tracking/drag_estimate.hpp"

#include <cmath>
#include <limits>

namespace skyshield {

namespace {

MotionContext with_beta(const MotionContext& ctx, double beta) {
  MotionContext c = ctx;
  c.ballistic_beta_kg_m2 = beta;
  return c;
}

// Gravity alone (an infinite ballistic coefficient has no drag).
Vec3 gravity_at(const Vec3& p, const Vec3& v, const MotionContext& ctx) {
  return ballistic_acceleration(p, v, with_beta(ctx, std::numeric_limits<double>::infinity()));
}

// rho |v|^2 / 2 at (p, v): the drag deceleration of a body with k = 1 m^2/kg (beta = 1 kg/m^2).
double unit_drag(const Vec3& p, const Vec3& v, const MotionContext& ctx) {
  const double speed = v.norm();
  if (speed < 1e-9) return 0.0;
  return -(ballistic_acceleration(p, v, with_beta(ctx, 1.0)) - gravity_at(p, v, ctx)).dot(v / speed);
}

}  // namespace

Vec3 acceleration_with_drag(const Vec3& pos, const Vec3& vel, double inv_beta, const MotionContext& ctx) {
  return ballistic_acceleration(pos, vel, with_beta(ctx, inv_beta > 0.0 ? 1.0 / inv_beta : std::numeric_limits<double>::infinity()));
}

MotionContext drag_context(const MotionContext& nominal, const DragEstimate& e, int min_measurements, double sigma_factor) {
  if (e.measurements < min_measurements || e.inv_beta <= sigma_factor * e.sigma()) return nominal;
  return with_beta(nominal, 1.0 / e.inv_beta);
}

void update_drag_estimate(DragEstimate& e, double t, const Vec3& pos, const Vec3& vel, const Mat3& vel_cov,
                          const MotionContext& ctx, const DragEstimateParams& p) {
  if (e.variance < 0.0) {
    e.inv_beta = p.prior_inv_beta;
    e.variance = p.prior_sigma * p.prior_sigma;
  }
  auto anchor = [&] {
    e.anchored = true;
    e.anchor_t = t;
    e.anchor_pos = pos;
    e.anchor_vel = vel;
    e.anchor_vel_cov = vel_cov;
  };
  if (!e.anchored || t < e.anchor_t) return anchor();
  const double dt = t - e.anchor_t;
  if (dt < p.min_dt_s) return;
  const Vec3 v_sum = e.anchor_vel + vel;
  if (v_sum.norm() < 1.0) return anchor();
  const Vec3 u = v_sum.normalized();
  // Hermite midpoint of the interval (cubic through both ends' positions and velocities).
  const Vec3 p_mid = 0.5 * (e.anchor_pos + pos) + dt / 8.0 * (e.anchor_vel - vel);
  const Vec3 v_mid = 1.5 * (pos - e.anchor_pos) / dt - 0.25 * v_sum;
  // Simpson's rule over the interval for the mean drag per unit k and the mean gravity along u.
  const double d = (unit_drag(e.anchor_pos, e.anchor_vel, ctx) + 4.0 * unit_drag(p_mid, v_mid, ctx) + unit_drag(pos, vel, ctx)) / 6.0;
  const double g = (gravity_at(e.anchor_pos, e.anchor_vel, ctx) + 4.0 * gravity_at(p_mid, v_mid, ctx) + gravity_at(pos, vel, ctx)).dot(u) / 6.0;
  const double along = (vel - e.anchor_vel).dot(u) / dt;
  const double var_along = u.dot((e.anchor_vel_cov + vel_cov) * u) / (dt * dt);
  // The random walk over the baseline.
  e.variance += p.walk_sigma_per_sqrt_s * p.walk_sigma_per_sqrt_s * dt;
  if (d >= p.min_dynamic_pressure_pa) {
    const double z = -(along - g) / d;       // measured k
    const double r = var_along / (d * d);    // its variance
    const double gain = e.variance / (e.variance + r);
    e.inv_beta += gain * (z - e.inv_beta);
    e.variance *= 1.0 - gain;
    ++e.measurements;
  }
  anchor();
}

}  // namespace skyshield
