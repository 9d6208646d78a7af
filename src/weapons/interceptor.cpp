#include "weapons/interceptor.hpp"

#include <cmath>

#include "core/geo.hpp"
#include "core/units.hpp"
#include "weapons/fuze.hpp"
#include "weapons/guidance.hpp"

namespace skyshield {

namespace {
constexpr double kCommandFuzeM = 1e3;    // a command-guided missile's proximity fuze looks this far
constexpr double kLostGuidanceS = 3.0;   // without uplink and without seeker lock this long: self-destruct
}  // namespace

Interceptor::Interceptor(int id, const InterceptorClass* cls, int track_id, double t, const Vec3& launch_ecef,
                         const Vec3& aim_ecef, Rng rng)
    : id_(id), cls_(cls), track_id_(track_id), t_launch_(t), pos_(launch_ecef), aim_(aim_ecef), rng_(rng) {
  // Foundation simplification: a hot launch straight at the predicted intercept point.
  const Vec3 d = aim_ecef - launch_ecef;
  vel_ = (d.norm() > 1e-9 ? Vec3(d.normalized()) : Vec3(launch_ecef.normalized())) * cls_->launch_speed_mps;
  target_pk_ = cls_->pk_in_lethal_radius[static_cast<int>(ThreatClass::Aircraft)];
}

const TruthView* Interceptor::find(std::span<const TruthView> targets, int id) {
  for (const TruthView& t : targets)
    if (t.id == id) return &t;
  return nullptr;
}

void Interceptor::finish(InterceptorState s, double t, int truth_id, double miss) {
  outcome_ = {s, t, truth_id, miss};
}

void Interceptor::step(double t, double dt, const std::optional<Uplink>& uplink, std::span<const TruthView> targets) {
  if (!flying()) return;
  const double tau = t - t_launch_;
  if (tau > cls_->max_flight_time_s) return finish(InterceptorState::SelfDestructed, t, lock_id_, best_miss_ < 1e299 ? best_miss_ : -1);

  // Seeker: acquire the echo nearest the uplinked (or aimed) position, inside seeker range.
  const Vec3 reference = uplink ? uplink->pos_ecef : aim_;
  if (lock_id_ < 0 && cls_->seeker_range_m > 0) {
    double best = cls_->seeker_basket_m;
    for (const TruthView& tv : targets) {
      const double basket = (tv.pos_ecef - reference).norm();
      if (basket < best && (tv.pos_ecef - pos_).norm() <= cls_->seeker_range_m) {
        best = basket;
        lock_id_ = tv.id;
      }
    }
  }
  const TruthView* locked = lock_id_ >= 0 ? find(targets, lock_id_) : nullptr;
  if (lock_id_ >= 0 && !locked) lock_id_ = -1;  // its target is gone (killed): search again next step

  // Without the battalion's track (uplink) and without a seeker lock the missile flies blind: after
  // kLostGuidanceS it destroys itself (and frees its engagement).
  if (!locked && !uplink && cls_->midcourse_uplink) {  // an inertial mid-course flies on to its aim point
    if (blind_since_ < 0) blind_since_ = t;
    if (t - blind_since_ >= kLostGuidanceS) return finish(InterceptorState::SelfDestructed, t, -1, best_miss_ < 1e299 ? best_miss_ : -1);
  } else {
    blind_since_ = -1.0;
  }
  // Guidance target: the seeker's target, else the uplinked track, else the stationary aim point.
  Vec3 tgt_pos = aim_, tgt_vel = Vec3::Zero();
  if (locked) {
    tgt_pos = locked->pos_ecef;
    tgt_vel = locked->vel_ecef;
  } else if (uplink) {
    tgt_pos = uplink->pos_ecef;
    tgt_vel = uplink->vel_ecef;
  }
  const Vec3 a_cmd = pn_acceleration(pos_, vel_, tgt_pos, tgt_vel, cls_->nav_constant);
  const Vec3 a_lat = limit_lateral(a_cmd, vel_, cls_->max_lateral_g * kStandardGravity);
  last_lateral_accel_ = a_lat.norm();
  const Vec3 v_new = (vel_ + a_lat * dt).normalized() * flyout_speed_mps(*cls_, tau + dt);
  const Vec3 v_avg = 0.5 * (vel_ + v_new);

  // Fuze: closest approach to the homed target during this step (both in straight lines).
  const TruthView* fuzed = locked;
  if (!fuzed) {
    double best = kCommandFuzeM;
    for (const TruthView& tv : targets) {
      const double d = (tv.pos_ecef - reference).norm();
      if (d < best) { best = d; fuzed = &tv; }
    }
  }
  if (fuzed) {
    const Vec3 r0 = fuzed->pos_ecef - pos_;
    const Vec3 v_rel = fuzed->vel_ecef - v_avg;
    const ClosestApproach ca = closest_approach(r0, v_rel, dt);
    if (ca.distance < best_miss_) best_miss_ = ca.distance;
    if (ca.distance <= cls_->lethal_radius_m) {
      pos_ += v_avg * ca.t;
      vel_ = v_new;
      if (rng_.bernoulli(target_pk_)) return finish(InterceptorState::Killed, t + ca.t, fuzed->id, ca.distance);
      return finish(InterceptorState::Missed, t + ca.t, fuzed->id, ca.distance);
    }
    // Passed the target: the range opens at the end of the step after having closed.
    const Vec3 r1 = r0 + v_rel * dt;
    if (ca.t < dt && r1.dot(v_rel) > 0 && r0.norm() < 20.0 * cls_->lethal_radius_m + v_rel.norm() * dt)
      return finish(InterceptorState::Missed, t + ca.t, fuzed->id, ca.distance);
  }
  pos_ += v_avg * dt;
  vel_ = v_new;
  if (geodetic_from_ecef(pos_).alt_m < 0.0) finish(InterceptorState::GroundImpact, t + dt, lock_id_, -1);
}

}  // namespace skyshield
