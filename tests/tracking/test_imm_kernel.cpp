// The tight EKF/IMM kernel (tracking/filters.cpp, imm.cpp, motion_models.cpp) against the plain dense
// formulas it replaces, on random states: the reference here is the textbook EKF written out with
// dense 9x9 / 4x9 products and explicit inverses (Bar-Shalom, Li & Kirubarajan 2001, "Estimation with
// Applications to Tracking and Navigation" (BLK), sec. 5.2.3 and 10.3: P' = F P F' + Q,
// S = H P H' + R, K = P H' S^-1, P+ = P - K S K'), and the white-jerk noise of BLK eq. 6.2.3-8 with
// std::pow. Agreement to 1e-9 of each matrix's largest entry.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>

#include <Eigen/LU>

#include "tracking/filters.hpp"
#include "tracking/imm.hpp"

using namespace skyshield;

namespace {

template <class A, class B>
double relative_error(const A& got, const B& ref) {
  return (got - ref).cwiseAbs().maxCoeff() / std::max(ref.cwiseAbs().maxCoeff(), 1e-300);
}

Gaussian random_gaussian() {
  Gaussian g;
  g.x << 20e3, 150e3, 8e3, -50.0, -250.0, 10.0, 0.5, 0.2, -0.1;
  g.x += Vec9::Random().cwiseProduct((Vec9() << 5e3, 5e3, 2e3, 200, 200, 50, 5, 5, 5).finished());
  const Mat9 A = Mat9::Random();
  g.P = A * A.transpose() * 1e3 + Mat9::Identity() * 10.0;
  return g;
}

SphericalMeasurement random_measurement(const Gaussian& g, int dim) {
  SphericalMeasurement z;
  z.dim = dim;
  z.sigma << 30.0, 2e-3, 2e-3, dim == 4 ? 1.0 : 0.0;
  z.sensor.position = Vec3(1e3, -2e3, 30.0);
  z.z = measure(g.x, z.sensor) + Vec4::Random().cwiseProduct(Vec4(60.0, 4e-3, 4e-3, 2.0));
  if (dim == 3) z.z(3) = 0.0;
  return z;
}

// BLK eq. 6.2.3-8 (white-jerk, per axis), written with pow as the code was before.
Mat3 white_jerk_q(double T, double q) {
  Mat3 m;
  m << std::pow(T, 5) / 20.0, std::pow(T, 4) / 8.0, std::pow(T, 3) / 6.0, std::pow(T, 4) / 8.0, std::pow(T, 3) / 3.0,
      std::pow(T, 2) / 2.0, std::pow(T, 3) / 6.0, std::pow(T, 2) / 2.0, T;
  return q * m;
}

}  // namespace

TEST(ImmKernel, WhiteJerkNoiseWithoutPowEqualsTheFormula) {
  const MotionNoise n{};
  for (double T : {0.05, 0.5, 1.0, 2.0, 7.3, 30.0}) {
    EXPECT_LE(relative_error(axis_process_noise(MotionModel::ConstantAcceleration, T, n), white_jerk_q(T, n.ca_q)), 1e-15);
    EXPECT_LE(relative_error(axis_process_noise(MotionModel::CoordinatedTurn, -T, n), white_jerk_q(T, n.ct_q)), 1e-15);
  }
}

TEST(ImmKernel, BallisticPredictionEqualsTheDenseProduct) {
  // The ballistic prediction uses only F's first six columns (the last three are zero).
  std::srand(11);
  const LocalFrame frame{Geodetic{45.0, 10.0, 0.0}};
  MotionContext ctx;
  ctx.frame = &frame;
  const MotionNoise noise{};
  for (int trial = 0; trial < 20; ++trial) {
    Gaussian g = random_gaussian();
    const double dt = 0.05 + 0.3 * trial;
    const Mat9 F = transition_jacobian(MotionModel::Ballistic, g.x, dt, ctx);
    EXPECT_EQ(F.rightCols<3>().cwiseAbs().maxCoeff(), 0.0);
    const Mat9 P_ref = F * g.P * F.transpose() + process_noise(MotionModel::Ballistic, dt, noise);
    const Vec9 x_ref = propagate(MotionModel::Ballistic, g.x, dt, ctx);
    predict(FilterKind::Ekf, MotionModel::Ballistic, g, dt, ctx, noise);
    EXPECT_LE(relative_error(g.x, x_ref), 1e-12);
    EXPECT_LE(relative_error(g.P, P_ref), 1e-9) << "dt " << dt;
  }
}

