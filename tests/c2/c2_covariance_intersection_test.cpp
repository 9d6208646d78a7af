// Covariance intersection (Julier & Uhlmann, ACC 1997) against closed forms, a brute-force search
// of the weights, and its defining property: the fused covariance bounds the actual error covariance
// whatever the correlation between the inputs.
#include <gtest/gtest.h>

#include <Eigen/Eigenvalues>
#include <cmath>
#include <cstring>
#include <random>

#include "c2/covariance_intersection.hpp"

namespace skyshield {
namespace {

Mat3 random_spd(std::mt19937& gen) {
  std::normal_distribution<double> n(0.0, 1.0);
  Mat3 a;
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) a(i, j) = n(gen);
  return a * a.transpose() + 0.1 * Mat3::Identity();
}

TEST(CovarianceIntersection, OneEstimateIsItself) {
  const CiEstimate e{Vec3(1, 2, 3), Vec3(4, 5, 6).asDiagonal()};
  const CiResult r = covariance_intersection({e});
  EXPECT_EQ(r.weights, std::vector<double>{1.0});
  EXPECT_TRUE(r.fused.x.isApprox(e.x));
  EXPECT_TRUE(r.fused.P.isApprox(e.P));
}

TEST(CovarianceIntersection, IsotropicEstimatesTakeTheBetterOne) {
  // trace((w/a + (1-w)/b)^-1 I) = 3 / (w/a + (1-w)/b) is smallest at w = 1 when a < b: CI never
  // claims more than the better input when the inputs carry the same shape.
  const CiResult r = covariance_intersection({{Vec3(0, 0, 0), 4.0 * Mat3::Identity()}, {Vec3(9, 9, 9), 25.0 * Mat3::Identity()}});
  EXPECT_NEAR(r.weights[0], 1.0, 1e-9);
  EXPECT_NEAR(r.fused.P.trace(), 12.0, 1e-8);
  EXPECT_LT(r.fused.x.norm(), 1e-6);
}

TEST(CovarianceIntersection, MirrorImageEstimatesSplitEvenly) {
  // P1 = diag(1, 100, 1), P2 = diag(100, 1, 1): by symmetry w = 1/2, and then
  // P = diag(1/0.505, 1/0.505, 1), trace = 2/0.505 + 1 (hand computation).
  const CiResult r = covariance_intersection({{Vec3(0, 0, 0), Vec3(1, 100, 1).asDiagonal()},
                                             {Vec3(10, 10, 0), Vec3(100, 1, 1).asDiagonal()}});
  EXPECT_NEAR(r.weights[0], 0.5, 1e-6);
  EXPECT_NEAR(r.fused.P.trace(), 2.0 / 0.505 + 1.0, 1e-9);
  // x = P (w P1^-1 x1 + w P2^-1 x2): x = (0.5 * 0.01 * 10) / 0.505, y = (0.5 * 1 * 10) / 0.505.
  EXPECT_NEAR(r.fused.x.x(), 0.05 / 0.505, 1e-6);
  EXPECT_NEAR(r.fused.x.y(), 5.0 / 0.505, 1e-6);
}

TEST(CovarianceIntersection, WeightsMatchABruteForceSearch) {
  std::mt19937 gen(5);
  for (int trial = 0; trial < 200; ++trial) {
    const int n = 2 + trial % 3;   // 2, 3 and 4 estimates
    std::vector<CiEstimate> in;
    for (int i = 0; i < n; ++i) in.push_back({Vec3::Zero(), random_spd(gen)});
    const CiResult r = covariance_intersection(in);
    double sum = 0.0;
    for (double w : r.weights) {
      EXPECT_GE(w, 0.0);
      sum += w;
    }
    EXPECT_NEAR(sum, 1.0, 1e-12);
    // Grid over the simplex: 1/2000 for two estimates, 1/100 for three, 1/40 for four.
    const int steps = n == 2 ? 2000 : n == 3 ? 100 : 40;
    double grid_best = 1e300;
    std::vector<double> w(static_cast<std::size_t>(n));
    for (int a = 0; a <= steps; ++a)
      for (int b = 0; b <= (n > 2 ? steps - a : 0); ++b)
        for (int c = 0; c <= (n > 3 ? steps - a - b : 0); ++c) {
          w[0] = static_cast<double>(a) / steps;
          if (n == 2) w[1] = 1.0 - w[0];
          if (n >= 3) w[1] = static_cast<double>(b) / steps;
          if (n == 3) w[2] = 1.0 - w[0] - w[1];
          if (n == 4) w[2] = static_cast<double>(c) / steps, w[3] = 1.0 - w[0] - w[1] - w[2];
          grid_best = std::min(grid_best, ci_trace(in, w));
        }
    EXPECT_LE(r.fused.P.trace(), grid_best * (1.0 + 1e-9)) << "trial " << trial << ", " << n << " estimates";
    EXPECT_NEAR(r.fused.P.trace(), ci_trace(in, r.weights), 1e-9 * grid_best);
  }
}

TEST(CovarianceIntersection, BoundsTheErrorWhateverTheCorrelation) {
  // Errors e1, e2 with joint covariance [[P1, C], [C', P2]] (C random, scaled to keep it valid): the
  // CI estimate's error K1 e1 + K2 e2 (K_i = P w_i P_i^-1) has covariance below the CI covariance.
  std::mt19937 gen(9);
  std::uniform_real_distribution<double> u(-1.0, 1.0);
  for (int trial = 0; trial < 200; ++trial) {
    const Mat3 p1 = random_spd(gen), p2 = random_spd(gen);
    const Eigen::LLT<Mat3> l1(p1), l2(p2);
    Mat3 q;
    for (int i = 0; i < 3; ++i)
      for (int j = 0; j < 3; ++j) q(i, j) = u(gen);
    q /= std::max(1.0, q.norm() * 1.0001);   // a contraction: C = L1 Q L2' keeps the joint covariance PSD
    const Mat3 c = l1.matrixL() * q * l2.matrixL().transpose();
    const CiResult r = covariance_intersection({{Vec3::Zero(), p1}, {Vec3::Zero(), p2}});
    const Mat3 k1 = r.fused.P * r.weights[0] * p1.inverse(), k2 = r.fused.P * r.weights[1] * p2.inverse();
    const Mat3 actual = k1 * p1 * k1.transpose() + k2 * p2 * k2.transpose() + k1 * c * k2.transpose() + k2 * c.transpose() * k1.transpose();
    const Eigen::SelfAdjointEigenSolver<Mat3> eig(r.fused.P - actual);
    EXPECT_GE(eig.eigenvalues().minCoeff(), -1e-9 * r.fused.P.trace()) << "trial " << trial;
  }
}

}  // namespace
}  // namespace skyshield

namespace skyshield {
namespace {

// The line searches' objective, trace(P^-1) by the diagonal alone, is Eigen's inverse().trace() bit
// for bit (so the weights, and the air picture, are those of the full inverse): on random positive
// definite matrices of the air picture's scales (m^-2 information of 10 m to 100 km sigmas), on
// general ones, and on nearly singular ones.
TEST(CovarianceIntersection, InverseTraceIsEigensBitForBit) {
  std::mt19937 gen(33);
  std::uniform_real_distribution<double> scale(-10.0, 2.0);
  for (int k = 0; k < 200000; ++k) {
    Mat3 m = random_spd(gen) * std::pow(10.0, scale(gen));
    if (k % 3 == 1) m = Mat3::Random();
    if (k % 3 == 2) m.col(2) = m.col(1) * (1.0 + 1e-12) + m.col(0) * 1e-9;
    const double ref = m.inverse().trace(), got = ci_inverse_trace(m);
    ASSERT_TRUE(std::memcmp(&ref, &got, sizeof ref) == 0) << k << ": " << got << " vs " << ref << "\n" << m;
  }
}

}  // namespace
}  // namespace skyshield
