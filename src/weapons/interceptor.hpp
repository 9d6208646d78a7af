#pragma once
// One interceptor in flight: launched at a predicted intercept point, guided by PN on the
// engagement radar's uplinked track (mid-course) and on its own seeker once the target is inside
// seeker range (terminal), limited in lateral acceleration, fuzed at closest approach.
#include <optional>
#include <span>

#include "core/rng.hpp"
#include "core/vec.hpp"
#include "weapons/interceptor_class.hpp"
#include "world/truth_view.hpp"

namespace skyshield {

enum class InterceptorState { Flying, Killed, Missed, SelfDestructed, GroundImpact };

struct InterceptorOutcome {
  InterceptorState state = InterceptorState::Flying;
  double t = 0.0;              // time of the outcome
  int truth_id = -1;           // target that was killed (Killed) or passed (Missed)
  double miss_distance_m = -1; // closest approach to the homed target, when known
};

// Target estimate uplinked by the engagement radar (ECEF), when the battalion still has the track.
struct Uplink {
  Vec3 pos_ecef = Vec3::Zero();
  Vec3 vel_ecef = Vec3::Zero();
};

class Interceptor {
 public:
  // Launch at t from launcher position toward aim point (both ECEF).
  Interceptor(int id, const InterceptorClass* cls, int track_id, double t, const Vec3& launch_ecef,
              const Vec3& aim_ecef, Rng rng);

  int id() const { return id_; }
  int track_id() const { return track_id_; }
  const InterceptorClass& cls() const { return *cls_; }
  const Vec3& pos() const { return pos_; }
  const Vec3& vel() const { return vel_; }
  double launch_time() const { return t_launch_; }
  bool flying() const { return outcome_.state == InterceptorState::Flying; }
  const InterceptorOutcome& outcome() const { return outcome_; }
  int seeker_lock() const { return lock_id_; }   // truth id the seeker homes on, or -1
  // Probability of kill when the target passes inside the lethal radius (set at launch from the
  // classified threat class of the engaged track).
  void set_target_pk(double pk) { target_pk_ = pk; }
  // Magnitude of the lateral acceleration commanded at the last step (m/s^2), after the limit.
  double last_lateral_accel() const { return last_lateral_accel_; }

  // Advance from t to t+dt. uplink: latest track estimate (nullopt when none); targets: live
  // truth objects, seen only by the seeker (acquires the echo nearest the uplinked/aim position
  // within seeker range) and the fuze (closest approach to the locked target).
  void step(double t, double dt, const std::optional<Uplink>& uplink, std::span<const TruthView> targets);

 private:
  int id_;
  const InterceptorClass* cls_;
  int track_id_;
  double t_launch_;
  Vec3 pos_, vel_, aim_;
  Rng rng_;
  int lock_id_ = -1;
  double best_miss_ = 1e300;
  InterceptorOutcome outcome_{};
  double target_pk_ = 1.0;
  double last_lateral_accel_ = 0.0;
  double blind_since_ = -1.0;  // time since when there is neither uplink nor seeker lock

  static const TruthView* find(std::span<const TruthView> targets, int id);
  void finish(InterceptorState s, double t, int truth_id, double miss);
};

}  // namespace skyshield
