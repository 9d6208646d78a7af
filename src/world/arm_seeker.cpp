#include "world/arm_seeker.hpp"

#include <cmath>

#include "core/units.hpp"

namespace skyshield {

double arm_received_power_w(const ArmSeekerParams& s, const Emitter& e, double range_m) {
  const double lambda = kSpeedOfLight / e.frequency_hz;
  const double four_pi_r = 4.0 * kPi * std::max(range_m, 1.0);
  return e.power_w * db_to_linear(e.gain_db) * db_to_linear(s.antenna_gain_db) * lambda * lambda / (four_pi_r * four_pi_r);
}

double arm_acquisition_range_m(const ArmSeekerParams& s, const Emitter& e) {
  if (!s.covers(e.frequency_hz) || e.power_w <= 0.0) return 0.0;
  const double s_min_w = 1e-3 * db_to_linear(s.sensitivity_dbm);
  const double lambda = kSpeedOfLight / e.frequency_hz;
  return lambda / (4.0 * kPi) * std::sqrt(e.power_w * db_to_linear(e.gain_db) * db_to_linear(s.antenna_gain_db) / s_min_w);
}

ArmSeeker::ArmSeeker(const ArmSeekerParams& p, std::uint64_t seed, int threat_id)
    : p_(p), rng_(Rng::stream(seed, "arm-seeker", static_cast<std::uint64_t>(threat_id))) {}

bool ArmSeeker::visible(const Emitter& e, const Vec3& pos, const Vec3& vel) const {
  if (!e.radiating || !p_.covers(e.frequency_hz)) return false;
  const Vec3 los = e.pos_ecef - pos;
  const double r = los.norm();
  if (r > arm_acquisition_range_m(p_, e)) return false;
  const double v = vel.norm();
  if (v <= 0.0 || r <= 0.0) return true;
  return los.dot(vel) / (r * v) >= std::cos(p_.field_of_view_deg * kDegToRad);
}

std::optional<Vec3> ArmSeeker::look(double t, const Vec3& pos, const Vec3& vel, std::span<const Emitter> emitters) {
  const Emitter* target = nullptr;
  if (locked_ >= 0)
    for (const Emitter& e : emitters)
      if (e.id == locked_ && visible(e, pos, vel)) target = &e;
  if (!target) {   // never locked, or its emitter is silent or out of view: the strongest other one
    double best = 0.0;
    for (const Emitter& e : emitters) {
      if (!visible(e, pos, vel)) continue;
      const double s = arm_received_power_w(p_, e, (e.pos_ecef - pos).norm());
      if (s > best) best = s, target = &e;
    }
    if (target) {
      locked_ = target->id;
      // The drift direction: a horizontal unit vector at the emitter, drawn once per missile.
      const LocalFrame f(geodetic_from_ecef(target->pos_ecef));
      const double a = rng_.uniform(0.0, 2.0 * kPi);
      drift_dir_ecef_ = f.vector_to_ecef(Vec3(std::sin(a), std::cos(a), 0.0));
    }
  }
  if (target) {
    // A fix: the emitter displaced perpendicular to the line of sight by the bearing error.
    const Vec3 los = target->pos_ecef - pos;
    const double r = los.norm();
    const Vec3 u = r > 0.0 ? Vec3(los / r) : Vec3(0, 0, 1);
    Vec3 a = u.cross(Vec3(0, 0, 1));
    if (a.norm() < 1e-6) a = u.cross(Vec3(1, 0, 0));
    a.normalize();
    const Vec3 b = u.cross(a);
    const double s = p_.bearing_sigma_deg * kDegToRad * r;
    last_fix_ = target->pos_ecef + s * (rng_.normal() * a + rng_.normal() * b);
    silent_since_ = -1.0;
    return last_fix_;
  }
  if (locked_ < 0) return std::nullopt;
  if (silent_since_ < 0.0) silent_since_ = t;
  return Vec3(last_fix_ + p_.memory_drift_mps * (t - silent_since_) * drift_dir_ecef_);
}

}  // namespace skyshield
