// Expected kill probability from geometry: the circular hit probability of a 2-D Gaussian against
// closed forms (Rayleigh CDF for equal axes, the error function for a single axis) and a Monte Carlo
// of the distribution itself; the miss-plane projection against hand-computed covariances.
#include <gtest/gtest.h>

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>

#include <cmath>
#include <random>

#include "c2/kill_probability.hpp"

namespace skyshield {
namespace {

TEST(KillProbability, EqualAxesGiveTheRayleighCdf) {
  // |m| of an isotropic 2-D Gaussian is Rayleigh: P(|m| <= r) = 1 - exp(-r^2 / (2 sigma^2)).
  for (const double sigma : {1.0, 30.0, 700.0})
    for (const double k : {0.1, 0.5, 1.0, 1.1774, 2.0, 4.0}) {
      const double r = k * sigma;
      EXPECT_NEAR(circular_hit_probability(Eigen::Matrix2d::Identity() * sigma * sigma, r),
                  1.0 - std::exp(-0.5 * k * k), 1e-12)
          << "sigma " << sigma << " r/sigma " << k;
    }
  // r = 1.1774 sigma is the circular error probable (P = 0.5).
  EXPECT_NEAR(circular_hit_probability(Eigen::Matrix2d::Identity(), 1.1774100225), 0.5, 1e-9);
}

TEST(KillProbability, OneAxisGivesTheErrorFunction) {
  Eigen::Matrix2d S = Eigen::Matrix2d::Zero();
  S(1, 1) = 400.0 * 400.0;  // sigma 400 m along one axis, none along the other
  for (const double r : {50.0, 400.0, 1000.0}) EXPECT_NEAR(circular_hit_probability(S, r), std::erf(r / (400.0 * std::sqrt(2.0))), 1e-12);
  EXPECT_DOUBLE_EQ(circular_hit_probability(Eigen::Matrix2d::Zero(), 1.0), 1.0);
  EXPECT_DOUBLE_EQ(circular_hit_probability(S, 0.0), 0.0);
}

TEST(KillProbability, CorrelatedAxesAgreeWithMonteCarlo) {
  std::mt19937_64 gen(12345);
  std::normal_distribution<double> n01;
  const Eigen::Matrix2d cases[] = {(Eigen::Matrix2d() << 9.0, 2.0, 2.0, 1.0).finished(),
                                   (Eigen::Matrix2d() << 100.0, -30.0, -30.0, 25.0).finished(),
                                   (Eigen::Matrix2d() << 1.0, 0.0, 0.0, 400.0).finished()};
  for (const Eigen::Matrix2d& S : cases) {
    const Eigen::Matrix2d L = S.llt().matrixL();
    const double r = 2.0 * std::sqrt(S.trace() / 2.0) * 0.8;
    constexpr int kSamples = 400000;
    int hits = 0;
    for (int i = 0; i < kSamples; ++i) hits += (L * Eigen::Vector2d(n01(gen), n01(gen))).norm() <= r ? 1 : 0;
    const double p_mc = static_cast<double>(hits) / kSamples;
    const double se = std::sqrt(p_mc * (1 - p_mc) / kSamples);
    EXPECT_NEAR(circular_hit_probability(S, r), p_mc, 4.5 * se) << S;
  }
}

Track track_with(const Eigen::Matrix3d& Ppp, const Eigen::Matrix3d& Pvv) {
  Track tr;
  tr.t = 10.0;
  tr.P = Mat9::Zero();
  tr.P.block<3, 3>(0, 0) = Ppp;
  tr.P.block<3, 3>(3, 3) = Pvv;
  return tr;
}

TEST(KillProbability, MissPlaneCovariance) {
  // Velocity error 10 m/s per axis, 20 s ahead: 200 m per axis, isotropic in any plane.
  const Track iso = track_with(Eigen::Matrix3d::Zero(), Eigen::Matrix3d::Identity() * 100.0);
  const Eigen::Matrix2d S = miss_plane_covariance(iso, 30.0, Vec3(1.0, 2.0, -0.5));
  EXPECT_NEAR(S(0, 0), 4e4, 1e-6);
  EXPECT_NEAR(S(1, 1), 4e4, 1e-6);
  EXPECT_NEAR(S(0, 1), 0.0, 1e-6);
  // Axis-aligned position errors seen along z: the x and y variances remain (in some order).
  const Track axes = track_with(Eigen::Vector3d(4.0, 9.0, 16.0).asDiagonal(), Eigen::Matrix3d::Zero());
  const Eigen::SelfAdjointEigenSolver<Eigen::Matrix2d> eig(miss_plane_covariance(axes, 10.0, Vec3::UnitZ()));
  EXPECT_NEAR(eig.eigenvalues()(0), 4.0, 1e-9);
  EXPECT_NEAR(eig.eigenvalues()(1), 9.0, 1e-9);
}

TEST(KillProbability, EngagementPkFromSeekerBasketAndTrackError) {
  InterceptorClass c;
  c.midcourse_uplink = false;  // inertial mid-course: the error grows until the seeker looks
  c.seeker_range_m = 20e3;
  c.seeker_basket_m = 1000.0;
  c.pk_in_lethal_radius = {0.9, 0.8, 0.7, 0.6};
  const Track tr = track_with(Eigen::Matrix3d::Identity() * 100.0 * 100.0, Eigen::Matrix3d::Identity() * 20.0 * 20.0);
  InterceptSolution near, far;
  near.pip_enu = far.pip_enu = Vec3(0.0, 50e3, 5e3);
  near.intercept_time_s = tr.t;         // no extrapolation: sigma 100 m << 1 km basket
  far.intercept_time_s = tr.t + 100.0;  // 100 s: sigma^2 = 100^2 + (20 * 100)^2 per axis
  EXPECT_NEAR(engagement_pk(c, ThreatClass::Drone, tr, near, Vec3::Zero()), 0.8 * (1.0 - std::exp(-50.0)), 1e-12);
  const double s2 = 100.0 * 100.0 + 2000.0 * 2000.0;
  EXPECT_NEAR(engagement_pk(c, ThreatClass::Drone, tr, far, Vec3::Zero()), 0.8 * (1.0 - std::exp(-0.5 * 1e6 / s2)), 1e-12);
  // With mid-course uplink the error at handover is the current one, whatever the flight time.
  c.midcourse_uplink = true;
  EXPECT_NEAR(engagement_pk(c, ThreatClass::Drone, tr, far, Vec3::Zero()), 0.8 * (1.0 - std::exp(-50.0)), 1e-12);
  // Command guidance (no seeker): the current track error against the lethal radius, whatever the flight time.
  c.seeker_range_m = 0.0;
  c.lethal_radius_m = 20.0;
  const double p_cmd = 0.6 * (1.0 - std::exp(-0.5 * 400.0 / 1e4));
  EXPECT_NEAR(engagement_pk(c, ThreatClass::BallisticMissile, tr, far, Vec3::Zero()), p_cmd, 1e-12);
  EXPECT_NEAR(engagement_pk(c, ThreatClass::BallisticMissile, tr, near, Vec3::Zero()), p_cmd, 1e-12);
}

}  // namespace
}  // namespace skyshield
