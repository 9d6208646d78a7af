#include "weapons/seeker_lock.hpp"

#include "weapons/guidance.hpp"
#include "weapons/interceptor_class.hpp"
#include "weapons/seeker_jamming.hpp"

namespace skyshield {

namespace {
const TruthView* find(std::span<const TruthView> targets, int id) {
  for (const TruthView& t : targets)
    if (t.id == id) return &t;
  return nullptr;
}
}  // namespace

SeekerLock::SeekerLock(const InterceptorClass* cls, Rng rng) : cls_(cls), seeker_(cls, rng) {}

void SeekerLock::acquire(double t, const Vec3& reference, const Vec3* uplink_vel, std::span<const TruthView> targets,
                         const Vec3& pos, const Vec3& vel, const Vec3& illuminator, double gate_m) {
  double best = gate_m;
  SeekerMode mode = SeekerMode::Skin;
  for (const TruthView& tv : targets) {
    const double basket = (tv.pos_ecef - reference).norm();
    if (basket >= best) continue;
    const double r0 = seeker_.acquisition_range(tv, pos, illuminator);
    const double range = (tv.pos_ecef - pos).norm();
    bool skin = range <= r0, strobe = false;
    if (seeker_jammable(*cls_, tv)) {
      const SeekerJamming a = assess_seeker_jamming(*cls_, tv, t, range, (tv.pos_ecef - illuminator).norm(), r0, tv.rcs_toward(pos));
      skin = range <= a.skin_range_m;
      strobe = a.strobe;
    }
    if ((skin || strobe) && seeker_.in_gimbal(tv, pos, vel)) {
      best = basket;
      lock_id_ = tv.id;
      mode = skin ? SeekerMode::Skin : SeekerMode::HomeOnJam;
    }
  }
  if (const TruthView* acquired = lock_id_ >= 0 ? find(targets, lock_id_) : nullptr) {
    // The seeker's filter starts from the line-of-sight rate of the uplinked track (none: zero).
    const Vec3 prior = uplink_vel ? line_of_sight(pos, vel, reference, *uplink_vel).rate : Vec3::Zero();
    seeker_.start(prior, seeker_.acquisition_range(*acquired, pos, illuminator), mode);
    captured_ = false;
  }
}

bool SeekerLock::jammed(double t, const TruthView& target, const Vec3& pos, const Vec3& illuminator) {
  const double range = (target.pos_ecef - pos).norm();
  const double r0 = seeker_.acquisition_range(target, pos, illuminator);
  const SeekerJamming a = assess_seeker_jamming(*cls_, target, t, range, (target.pos_ecef - illuminator).norm(), r0,
                                                target.rcs_toward(pos));
  seeker_.set_jamming(a.noise_js);
  if (a.gates_captured) {
    if (a.strobe) {
      seeker_.set_mode(SeekerMode::HomeOnJam);  // homes on the repeater's emission; the gates do not matter
      captured_ = false;
    } else if (seeker_.mode() == SeekerMode::Skin) {
      captured_ = true;  // the angle stays on the target, the gates follow the false echo
    }
    return true;
  }
  if (captured_) {
    captured_ = false;
    if (!a.repeater_on) {  // the pull-off is over: the gates sit on empty space
      lock_id_ = -1;
      no_acquire_until_ = t + cls_->seeker_reacquire_s;
      ++deception_breaks_;
      return false;
    }
    // Still radiating but weaker than the skin (J/S <= 1): the gates return to the stronger echo.
  }
  if (range <= a.skin_range_m) {
    seeker_.set_mode(SeekerMode::Skin);  // the skin is preferred when acquirable
  } else if (a.strobe) {
    seeker_.set_mode(SeekerMode::HomeOnJam);
  } else if (seeker_.mode() == SeekerMode::HomeOnJam) {
    lock_id_ = -1;  // the strobe stopped and the skin is not acquirable
    ++strobe_losses_;
    return false;
  }
  return true;
}

const TruthView* SeekerLock::update(double t, const Vec3& reference, const Vec3* uplink_vel, std::span<const TruthView> targets,
                                    const Vec3& pos, const Vec3& vel, const Vec3& illuminator, const SeekerGate& gate) {
  // A radar-gated round drops an echo that has left the track's gate, then searches the gate again.
  if (gate.hold && lock_id_ >= 0)
    if (const TruthView* held = find(targets, lock_id_); held && (held->pos_ecef - reference).norm() > gate.radius_m) drop();
  if (lock_id_ < 0 && cls_->seeker_range_m > 0 && t >= no_acquire_until_)
    acquire(t, reference, uplink_vel, targets, pos, vel, illuminator, gate.radius_m);
  const TruthView* locked = lock_id_ >= 0 ? find(targets, lock_id_) : nullptr;
  // Its target is gone (killed), or out of the gimbal's look angle: search again next step.
  if (locked && !seeker_.in_gimbal(*locked, pos, vel)) locked = nullptr;
  if (lock_id_ >= 0 && !locked) {
    lock_id_ = -1;
    captured_ = false;
  }
  if (locked && seeker_jammable(*cls_, *locked) && !jammed(t, *locked, pos, illuminator)) locked = nullptr;
  return locked;
}

}  // namespace skyshield
