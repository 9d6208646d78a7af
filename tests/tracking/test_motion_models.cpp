// Motion models against analytic references: the process-noise matrices of Bar-Shalom, Li &
// Kirubarajan (2001) eq. 6.2.2-12 (CWNA) and 6.2.3-8 (white jerk); the coordinated-turn model
// against exact circular motion; the ballistic model against the vacuum parabola on a flat earth;
// its Jacobian against central differences.
#include <gtest/gtest.h>

#include <cmath>

#include "core/units.hpp"
#include "tracking/motion_models.hpp"

namespace skyshield {
namespace {

TEST(MotionModels, ProcessNoiseMatchesTheTextbook) {
  const double T = 2.0;
  MotionNoise n;
  n.cv_q = 3.0;
  n.ca_q = 5.0;
  const Mat9 Qcv = process_noise(MotionModel::ConstantVelocity, T, n);
  const Mat9 Qca = process_noise(MotionModel::ConstantAcceleration, T, n);
  for (int a = 0; a < 3; ++a) {
    EXPECT_DOUBLE_EQ(Qcv(a, a), 3.0 * T * T * T / 3.0);          // q T^3 / 3
    EXPECT_DOUBLE_EQ(Qcv(a, a + 3), 3.0 * T * T / 2.0);          // q T^2 / 2
    EXPECT_DOUBLE_EQ(Qcv(a + 3, a + 3), 3.0 * T);                // q T
    EXPECT_DOUBLE_EQ(Qca(a, a), 5.0 * std::pow(T, 5) / 20.0);    // q T^5 / 20
    EXPECT_DOUBLE_EQ(Qca(a, a + 6), 5.0 * std::pow(T, 3) / 6.0); // q T^3 / 6
    EXPECT_DOUBLE_EQ(Qca(a + 6, a + 6), 5.0 * T);                // q T
    EXPECT_DOUBLE_EQ(Qca(a, (a + 1) % 3), 0.0);                  // axes independent
  }
}

TEST(MotionModels, CoordinatedTurnFollowsAnExactCircle) {
  // Horizontal circle of radius R at angular rate w: p = R (sin wt, cos wt), v = R w (cos, -sin),
  // a = -w^2 p (centripetal): a 6 g turn at 300 m/s.
  const double v = 300.0, acc = 6.0 * kStandardGravity, w = acc / v, R = v / w;
  auto state = [&](double t) {
    Vec9 x;
    x << R * std::sin(w * t), R * std::cos(w * t), 5000.0, R * w * std::cos(w * t), -R * w * std::sin(w * t), 0.0,
        -w * w * R * std::sin(w * t), -w * w * R * std::cos(w * t), 0.0;
    return x;
  };
  const MotionContext ctx;
  EXPECT_NEAR(turn_rate(state(0.0)), w, 1e-12);
  const Vec9 y = propagate(MotionModel::CoordinatedTurn, state(0.0), 7.0, ctx);
  EXPECT_LT((position_of(y) - position_of(state(7.0))).norm(), 1e-6);
  EXPECT_LT((velocity_of(y) - velocity_of(state(7.0))).norm(), 1e-9);
  EXPECT_LT((acceleration_of(y) - acceleration_of(state(7.0))).norm(), 1e-9);
  // The constant-acceleration model drifts off the circle (reference for the difference).
  const Vec9 z = propagate(MotionModel::ConstantAcceleration, state(0.0), 7.0, ctx);
  EXPECT_GT((position_of(z) - position_of(state(7.0))).norm(), 100.0);
  // As the turn rate goes to zero the CT transition tends to the CA one (continuity at w = 0).
  Vec9 straight = state(0.0);
  straight.tail<3>() = Vec3(1e-7, 0.0, 0.0);
  const Mat9 Fct = transition_jacobian(MotionModel::CoordinatedTurn, straight, 3.0, ctx);
  const Mat9 Fca = transition_jacobian(MotionModel::ConstantAcceleration, straight, 3.0, ctx);
  EXPECT_LT((Fct - Fca).cwiseAbs().maxCoeff(), 1e-9);
}

TEST(MotionModels, BallisticIsTheVacuumParabolaWithoutDragOnAFlatEarth) {
  MotionContext ctx;          // no frame: flat earth, g = 9.80665 m/s^2
  ctx.ballistic_beta_kg_m2 = 1e12;  // drag rho v / 2 beta ~ 1e-12 m/s^2: none
  Vec9 x = Vec9::Zero();
  x << 0.0, 0.0, 60e3, 800.0, -300.0, 1500.0, 0.0, 0.0, 0.0;
  const double T = 37.0;
  const Vec9 y = propagate(MotionModel::Ballistic, x, T, ctx);
  const Vec3 p = position_of(x) + velocity_of(x) * T - 0.5 * kStandardGravity * T * T * Vec3::UnitZ();
  EXPECT_LT((position_of(y) - p).norm(), 1e-3);
  EXPECT_NEAR(y(8), -kStandardGravity, 1e-9);
}

TEST(MotionModels, BallisticJacobianMatchesCentralDifferences) {
  const LocalFrame frame(Geodetic{45.0, 10.0, 0.0});
  MotionContext ctx;
  ctx.frame = &frame;
  ctx.ballistic_beta_kg_m2 = 3000.0;
  Vec9 x = Vec9::Zero();
  x << 20e3, 80e3, 25e3, -500.0, -1800.0, -900.0, 0.0, 0.0, 0.0;   // re-entering through 25 km
  const double T = 2.0;
  const Mat9 F = transition_jacobian(MotionModel::Ballistic, x, T, ctx);
  for (int c = 0; c < 6; ++c) {
    const double h = c < 3 ? 1.0 : 0.1;
    Vec9 a = x, b = x;
    a(c) += h;
    b(c) -= h;
    const Vec9 d = (propagate(MotionModel::Ballistic, a, T, ctx) - propagate(MotionModel::Ballistic, b, T, ctx)) / (2.0 * h);
    for (int r = 0; r < 9; ++r) EXPECT_NEAR(F(r, c), d(r), 2e-3 * std::max(1.0, std::abs(d(r)))) << r << "," << c;
  }
}

}  // namespace
}  // namespace skyshield