TEST(ImmKernel, EkfInnovationAndUpdateEqualTheDenseFormulas) {
  std::srand(5);
  for (int dim : {3, 4})
    for (int trial = 0; trial < 50; ++trial) {
      Gaussian g = random_gaussian();
      const SphericalMeasurement z = random_measurement(g, dim);
      // Dense reference.
      Eigen::Matrix<double, 4, 9> H = measure_jacobian(g.x, z.sensor);
      for (int i = dim; i < 4; ++i) H.row(i).setZero();
      const Eigen::Matrix<double, 9, 4> Pxz = g.P * H.transpose();
      const Mat4 S = H * g.P * H.transpose() + z.R();
      const Mat4 S_inv = S.fullPivLu().inverse();
      const Vec4 y = residual(z.z, measure(g.x, z.sensor), dim);
      const double d2 = y.dot(S_inv * y);
      const double log_det = std::log(S.determinant());
      const Eigen::Matrix<double, 9, 4> K = Pxz * S_inv;
      const Vec9 x_ref = g.x + K * y;
      const Mat9 P_ref = g.P - K * S * K.transpose();

      const SphericalInnovation in = innovate(FilterKind::Ekf, g, z);
      EXPECT_LE(relative_error(in.Pxz, Pxz), 1e-12);
      EXPECT_LE(relative_error(in.S, S), 1e-12);
      EXPECT_NEAR(in.mahalanobis2, d2, 1e-9 * std::max(1.0, d2));
      EXPECT_NEAR(in.log_det_S, log_det, 1e-9 * std::max(1.0, std::abs(log_det)));
      EXPECT_LE(relative_error(gain(in), K), 1e-9);
      update(g, in);
      EXPECT_LE(relative_error(g.x, x_ref), 1e-12);
      EXPECT_LE(relative_error(g.P, P_ref), 1e-9);
    }
}

TEST(ImmKernel, HandBuiltInnovationIsFactoredWhereItsGainIsNeeded) {
  // An innovation not made by innovate() has no stored S^-1: gain() factors S itself.
  SphericalInnovation in;
  in.dim = 1;
  in.S(0, 0) = 4.0;
  in.Pxz(0, 0) = 2.0;
  EXPECT_DOUBLE_EQ(gain(in)(0, 0), 0.5);   // 2 / 4
}

TEST(ImmKernel, ImmUpdateEqualsPerModelDenseUpdates) {
  // imm_update: each model's dense update, probabilities mu_j N_j / sum (BLK sec. 11.6.6).
  std::srand(3);
  const LocalFrame frame{Geodetic{45.0, 10.0, 0.0}};
  MotionContext ctx;
  ctx.frame = &frame;
  ImmParams p;
  for (int trial = 0; trial < 10; ++trial) {
    ImmState s = imm_start(random_gaussian(), p);
    imm_predict(s, 0.5, p, ctx);
    const SphericalMeasurement z = random_measurement(s.combined(), 4);
    ImmState ref = s;
    std::array<double, kMaxImmModels> l{};
    double sum = 0.0;
    for (int j = 0; j < s.n; ++j) {
      Gaussian& g = ref.model[j];
      const Eigen::Matrix<double, 4, 9> H = measure_jacobian(g.x, z.sensor);
      const Mat4 S = H * g.P * H.transpose() + z.R();
      const Eigen::Matrix<double, 9, 4> K = g.P * H.transpose() * S.fullPivLu().inverse();
      const Vec4 y = residual(z.z, measure(g.x, z.sensor), 4);
      l[j] = ref.mu[j] * std::exp(-0.5 * y.dot(S.fullPivLu().solve(y))) / std::sqrt(S.determinant());
      sum += l[j];
      g.x += K * y;
      g.P -= (K * S * K.transpose()).eval();
    }
    imm_update(s, imm_innovate(s, z, p));
    for (int j = 0; j < s.n; ++j) {
      EXPECT_LE(relative_error(s.model[j].x, ref.model[j].x), 1e-12);
      EXPECT_LE(relative_error(s.model[j].P, ref.model[j].P), 1e-9);
      EXPECT_NEAR(s.mu[j], l[j] / sum, 1e-9);
    }
  }
}
