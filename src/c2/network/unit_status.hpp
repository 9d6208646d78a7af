#pragma once
// Value snapshots of the units that network command decides over: what a command post knows of a
// launcher and of a battalion at one decision instant. The engine fills them from its state; c2
// reads them and returns fire orders, never touching weapon state itself.
#include <vector>

#include "core/geo.hpp"
#include "core/vec.hpp"
#include "weapons/launcher.hpp"

namespace skyshield {

struct LauncherStatus {
  int interceptor_class = -1;    // index into the scenario's interceptor classes
  int rounds_left = 0;
  bool ready = false;            // can accept a fire order now (a round, not reloading, interval elapsed)
  double reaction_time_s = 5.0;  // fire order -> launch
};

struct BattalionStatus {
  int index = -1;
  LocalFrame frame;              // ENU at the command post
  bool fire_control_up = true;   // its engagement radar is in action
  int sector_taken_by = -1;      // after losing fire control: the battalion that took its sector
  double sector_center_deg = 0.0;
  double sector_width_deg = 360.0;
  std::vector<LauncherStatus> launchers;
};

inline LauncherStatus launcher_status(const Launcher& l, double t) {
  return {l.config().interceptor_class, l.rounds_left(), l.ready(t), l.config().reaction_time_s};
}

inline std::vector<LauncherStatus> launcher_status(const std::vector<Launcher>& ls, double t) {
  std::vector<LauncherStatus> out;
  out.reserve(ls.size());
  for (const Launcher& l : ls) out.push_back(launcher_status(l, t));
  return out;
}

// One confirmed track of a battalion at the decision instant, in ECEF.
struct TrackEstimate {
  int track_id = -1;
  Vec3 now_ecef = Vec3::Zero();        // the track's current estimate
  Vec3 predicted_ecef = Vec3::Zero();  // predicted to the decision time
  double pos_variance_m2 = 0.0;        // trace of the predicted position covariance
};

}  // namespace skyshield
