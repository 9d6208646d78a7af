#pragma once
// A threat in the world: its type, its mission (route or ballistic aim) and its truth state.
#include <memory>
#include <string>
#include <vector>

#include "core/geo.hpp"
#include "world/ballistic/flight.hpp"
#include "world/threat_type.hpp"
#include "world/truth_view.hpp"
#include "world/waypoint_motion.hpp"

namespace skyshield {

struct ThreatSpec {
  std::string name;
  int type_index = -1;
  double launch_time_s = 0.0;
  std::vector<Geodetic> route;     // air-breathers: start, waypoints..., final point (target or release)
  Geodetic launch_point;           // ballistic: launch (burnout) point
  Geodetic aim_point;              // ballistic: aim point
  BallisticPlan plan;              // ballistic: launch solution (from the targeting, at load time)
  int target_asset = -1;           // index of the asset it attacks (for reporting), -1 none
};

enum class ThreatStatus { Waiting, Flying, Killed, Leaked };

class Threat {
 public:
  Threat(int id, ThreatSpec spec, const ThreatType* type);

  int id() const { return id_; }
  const ThreatSpec& spec() const { return spec_; }
  const ThreatType& type() const { return *type_; }
  ThreatStatus status() const { return status_; }
  bool alive() const { return status_ == ThreatStatus::Flying; }

  // Advance the world from t to t + dt: launch when due, fly, and mark Leaked when the mission
  // ends (last waypoint reached or ballistic impact). Returns true when the status changed.
  bool step(double t, double dt);
  void kill() { status_ = ThreatStatus::Killed; }

  Vec3 pos_ecef() const;
  Vec3 vel_ecef() const;
  Geodetic geodetic() const;
  TruthView view() const;
  // Where the threat means to end: the ballistic aim point or the route's last point.
  Geodetic aim_point() const { return ballistic_ ? spec_.aim_point : spec_.route.back(); }

 private:
  int id_;
  ThreatSpec spec_;
  const ThreatType* type_;
  ThreatStatus status_ = ThreatStatus::Waiting;
  std::unique_ptr<WaypointMotion> waypoints_;
  std::unique_ptr<BallisticFlight> ballistic_;
};

}  // namespace skyshield
