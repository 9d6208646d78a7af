#include "weapons/seeker.hpp"

#include <algorithm>
#include <cmath>

#include "weapons/interceptor_class.hpp"
#include "weapons/track_via_missile.hpp"

namespace skyshield {

Seeker::Seeker(const InterceptorClass* cls, Rng rng) : cls_(cls), rng_(rng), filter_(cls->seeker_tau_s) {}

double Seeker::acquisition_range(const TruthView& target, const Vec3& missile, const Vec3& illuminator) const {
  const double sigma = std::max(target.rcs_toward(missile), 0.0) / cls_->seeker_reference_rcs_m2;
  if (cls_->seeker_type == SeekerType::ActiveRadar) return cls_->seeker_range_m * std::pow(sigma, 0.25);
  // Semi-active / track-via-missile: the echo of the radar's illumination (bistatic, 1/(R_i^2 R^2)).
  const double r_illum = std::max((target.pos_ecef - illuminator).norm(), 1.0);
  const double bistatic = cls_->seeker_range_m * (cls_->seeker_illumination_ref_m / r_illum) * std::sqrt(sigma);
  // Track-via-missile: the echo is processed on the ground (weapons/track_via_missile.hpp).
  return cls_->seeker_type == SeekerType::TrackViaMissile ? tvm_acquisition_range_m(bistatic, cls_->tvm_processing_gain_db)
                                                          : bistatic;
}

bool Seeker::can_see(const TruthView& target, const Vec3& missile_pos, const Vec3& missile_vel, const Vec3& illuminator) const {
  if ((target.pos_ecef - missile_pos).norm() > acquisition_range(target, missile_pos, illuminator)) return false;
  return in_gimbal(target, missile_pos, missile_vel);
}

bool Seeker::in_gimbal(const TruthView& target, const Vec3& missile_pos, const Vec3& missile_vel) const {
  const Vec3 r = target.pos_ecef - missile_pos;
  const double v = missile_vel.norm();
  if (v < 1e-6 || r.norm() < 1e-6) return true;
  return std::acos(std::clamp(r.dot(missile_vel) / (r.norm() * v), -1.0, 1.0)) <= cls_->seeker_gimbal_rad;
}

void Seeker::start(const Vec3& prior_rate, double acquisition_range_m, SeekerMode mode) {
  filter_.reset(prior_rate);
  have_u_ = false;
  acquired_at_m_ = std::max(acquisition_range_m, 1.0);
  mode_ = mode;
  noise_js_ = 0.0;
}

double Seeker::angle_sigma(double range_m) const {
  if (mode_ == SeekerMode::HomeOnJam) return cls_->seeker_hoj_angle_noise_rad;  // passive: no range law, no glint
  const double ratio = range_m / acquired_at_m_;
  const bool active = cls_->seeker_type == SeekerType::ActiveRadar;
  double thermal = cls_->seeker_angle_noise_rad * (active ? ratio * ratio : ratio);
  if (noise_js_ > 0.0) {  // sigma0 sqrt(thr / SINR), thr / SINR = thr N/S + thr J/S (seeker_jamming.hpp)
    const double n_s = active ? ratio * ratio * ratio * ratio : ratio * ratio;
    thermal = cls_->seeker_angle_noise_rad * std::sqrt(n_s + std::pow(10.0, cls_->seeker_snr_db / 10.0) * noise_js_);
  }
  const double glint = cls_->seeker_glint_m / std::max(range_m, 1.0);
  return std::sqrt(thermal * thermal + glint * glint);
}

Vec3 Seeker::measure(const LineOfSight& truth, double h) {
  if (truth.range_m < cls_->seeker_blind_range_m) return filter_.value();  // blind: the last rate
  // The measured direction is the true one turned by two independent angle errors across it (a
  // small rotation d); the measured rate is the true line-of-sight rate plus the errors' change
  // over the sample, (d_k - d_k-1) / h: a noise-free seeker gives the true rate, filtered.
  const double s = angle_sigma(truth.range_m);
  const Vec3 e1 = truth.u.unitOrthogonal(), e2 = truth.u.cross(e1);
  const Vec3 d = rng_.normal(0.0, s) * e2 - rng_.normal(0.0, s) * e1;  // u x (n1 e1 + n2 e2)
  if (!have_u_) {
    last_error_ = d;
    have_u_ = true;
    return filter_.value();
  }
  const Vec3 raw = truth.rate + (d - last_error_) / h;
  last_error_ = d;
  Vec3 rate = filter_.step(raw, h);
  const double limit = cls_->seeker_gimbal_rate_rps;
  if (limit > 0.0 && rate.norm() > limit) {
    rate *= limit / rate.norm();
    filter_.reset(rate);
  }
  return rate;
}

}  // namespace skyshield
