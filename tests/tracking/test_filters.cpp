// Filter core against independent references: the steady-state gains of the alpha-beta filter
// (Kalata 1984, "The tracking index", IEEE T-AES 20(2); Bar-Shalom, Li & Kirubarajan 2001 eq.
// 6.5.2-14..16) reached by the library's transition and update; the measurement Jacobian against
// central differences; EKF and UKF agreeing where the measurement is nearly linear; the per-axis block
// prediction against the textbook dense form P' = F P F' + Q (BLK eq. 5.2.3-5).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>

#include "tracking/filters.hpp"

namespace skyshield {
namespace {

TEST(Filters, UpdateReachesKalatasSteadyStateAlphaBeta) {
  // 1-D nearly-constant-velocity target (east axis) with discrete white-noise acceleration of
  // sigma_v and position measurements of sigma_w every T: the steady-state gain is [alpha, beta/T]
  // with lambda = sigma_v T^2 / sigma_w.
  const double T = 1.0, sv = 2.0, sw = 50.0;
  const double lambda = sv * T * T / sw;
  const double r = std::sqrt(lambda * lambda + 8.0 * lambda);
  const double alpha = -(lambda * lambda + 8.0 * lambda - (lambda + 4.0) * r) / 8.0;
  const double beta = (lambda * lambda + 4.0 * lambda - lambda * r) / 4.0;
  const Mat9 F = transition_jacobian(MotionModel::ConstantVelocity, Vec9::Zero(), T, MotionContext{});
  Mat9 Q = Mat9::Identity() * 1e-9;   // other axes: negligible
  Q(0, 0) = sv * sv * std::pow(T, 4) / 4.0;
  Q(0, 3) = Q(3, 0) = sv * sv * std::pow(T, 3) / 2.0;
  Q(3, 3) = sv * sv * T * T;
  Gaussian g;
  g.P = Mat9::Identity() * 1e6;
  Eigen::Matrix<double, 9, 4> K;
  for (int k = 0; k < 500; ++k) {
    g.P = F * g.P * F.transpose() + Q;
    SphericalInnovation in;   // a linear measurement of the east position, in slot 0
    in.dim = 1;
    in.Pxz.col(0) = g.P.col(0);
    in.S(0, 0) = g.P(0, 0) + sw * sw;
    K = gain(in);
    update(g, in);
  }
  EXPECT_NEAR(K(0, 0), alpha, 1e-9);
  EXPECT_NEAR(K(3, 0) * T, beta, 1e-9);
}

TEST(Filters, PerAxisPredictionEqualsTheDenseProducts) {
  // predict() works on 3x3 blocks for the CV, CA and CT models; the reference is the dense 9x9
  // x' = F x, P' = F P F' + Q with F and Q from transition_jacobian and process_noise.
  std::srand(7);
  const MotionNoise noise{};
  for (const MotionModel m : {MotionModel::ConstantVelocity, MotionModel::ConstantAcceleration, MotionModel::CoordinatedTurn})
    for (int trial = 0; trial < 20; ++trial) {
      Gaussian g;
      g.x = Vec9::Random() * 300.0;
      const Mat9 A = Mat9::Random();
      g.P = A * A.transpose() * 1e4 + Mat9::Identity();
      const double dt = 0.05 + 0.5 * trial;
      const Mat9 F = transition_jacobian(m, g.x, dt, MotionContext{});
      const Vec9 x_ref = F * g.x;
      Mat9 P_ref = F * g.P * F.transpose() + process_noise(m, dt, noise);
      P_ref = 0.5 * (P_ref + P_ref.transpose());
      predict(FilterKind::Ekf, m, g, dt, MotionContext{}, noise);
      EXPECT_LE((g.x - x_ref).norm(), 1e-12 * x_ref.norm()) << to_string(m) << " dt " << dt;
      EXPECT_LE((g.P - P_ref).norm(), 1e-12 * P_ref.norm()) << to_string(m) << " dt " << dt;
    }
}

TEST(Filters, CovariancesStayExactlySymmetric) {
  // A covariance is symmetric by definition; the filters symmetrise after each step. After every
  // prediction (each model, EKF and UKF) and update the matrix must equal its transpose bit for bit.
  const LocalFrame frame(Geodetic{45.0, 10.0, 0.0});
  MotionContext ctx;
  ctx.frame = &frame;
  std::srand(3);
  for (const FilterKind k : {FilterKind::Ekf, FilterKind::Ukf})
    for (const MotionModel m : {MotionModel::ConstantVelocity, MotionModel::ConstantAcceleration, MotionModel::CoordinatedTurn,
                                MotionModel::Ballistic}) {
      Gaussian g;
      g.x << 20e3, 150e3, 30e3, -50.0, -900.0, -300.0, 1.0, 0.5, -9.0;
      const Mat9 A = Mat9::Random();
      g.P = A * A.transpose() * 400.0 + Mat9::Identity();
      g.P(0, 1) += 1e-3;   // a slightly asymmetric start: the first step must mend it
      predict(k, m, g, 0.5, ctx, MotionNoise{});
      EXPECT_TRUE(g.P == g.P.transpose()) << to_string(k) << " " << to_string(m) << " after predict";
      SphericalMeasurement z;
      z.dim = 4;
      z.sigma << 30.0, 2e-3, 2e-3, 1.0;
      z.z = measure(g.x, z.sensor);
      z.z(0) += 50.0;
      update(g, innovate(k, g, z));
      EXPECT_TRUE(g.P == g.P.transpose()) << to_string(k) << " " << to_string(m) << " after update";
    }
}

TEST(Filters, MeasurementJacobianMatchesCentralDifferences) {
  SensorGeometry s;
  s.position = Vec3(3e3, -2e3, 40.0);
  s.to_sensor = Eigen::AngleAxisd(0.02, Vec3::UnitX()).toRotationMatrix() * Eigen::AngleAxisd(0.3, Vec3::UnitZ()).toRotationMatrix();
  Vec9 x;
  x << 40e3, 70e3, 9e3, -200.0, -150.0, 20.0, 0.0, 0.0, 0.0;
  const Eigen::Matrix<double, 4, 9> H = measure_jacobian(x, s);
  for (int c = 0; c < 6; ++c) {
    const double h = c < 3 ? 1.0 : 0.01;
    Vec9 a = x, b = x;
    a(c) += h;
    b(c) -= h;
    const Vec4 d = residual(measure(a, s), measure(b, s), 4) / (2.0 * h);
    for (int r = 0; r < 4; ++r) EXPECT_NEAR(H(r, c), d(r), 1e-6 * std::max(1.0, std::abs(d(r)))) << r << "," << c;
  }
}

TEST(Filters, EkfAndUkfAgreeWhereTheMeasurementIsNearlyLinear) {
  SensorGeometry s;
  Gaussian g;
  g.x << 1e3, 150e3, 8e3, 250.0, -50.0, 0.0, 0.0, 0.0, 0.0;
  g.P = Mat9::Identity() * 100.0;   // 10 m, 10 m/s: tiny against 150 km
  SphericalMeasurement z;
  z.dim = 4;
  z.sensor = s;
  z.z = measure(g.x, s) + Vec4(30.0, 1e-3, -5e-4, 2.0);
  z.sigma << 20.0, 1e-3, 1e-3, 1.0;
  const SphericalInnovation e = innovate(FilterKind::Ekf, g, z), u = innovate(FilterKind::Ukf, g, z);
  EXPECT_LT((e.y - u.y).cwiseAbs().maxCoeff(), 1e-3 * e.y.cwiseAbs().maxCoeff());
  EXPECT_NEAR(e.mahalanobis2, u.mahalanobis2, 1e-3 * e.mahalanobis2);
  Gaussian ge = g, gu = g;
  update(ge, e);
  update(gu, u);
  EXPECT_LT((ge.x - gu.x).norm(), 0.05);
}

}  // namespace
}  // namespace skyshield
