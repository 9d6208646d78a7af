#pragma once
// One interceptor in flight (point-mass physics, weapons/flyout/point_mass.hpp):
//  launch   - cold vertical launch and gas-dynamic turnover (or a hot launch); at the end of the
//             vertical rise fire control picks the turnover elevation whose zero-lift arc (drag,
//             gravity, after the predicted turnover) passes the predicted intercept point (PIP) with
//             speed to spare - the lowest such, i.e. the quickest - iterating the PIP with the arc's
//             time of flight (secant steps);
//  midcourse- predictive guidance on the engagement radar's uplinked track (or inertially on the
//             PIP): the arc is re-predicted every second, its height error at the PIP nulled by a
//             flight-path correction from the arc's sensitivity (a second, perturbed arc); azimuth
//             by true PN; until the time to go falls under 10 s;
//  terminal - PN or augmented PN with gravity compensation, on its own seeker's line of sight
//             once it has acquired the target (weapons/seeker.hpp: acquisition range from the RCS,
//             angle noise, glint, rate filter, gimbal and blind range);
// the autopilot follows the command with a first-order lag, limited by what the airframe can hold;
// the fuze finds the closest approach of the piecewise-straight relative path, across sub-steps
// (no tunnelling, no judging at the entry into the lethal radius); the kill roll uses
// the warhead's lethality against the miss distance and the true class of the object hit. Self-destruct at the maximum flight time, when it has
// lost its target, or when it is too slow to intercept after burnout.
#include <optional>
#include <span>

#include "core/gravity.hpp"
#include "core/rng.hpp"
#include "core/vec.hpp"
#include "weapons/flyout/point_mass.hpp"
#include "weapons/fuze.hpp"
#include "weapons/interceptor_class.hpp"
#include "weapons/seeker_lock.hpp"
#include "world/terrain.hpp"
#include "world/truth_view.hpp"

namespace skyshield {

enum class InterceptorState { Flying, Killed, Missed, SelfDestructed, GroundImpact };

struct InterceptorOutcome {
  InterceptorState state = InterceptorState::Flying;
  double t = 0.0;              // time of the outcome
  int truth_id = -1;           // target that was killed (Killed) or passed (Missed)
  double miss_distance_m = -1; // closest approach to the homed target, when known
  // Why a self-destruct or a miss ended the flight: "max_flight_time", "too_slow" (after burnout),
  // "lost_guidance" (no track, no seeker lock), "passed" (flew past its target, range opening).
  const char* reason = "";
};

// Target estimate uplinked by the engagement radar (ECEF), when the battalion still has the track.
struct Uplink {
  Uplink() = default;
  Uplink(const Vec3& pos, const Vec3& vel, std::optional<Vec3> accel = std::nullopt) : pos_ecef(pos), vel_ecef(vel), accel_ecef(accel) {}
  Vec3 pos_ecef = Vec3::Zero();
  Vec3 vel_ecef = Vec3::Zero();
  // The track's acceleration (ECEF, apparent: gravity and, for a ballistic track, its estimated drag);
  // augmented PN uses it for a ballistic target (without it: gravity alone).
  std::optional<Vec3> accel_ecef;
  // Trace of the track's position covariance (m^2), given with the battalion's own fire-control
  // uplink when the class uses a track gate (seeker_track_gate_sigmas); 0 = not given.
  double pos_variance_m2 = 0.0;
};

class Interceptor {
 public:
  // Launch at t from launcher position toward aim point (both ECEF).
  Interceptor(int id, const InterceptorClass* cls, int track_id, double t, const Vec3& launch_ecef,
              const Vec3& aim_ecef, Rng rng);

  int id() const { return id_; }
  int track_id() const { return track_id_; }
  const InterceptorClass& cls() const { return *cls_; }
  const Vec3& pos() const { return s_.pos; }
  const Vec3& vel() const { return s_.vel; }
  double launch_time() const { return t_launch_; }
  bool flying() const { return outcome_.state == InterceptorState::Flying; }
  const InterceptorOutcome& outcome() const { return outcome_; }
  int seeker_lock() const { return lock_.lock_id(); }   // truth id the seeker homes on, or -1
  SeekerMode seeker_mode() const { return lock_.mode(); }  // on the skin echo or on a jam strobe
  // Seeker locks broken by a deception repeater's gate pull-off (weapons/seeker_lock.hpp), and
  // home-on-jam locks lost when their strobe stopped, so far.
  int deception_breaks() const { return lock_.deception_breaks(); }
  int strobe_losses() const { return lock_.strobe_losses(); }
  // Where the missile last steered (ECEF): its seeker's target, else the uplinked track, else the aim
  // point. What the missile's datalink reports to the command post for deconfliction.
  const Vec3& guidance_target() const { return guidance_target_; }
  // In-flight retargeting (c2/retarget.hpp, uplinked): guided on another track from now on; the
  // seeker drops its lock and searches around the new uplink, the fuze forgets the old target, and
  // the mid-course re-plans its arc at once.
  void retarget(int track_id);
  // The engaged track was merged into another number holding the same object: guided on that
  // number from now on, nothing else changes (seeker lock, fuze, arc).
  void renumber(int track_id) { track_id_ = track_id; }
  // Command destruct over the uplink (the engine calls it when the engaged track is identified friend
  // in flight): the flight ends now, self-destructed, with `reason`. Nothing when no longer flying.
  void command_destruct(double t, const char* reason);
  // The engaged track is a ballistic missile: augmented PN uses gravity as its acceleration.
  void set_target_ballistic(bool b) { target_ballistic_ = b; }
  // The seeker's track gate applies (weapons/seeker_lock.hpp): the class has one and the target is
  // ballistic. Only then does the uplink need the track's covariance.
  bool uses_track_gate() const { return cls_->seeker_track_gate_sigmas > 0.0 && target_ballistic_; }
  // Magnitude of the lateral acceleration achieved at the last sub-step (m/s^2), after the limits.
  double last_lateral_accel() const { return last_lateral_accel_; }

