#include "c2/kill_probability.hpp"

#include <Eigen/Eigenvalues>
#include <array>
#include <cmath>
#include <numbers>

namespace skyshield {

double circular_hit_probability(const Eigen::Matrix2d& S, double r) {
  if (r <= 0.0) return 0.0;
  const Eigen::SelfAdjointEigenSolver<Eigen::Matrix2d> eig(S);
  const double v1 = std::max(eig.eigenvalues()(0), 0.0), v2 = std::max(eig.eigenvalues()(1), 0.0);
  const double r2 = r * r;
  const double tiny = 1e-12 * r2;
  if (v2 <= tiny) return 1.0;                         // no spread at all
  if (v1 <= tiny) return std::erf(r / std::sqrt(2.0 * v2));  // spread along one axis only
  // The integrand is smooth and 2pi-periodic (even pi-periodic): the trapezoid rule converges
  // geometrically; 256 nodes are exact to rounding for axis ratios up to ~100.
  constexpr int kNodes = 256;
  struct Node {
    double c2, s2;  // cos^2 and sin^2 of the node's angle
  };
  static const std::array<Node, kNodes> nodes = [] {
    std::array<Node, kNodes> n{};
    for (int k = 0; k < kNodes; ++k) {
      const double th = std::numbers::pi * (k + 0.5) / kNodes;  // one period of pi
      const double c = std::cos(th), s = std::sin(th);
      n[k] = {c * c, s * s};
    }
    return n;
  }();
  double sum = 0.0;
  for (const Node& n : nodes) {
    const double a = n.c2 / v1 + n.s2 / v2;
    sum += -std::expm1(-0.5 * a * r2) / a;
  }
  const double p = sum * (std::numbers::pi / kNodes) / (std::numbers::pi * std::sqrt(v1 * v2));
  return std::clamp(p, 0.0, 1.0);
}

Eigen::Matrix2d miss_plane_covariance(const Track& track, double t, const Vec3& direction) {
  const double tau = std::max(0.0, t - track.t);
  const Eigen::Matrix3d Ppp = track.P.block<3, 3>(0, 0), Ppv = track.P.block<3, 3>(0, 3), Pvv = track.P.block<3, 3>(3, 3);
  const Eigen::Matrix3d P = Ppp + tau * (Ppv + Ppv.transpose()) + tau * tau * Pvv;
  // Orthonormal basis (u, w) of the plane normal to the direction.
  const Vec3 d = direction.norm() > 1e-9 ? Vec3(direction.normalized()) : Vec3(Vec3::UnitZ());
  const Vec3 helper = std::abs(d.z()) < 0.9 ? Vec3::UnitZ() : Vec3::UnitX();
  const Vec3 u = d.cross(helper).normalized(), w = d.cross(u);
  Eigen::Matrix<double, 2, 3> B;
  B.row(0) = u.transpose();
  B.row(1) = w.transpose();
  return B * P * B.transpose();
}

double engagement_pk(const InterceptorClass& cls, ThreatClass threat, const Track& track, const InterceptSolution& s,
                     const Vec3& launcher_enu) {
  // The class's single-shot Pk against this target class at the track's speed (its envelope table),
  // else the warhead's zero-miss pk.
  const TargetEnvelope* row = cls.envelopes.find(threat, track.velocity().norm());
  const double warhead = row ? row->pk : cls.pk_in_lethal_radius[static_cast<int>(threat)];
  const Vec3 approach = s.pip_enu - launcher_enu;
  const bool seeker = cls.seeker_range_m > 0.0;
  const bool extrapolate = seeker && !cls.midcourse_uplink;
  const Eigen::Matrix2d S = miss_plane_covariance(track, extrapolate ? s.intercept_time_s : track.t, approach);
  return warhead * circular_hit_probability(S, seeker ? cls.seeker_basket_m : cls.lethal_radius_m);
}

}  // namespace skyshield
