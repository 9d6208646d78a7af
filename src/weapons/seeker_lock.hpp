#pragma once
// The seeker's lock on one target over a flight: acquisition (the skin echo inside its acquisition
// range, jammed or not, and, with home-on-jam, a jam strobe), keeping it, and losing it. Physics in
// weapons/seeker.hpp (measurement) and weapons/seeker_jamming.hpp (jamming).
//  - acquisition: among the echoes within the class's basket of the reference position (uplinked
//    track, else the aim point) and inside the gimbal, the nearest to the reference whose skin echo
//    is inside the (jammed) acquisition range, or whose jam strobe the seeker can lock (home_on_jam):
//    skin mode when the skin is acquirable, else home-on-jam;
//  - a locked target that is gone (killed) or outside the gimbal is lost; the search starts again
//    at the next step;
//  - deception: a repeater in band with J/S > 1 captures the range and velocity gates of a skin
//    lock; the angle stays on the target (the repeater is on it), but when the repeater stops (the
//    end of its pull-off, on -> off) the gates sit on empty space: the lock breaks (a deception
//    break) and the seeker cannot re-acquire for seeker_reacquire_s. With home_on_jam the seeker
//    homes on the repeater's emission instead while it captures the gates, and back on the skin
//    when it stops;
//  - a barrage jammer: while the skin is not acquirable a home-on-jam seeker homes on the jammer;
//    it prefers the skin as soon as it is acquirable. A home-on-jam lock whose strobe stops while the
//    skin is not acquirable is lost (a strobe loss; the seeker searches again at once);
//  - a skin lock is not lost for range (as without jamming: the SNR only grows as the range closes).
// Without a jammer covering the seeker's frequency nothing here draws a random number or changes the
// seeker's behaviour.
#include <span>

#include "core/rng.hpp"
#include "core/vec.hpp"
#include "weapons/seeker.hpp"
#include "world/truth_view.hpp"

namespace skyshield {

// Where the seeker may take an echo: within radius_m of the uplinked (or aimed) position; with hold,
// a lock whose echo leaves that radius is dropped (a round gated on the ground by the radar's track).
struct SeekerGate {
  double radius_m = 5e3;
  bool hold = false;
};

class SeekerLock {
 public:
  SeekerLock(const InterceptorClass* cls, Rng rng);

  // One engine step at time t. reference: where the target is expected (uplinked track, else aim
  // point); uplink_vel: the uplinked track's velocity (null without uplink: the rate filter starts
  // from zero). Returns the locked target, or null.
  const TruthView* update(double t, const Vec3& reference, const Vec3* uplink_vel, std::span<const TruthView> targets,
                          const Vec3& pos, const Vec3& vel, const Vec3& illuminator, const SeekerGate& gate);
  void drop() { lock_id_ = -1; captured_ = false; }  // retargeted: search around the new uplink

  int lock_id() const { return lock_id_; }
  SeekerMode mode() const { return seeker_.mode(); }
  Seeker& seeker() { return seeker_; }
  const Seeker& seeker() const { return seeker_; }
  int deception_breaks() const { return deception_breaks_; }  // locks broken by a gate pull-off
  int strobe_losses() const { return strobe_losses_; }        // home-on-jam locks lost with their strobe

 private:
  const InterceptorClass* cls_;
  Seeker seeker_;
  int lock_id_ = -1;
  bool captured_ = false;            // a repeater holds the gates of the present skin lock
  double no_acquire_until_ = -1e300; // after a deception break
  int deception_breaks_ = 0;
  int strobe_losses_ = 0;

  void acquire(double t, const Vec3& reference, const Vec3* uplink_vel, std::span<const TruthView> targets,
               const Vec3& pos, const Vec3& vel, const Vec3& illuminator, double gate_m);
  // The jamming of the locked target: mode changes, a break; false when the lock is lost.
  bool jammed(double t, const TruthView& target, const Vec3& pos, const Vec3& illuminator);
};

}  // namespace skyshield
