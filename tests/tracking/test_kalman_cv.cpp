// CV Kalman filter against independent references: the transition/process-noise matrices of
// Bar-Shalom, Li & Kirubarajan (2001) eq. 6.2.2-12, a batch weighted-least-squares line fit (which the
// filter must reproduce exactly with q = 0 and a diffuse prior), and the NEES consistency test
// (ibid. sec. 5.4.2: E[NEES] = state dimension for a filter matched to the truth model).
#include <gtest/gtest.h>

#include <Eigen/Cholesky>
#include <Eigen/Dense>

#include "core/rng.hpp"
#include "tracking/kalman_cv.hpp"

namespace skyshield {
namespace {

TEST(KalmanCv, TransitionAndProcessNoiseMatchTheTextbook) {
  const double dt = 2.0, q = 3.0;
  const Mat6 F = cv_transition(dt);
  const Mat6 Q = cv_process_noise(dt, q);
  for (int a = 0; a < 3; ++a) {
    EXPECT_DOUBLE_EQ(F(a, a + 3), dt);
    EXPECT_DOUBLE_EQ(Q(a, a), q * dt * dt * dt / 3.0);      // q T^3 / 3
    EXPECT_DOUBLE_EQ(Q(a, a + 3), q * dt * dt / 2.0);       // q T^2 / 2
    EXPECT_DOUBLE_EQ(Q(a + 3, a + 3), q * dt);              // q T
    EXPECT_DOUBLE_EQ(Q(a, (a + 1) % 3), 0.0);               // axes independent
  }
  // Predicting by dt1 then dt2 equals predicting by dt1 + dt2 (CWNA noise is additive over time).
  Vec6 x1 = Vec6::LinSpaced(6, 1.0, 6.0), x2 = x1;
  Mat6 P1 = Mat6::Identity(), P2 = P1;
  cv_predict(x1, P1, 0.7, q);
  cv_predict(x1, P1, 1.3, q);
  cv_predict(x2, P2, 2.0, q);
  EXPECT_LT((x1 - x2).norm(), 1e-12);
  EXPECT_LT((P1 - P2).norm(), 1e-9);
}

TEST(KalmanCv, ReproducesBatchLeastSquaresWithoutProcessNoise) {
  // Reference: weighted least squares fit of p(t) = p0 + v t to all measurements (normal equations),
  // evaluated at the last time; a KF with q = 0 and a diffuse prior gives the same estimate.
  Rng rng(7);
  const Vec3 p0(1000.0, -2000.0, 500.0), v(120.0, 40.0, -3.0);
  const double sigma = 25.0;
  const Mat3 R = sigma * sigma * Mat3::Identity();
  Vec6 x = Vec6::Zero();
  Mat6 P = 1e10 * Mat6::Identity();
  Eigen::Matrix2d N = Eigen::Matrix2d::Zero();
  Eigen::Matrix<double, 2, 3> b = Eigen::Matrix<double, 2, 3>::Zero();
  double t_prev = 0.0;
  for (int k = 0; k < 20; ++k) {
    const double t = 1.5 * k;
    Vec3 z = p0 + v * t;
    for (int a = 0; a < 3; ++a) z(a) += sigma * rng.normal();
    cv_predict(x, P, t - t_prev, 0.0);
    cv_update(x, P, z, R);
    t_prev = t;
    const Eigen::Vector2d h(1.0, t);
    N += h * h.transpose();
    b += h * z.transpose();
  }
  const Eigen::Matrix<double, 2, 3> coef = N.ldlt().solve(b);
  const Vec3 p_ls = coef.row(0).transpose() + coef.row(1).transpose() * t_prev;
  const Vec3 v_ls = coef.row(1).transpose();
  EXPECT_LT((x.head<3>() - p_ls).norm(), 1e-3);
  EXPECT_LT((x.tail<3>() - v_ls).norm(), 1e-4);
  // Covariance: sigma^2 * (H' H)^-1 for the same regression.
  const Eigen::Matrix2d C = sigma * sigma * N.inverse();
  const double var_p = C(0, 0) + 2 * t_prev * C(0, 1) + t_prev * t_prev * C(1, 1);
  EXPECT_NEAR(P(0, 0), var_p, 1e-6 * var_p);
  EXPECT_NEAR(P(3, 3), C(1, 1), 1e-6 * C(1, 1));
}

TEST(KalmanCv, NeesIsConsistentWhenTheTruthFollowsTheModel) {
  // Truth driven by exactly the CWNA noise the filter assumes: the mean NEES over M runs is 6 with
  // standard deviation sqrt(12 / M) (chi-square with 6 dof).
  const double q = 5.0, dt = 1.0, sigma = 30.0;
  const Mat3 R = sigma * sigma * Mat3::Identity();
  const Eigen::LLT<Mat6> chol(cv_process_noise(dt, q));
  const Mat6 L = chol.matrixL();
  const int runs = 400;
  double nees_sum = 0.0;
  for (int r = 0; r < runs; ++r) {
    Rng rng = Rng::stream(11, "nees", static_cast<std::uint64_t>(r));
    Vec6 truth;
    truth << 0, 0, 0, 200, -100, 10;
    Vec6 x = truth;
    Mat6 P = Mat6::Identity() * 1e-6;
    for (int k = 0; k < 30; ++k) {
      Vec6 w;
      for (int i = 0; i < 6; ++i) w(i) = rng.normal();
      truth = cv_transition(dt) * truth + L * w;
      Vec3 z = truth.head<3>();
      for (int a = 0; a < 3; ++a) z(a) += sigma * rng.normal();
      cv_predict(x, P, dt, q);
      cv_update(x, P, z, R);
    }
    const Vec6 e = x - truth;
    nees_sum += e.dot(P.ldlt().solve(e));
  }
  const double mean = nees_sum / runs;
  const double sd = std::sqrt(12.0 / runs);
  EXPECT_NEAR(mean, 6.0, 4.0 * sd);
}

TEST(KalmanCv, UpdateKeepsCovarianceSymmetricPositiveDefinite) {
  Vec6 x = Vec6::Zero();
  Mat6 P = Mat6::Identity() * 1e6;
  const Mat3 R = Vec3(1e2, 1e6, 1e-2).asDiagonal();  // badly conditioned measurement noise
  for (int k = 0; k < 50; ++k) {
    cv_predict(x, P, 0.05, 200.0);
    cv_update(x, P, Vec3(k, 2.0 * k, -k), R);
  }
  EXPECT_LT((P - P.transpose()).norm(), 1e-9 * P.norm());
  EXPECT_EQ(Eigen::LLT<Mat6>(P).info(), Eigen::Success);
  const Innovation in = cv_innovation(x, P, x.head<3>(), R);
  EXPECT_NEAR(in.mahalanobis2, 0.0, 1e-12);
}

}  // namespace
}  // namespace skyshield
