#pragma once
// A threat in the world: its type, its mission (route or ballistic aim) and its truth state.
// Threats may carry others: an aircraft releases stand-off missiles at the end of its route, a
// ballistic missile releases its spent stage and decoys when the warhead separates. Those are
// threats of their own, created at load time with a `parent`, waiting until released.
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/geo.hpp"
#include "world/arm_seeker.hpp"
#include "world/ballistic/flight.hpp"
#include "world/terrain.hpp"
#include "world/threat_type.hpp"
#include "world/truth_view.hpp"
#include "world/waypoint_motion.hpp"

namespace skyshield {

struct ThreatSpec {
  std::string name;
  int type_index = -1;
  double launch_time_s = 0.0;
  std::vector<Geodetic> route;     // air-breathers: start, waypoints..., final point (target or release);
                                   // released air-breathers: the waypoints after the release point
  Geodetic launch_point;           // ballistic: launch point
  Geodetic aim_point;              // ballistic: aim point (released objects: the parent's)
  BallisticPlan plan;              // ballistic: launch solution (from the targeting, at load time)
  int target_asset = -1;           // index of the asset it attacks (for reporting), -1 none
  // Swarms and raids: per run, each member's route is shifted by a random horizontal offset
  // (normal, this sigma per axis; the final target point is not moved) and its launch time by a
  // uniform delay in [0, time_spread_s), drawn from the run's seed.
  double spread_m = 0.0;
  double time_spread_s = 0.0;
  // Released objects: index of the carrier threat, and the delay after its release event.
  int parent = -1;
  double release_delay_s = 0.0;
  // Flown by another simulator (DIS): its states come through external_update().
  bool external = false;
  // A friendly flight (scenario `friendlies:`; docs/identification.md): flown like the others, seen and
  // tracked like the others; its route's end is its recovery, not a leak. mission: cap, strike_return,
  // transport. IFF transponder (sensors/iff.hpp), NOTIONAL: a friendly's fails with iff_failure, a
  // hostile spoofs a friend reply with iff_spoof (each drawn once per aircraft per run).
  bool friendly = false;
  std::string mission;
  int corridor = -1;               // index into the scenario's identification corridors, -1 none
  double iff_failure = 0.0;
  double iff_spoof = 0.0;
};

// Departed: an external threat whose simulator removed it (or stopped sending) in flight.
enum class ThreatStatus { Waiting, Flying, Killed, Leaked, NotLaunched, Departed };

class Threat {
 public:
  // `terrain` may be null; `seed` is the run's seed (swarm spread, release dispersion).
  Threat(int id, ThreatSpec spec, const ThreatType* type, const Terrain* terrain = nullptr, std::uint64_t seed = 0);

  int id() const { return id_; }
  const ThreatSpec& spec() const { return spec_; }
  const ThreatType& type() const { return *type_; }
  ThreatStatus status() const { return status_; }
  bool alive() const { return status_ == ThreatStatus::Flying; }
  double launch_time() const { return launch_time_; }

  // Advance the world from t to t + dt: launch when due, fly, and mark Leaked when the mission
  // ends (last waypoint reached or ballistic impact). Returns true when the status changed.
  bool step(double t, double dt);
  void kill() { status_ = ThreatStatus::Killed; }
  // A released object: its carrier released it at time t from (pos, vel) ECEF.
  void release(double t, const Vec3& pos, const Vec3& vel);
  // A carried object whose carrier died or ended before releasing it: it never flies.
  void cancel() {
    if (status_ == ThreatStatus::Waiting && !released_) status_ = ThreatStatus::NotLaunched;
  }
  // True in the step where this threat released what it carries (RV separation, weapon release).
  bool releasing() const { return releasing_; }
  // Missile approach warning from an interceptor at `from` (ECEF); true when it starts a break.
  bool missile_warning(const Vec3& from);
  // Anti-radiation missile: its seeker looks at the emitters at time t and steers the route's end to
  // its aim point (world/arm_seeker.hpp). No effect on other threats or when not flying.
  void seek_emitters(double t, std::span<const Emitter> emitters);
  const ArmSeeker* arm_seeker() const { return arm_ ? &*arm_ : nullptr; }
  bool can_evade() const { return waypoints_ && type_->air.evasion.enabled; }

  // An external threat: its simulator's latest state at time t (ECEF), extrapolated at constant
  // acceleration until the next; it ends on the ground (Leaked) or when its simulator drops it.
  void external_update(double t, const Vec3& pos, const Vec3& vel, const Vec3& acc);
  void external_departed() {
    if (alive()) status_ = ThreatStatus::Departed;
  }

  Vec3 pos_ecef() const;
  Vec3 vel_ecef() const;
  Geodetic geodetic() const;
  TruthView view() const;
  // Where the threat means to end: the ballistic aim point or the route's last point.
  Geodetic aim_point() const;

 private:
  void start_waypoints(std::vector<Geodetic> route);
  FlightOptions flight_options() const;

  int id_;
  ThreatSpec spec_;
  const ThreatType* type_;
  const Terrain* terrain_;
  std::uint64_t seed_;
  double launch_time_;
  ThreatStatus status_ = ThreatStatus::Waiting;
  bool released_ = false, releasing_ = false;
  std::unique_ptr<WaypointMotion> waypoints_;
  std::unique_ptr<BallisticFlight> ballistic_;
  std::optional<ArmSeeker> arm_;
  Vec3 frozen_pos_ = Vec3::Zero();  // where a released object waits (its carrier's position)
  struct External {
    double t0 = 0.0, now = 0.0;
    Vec3 p0 = Vec3::Zero(), v0 = Vec3::Zero(), a0 = Vec3::Zero();
    Vec3 pos = Vec3::Zero(), vel = Vec3::Zero();
  } ext_;
  bool step_external(double t, double dt);
};

}  // namespace skyshield
