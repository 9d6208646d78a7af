#include "world/ballistic_motion.hpp"

#include <cmath>

#include "core/units.hpp"

namespace skyshield {

double free_flight_range_angle(double v_mps, double r_m, double gamma_rad) {
  const double nu = v_mps * v_mps * r_m / kEarthMu;
  const double c = std::cos(gamma_rad), s = std::sin(gamma_rad);
  return 2.0 * std::atan2(nu * s * c, 1.0 - nu * c * c);
}

double burnout_speed_for_range(double psi_rad, double r_m, double gamma_rad) {
  // Solve tan(psi/2) (1 - nu cos^2 g) = nu sin g cos g for nu.
  const double tp = std::tan(psi_rad / 2.0);
  const double c = std::cos(gamma_rad), s = std::sin(gamma_rad);
  const double nu = tp / (s * c + tp * c * c);
  return std::sqrt(nu * kEarthMu / r_m);
}

double minimum_energy_gamma(double psi_rad) { return kPi / 4.0 - psi_rad / 4.0; }

Vec3 central_gravity(const Vec3& pos) {
  const double r = pos.norm();
  return -kEarthMu / (r * r * r) * pos;
}

BallisticState rk4_step(const BallisticState& s, double dt) {
  const Vec3 k1v = central_gravity(s.pos), k1x = s.vel;
  const Vec3 k2v = central_gravity(s.pos + 0.5 * dt * k1x), k2x = s.vel + 0.5 * dt * k1v;
  const Vec3 k3v = central_gravity(s.pos + 0.5 * dt * k2x), k3x = s.vel + 0.5 * dt * k2v;
  const Vec3 k4v = central_gravity(s.pos + dt * k3x), k4x = s.vel + dt * k3v;
  return {s.pos + dt / 6.0 * (k1x + 2 * k2x + 2 * k3x + k4x), s.vel + dt / 6.0 * (k1v + 2 * k2v + 2 * k3v + k4v)};
}

namespace {
// Flies a trajectory to the aim altitude and returns the impact point (ECEF).
Vec3 fly_to_impact(BallisticState s, double impact_alt, double dt) {
  bool descending = false;
  for (int i = 0; i < 2000000; ++i) {
    const BallisticState n = rk4_step(s, dt);
    descending = descending || n.pos.norm() < s.pos.norm();
    if (descending && geodetic_from_ecef(n.pos).alt_m <= impact_alt) return n.pos;
    s = n;
  }
  return s.pos;
}

double angle_between(const Vec3& a, const Vec3& b) { return std::atan2(a.cross(b).norm(), a.dot(b)); }
}  // namespace

BallisticMotion::BallisticMotion(const Geodetic& launch, const Geodetic& aim, double gamma_deg, double dt)
    : impact_alt_(aim.alt_m) {
  const Vec3 r0 = ecef_from_geodetic(launch);
  const Vec3 ra = ecef_from_geodetic(aim);
  const Vec3 up = r0.normalized();
  const Vec3 down_range = (ra.normalized() - ra.normalized().dot(up) * up).normalized();
  const double psi_aim = angle_between(r0, ra);
  gamma_ = gamma_deg > 0.0 ? gamma_deg * kDegToRad : minimum_energy_gamma(psi_aim);

  // Shooting: the spherical formula ignores the ellipsoid and the burnout height; correct the
  // commanded range angle by the impact error a few times (secant-free fixed point; converges
  // because the error is a small smooth function of psi).
  double psi_cmd = psi_aim;
  Vec3 v0 = Vec3::Zero();
  for (int iter = 0; iter < 6; ++iter) {
    const double v = burnout_speed_for_range(psi_cmd, r0.norm(), gamma_);
    v0 = v * (std::cos(gamma_) * down_range + std::sin(gamma_) * up);
    const Vec3 impact = fly_to_impact({r0, v0}, impact_alt_, dt);
    const double err = psi_aim - angle_between(r0, impact);
    if (std::abs(err) * r0.norm() < 1.0) break;
    psi_cmd += err;
  }
  v0_ = v0;
  s_ = {r0, v0};
}

bool BallisticMotion::step(double dt) {
  if (impacted_) return true;
  const BallisticState n = rk4_step(s_, dt);
  descending_ = descending_ || n.pos.norm() < s_.pos.norm();
  s_ = n;
  if (descending_ && geodetic_from_ecef(s_.pos).alt_m <= impact_alt_) impacted_ = true;
  return impacted_;
}

}  // namespace skyshield
