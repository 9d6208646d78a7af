// The ballistic-coefficient estimate (tracking/drag_estimate.hpp) against the analytic deceleration
// of a body of known beta: a = -g z - rho(h) |v| v / (2 beta), beta = m / (Cd A) (definition of the
// ballistic coefficient, e.g. Zarchan, "Tactical and Strategic Missile Guidance", ch. "Ballistic
// target properties"), on a flat earth (g = 9.80665 m/s^2, altitude = up), integrated here by the
// test's own RK4 at 1 ms, with the US-1976 density.
#include <gtest/gtest.h>

#include <cmath>

#include "core/atmosphere.hpp"
#include "core/rng.hpp"
#include "core/units.hpp"
#include "tracking/drag_estimate.hpp"

namespace skyshield {
namespace {

const MotionContext kFlat{nullptr, 0.0};  // flat earth

Vec3 reference_accel(const Vec3& p, const Vec3& v, double beta) {
  return Vec3(0.0, 0.0, -kStandardGravity) - us1976(p.z()).density_kg_m3 * v.norm() / (2.0 * beta) * v;
}

struct Body {
  Vec3 p, v;
  void step(double dt, double beta) {  // RK4 at 1 ms
    const int n = static_cast<int>(std::lround(dt / 1e-3));
    const double h = dt / n;
    for (int i = 0; i < n; ++i) {
      const Vec3 k1v = reference_accel(p, v, beta), k1p = v;
      const Vec3 k2v = reference_accel(p + 0.5 * h * k1p, v + 0.5 * h * k1v, beta), k2p = v + 0.5 * h * k1v;
      const Vec3 k3v = reference_accel(p + 0.5 * h * k2p, v + 0.5 * h * k2v, beta), k3p = v + 0.5 * h * k2v;
      const Vec3 k4v = reference_accel(p + h * k3p, v + h * k3v, beta), k4p = v + h * k3v;
      p += h / 6.0 * (k1p + 2.0 * k2p + 2.0 * k3p + k4p);
      v += h / 6.0 * (k1v + 2.0 * k2v + 2.0 * k3v + k4v);
    }
  }
};

// A re-entry body at 70 km, 3 km/s, 40 deg below the horizontal.
Body reentry() { return {Vec3(0.0, 0.0, 70e3), 3000.0 * Vec3(0.0, std::cos(0.698), -std::sin(0.698))}; }

TEST(DragEstimate, AccelerationIsGravityPlusTheAnalyticDrag) {
  const Vec3 p(1e3, 2e3, 25e3), v(100.0, -2000.0, -1500.0);
  // The tracker's ballistic model takes the density from the tabulated standard (us1976_density_slope,
  // within 3e-6 of the exact layers, tests/core/test_atmosphere.cpp): agreement to that fraction of the drag.
  for (double beta : {300.0, 3500.0, 20000.0}) {
    const double drag = (reference_accel(p, v, beta) - Vec3(0.0, 0.0, -kStandardGravity)).norm();
    EXPECT_LT((acceleration_with_drag(p, v, 1.0 / beta, kFlat) - reference_accel(p, v, beta)).norm(), 3e-6 * drag + 1e-12);
  }
  EXPECT_LT((acceleration_with_drag(p, v, 0.0, kFlat) - Vec3(0.0, 0.0, -kStandardGravity)).norm(), 1e-12);
}

TEST(DragEstimate, RecoversBetaFromExactStates) {
  for (double beta : {1000.0, 3500.0, 8000.0}) {
    Body b = reentry();
    DragEstimate e;
    double t = 0.0;
    while (b.p.z() > 12e3) {
      update_drag_estimate(e, t, b.p, b.v, 1e-4 * Mat3::Identity(), kFlat);
      b.step(0.5, beta);
      t += 0.5;
    }
    EXPECT_NEAR(e.inv_beta, 1.0 / beta, 0.005 / beta) << "beta " << beta;  // 0.5 %
    EXPECT_GT(e.measurements, 10);
  }
}

TEST(DragEstimate, NoisyVelocitiesGiveAConsistentEstimate) {
  // Velocity errors of 5 m/s per axis (independent per sample, seeded), declared in the covariance:
  // the estimate must lie within 3 sigma of the truth, and sigma must have shrunk well below 1/beta.
  const double beta = 3500.0;
  Rng rng(11);
  Body b = reentry();
  DragEstimate e;
  double t = 0.0;
  while (b.p.z() > 12e3) {
    const Vec3 noise(5.0 * rng.normal(), 5.0 * rng.normal(), 5.0 * rng.normal());
    update_drag_estimate(e, t, b.p, b.v + noise, 25.0 * Mat3::Identity(), kFlat);
    b.step(0.5, beta);
    t += 0.5;
  }
  EXPECT_NEAR(e.inv_beta, 1.0 / beta, 3.0 * e.sigma());
  EXPECT_LT(e.sigma(), 0.1 / beta);
}

TEST(DragEstimate, StaysAtItsPriorAboveTheAtmosphere) {
  // At 150-200 km the air gives no information: the estimate stays drag-free (prior 0).
  Body b{Vec3(0.0, 0.0, 200e3), Vec3(0.0, 2000.0, -500.0)};
  DragEstimate e;
  for (double t = 0.0; t < 60.0; t += 1.0) {
    update_drag_estimate(e, t, b.p, b.v, Mat3::Identity(), kFlat);
    b.step(1.0, 3500.0);
  }
  EXPECT_EQ(e.measurements, 0);
  EXPECT_EQ(e.inv_beta, 0.0);
  EXPECT_EQ(drag_context(MotionContext{nullptr, 20000.0}, e).ballistic_beta_kg_m2, 20000.0);
}

TEST(DragEstimate, ContextTakesTheEstimateOnlyOnceSignificant) {
  DragEstimate e;
  e.inv_beta = 1.0 / 3500.0;
  e.variance = std::pow(0.5 / 3500.0, 2);  // 2 sigma: not significant
  e.measurements = 5;
  const MotionContext nominal{nullptr, 20000.0};
  EXPECT_EQ(drag_context(nominal, e).ballistic_beta_kg_m2, 20000.0);
  e.variance = std::pow(0.2 / 3500.0, 2);  // 5 sigma
  EXPECT_NEAR(drag_context(nominal, e).ballistic_beta_kg_m2, 3500.0, 1e-9);
  e.measurements = 2;
  EXPECT_EQ(drag_context(nominal, e).ballistic_beta_kg_m2, 20000.0);
}

}  // namespace
}  // namespace skyshield