  // Advance from t to t+dt. uplink: latest track estimate (nullopt when none); targets: live
  // truth objects, seen only by the seeker (acquires the echo nearest the uplinked/aim position
  // within seeker range) and the fuze (closest approach to the locked target).
  void step(double t, double dt, const std::optional<Uplink>& uplink, std::span<const TruthView> targets);

  // Sub-step of the flight integration (s): the engine step is split into pieces no longer than this
  // (default 25 ms; flyout tables use longer ones).
  void set_max_substep(double s) { max_substep_ = s; }
  // The scenario's ground (kept by the caller for the flight): below it the missile has hit the
  // ground; guidance holds the class's ground clearance above it. Null: the ellipsoid.
  void set_terrain(const Terrain* terrain) { terrain_ = terrain; }

 private:
  struct Aim {  // what guidance steers at during one engine step
    Vec3 pos, vel, accel;
    bool seeker;
    // Predicted position after t (constant acceleration: gravity for a ballistic target).
    Vec3 at(double t) const { return pos + vel * t + 0.5 * t * t * accel; }
  };

  int id_;
  const InterceptorClass* cls_;
  int track_id_;
  double t_launch_;
  MissileState s_;
  double max_substep_ = 0.025;
  const Terrain* terrain_ = nullptr;  // the ground (null: the ellipsoid)
  Vec3 aim_;
  Vec3 guidance_target_;
  Rng rng_;
  GravityModel gravity_{};
  SeekerLock lock_;  // the seeker and its lock (acquisition, jamming, break-lock)
  FirstOrderLag autopilot_;
  bool turned_over_ = false;
  bool loft_solved_ = false;
  Vec3 loft_dir_ = Vec3::UnitZ();  // turnover direction chosen by solve_loft
  bool midcourse_ = false;    // predictive mid-course after turnover (PN once over, for good)
  double next_arc_check_s_ = 0.0, arc_correction_rad_ = 0.0, arc_tgo_s_ = 0.0, arc_time_ = 0.0;
  ProximityFuze fuze_;
  Vec3 launch_site_;  // the illuminator of a semi-active / track-via-missile seeker (the radar is near)
  InterceptorOutcome outcome_{};
  bool target_ballistic_ = false;
  double last_lateral_accel_ = 0.0;
  double blind_since_ = -1.0;  // time since when there is neither uplink nor seeker lock

  void finish(InterceptorState s, double t, int truth_id, double miss, const char* reason = "");
  double miss_or_unknown() const { return fuze_.best_m() < 1e299 ? fuze_.best_m() : -1.0; }
  Vec3 midcourse_command(const Aim& aim, const Vec3& gravity);
  ArcAtPoint predict_arc(const MissileState& m, const Vec3& pip, double horizon) const;
  static double arc_miss(const ArcAtPoint& arc);
  // Time to a point in a straight line at the present speed (no less than the planning speed).
  double straight_time_to(const Vec3& point) const;
  // The autopilot's response to a lateral command, limited by the airframe; records its magnitude.
  Vec3 steer(const Vec3& command, double h);
  std::optional<Vec3> turnover_command(const MissileState& m, const Vec3& want, double h) const;
  ArcAtPoint arc_at(double elevation, const Vec3& horizontal, const Vec3& point) const;
  struct LoftChoice {
    bool over = false;        // an arc passes over the PIP
    double elevation = 0.0;   // turnover elevation above the horizontal toward the PIP (rad)
    double time_s = 0.0;      // the arc's time of flight to the PIP
    Vec3 horizontal = Vec3::Zero();
  };
  LoftChoice scan_loft(const Vec3& pip) const;
  void solve_loft(const Aim& aim);
  Vec3 lateral_command(const Aim& aim, double h);
  Vec3 hold_floor(const Vec3& command, const LineOfSight& los, const Vec3& target) const;
  // Fuze over one sub-step against a target moving straight; true when the flight ended.
  bool fuze(const TruthView& target, const Vec3& target_pos, const Vec3& p0, const Vec3& v_avg, double t, double h);
};

}  // namespace skyshield
