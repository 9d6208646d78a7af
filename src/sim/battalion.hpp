#pragma once
// The run-time state of one battalion: its radars, its tracker (the battalion air picture), its
// command post, its launchers and its fire orders waiting for launch.
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "c2/command_post.hpp"
#include "c2/network/unit_status.hpp"
#include "scenario/scenario.hpp"
#include "sensors/radar.hpp"
#include "tracking/tracker.hpp"
#include "weapons/launcher.hpp"
#include "weapons/magazine.hpp"

namespace skyshield {

struct Battalion {
  Battalion(const Scenario& s, int index, std::uint64_t seed);

  const BattalionSpec* spec;
  int index;
  LocalFrame frame;                 // ENU at the command post: the frame of tracks and fire control
  std::vector<Radar> radars;
  Tracker tracker;
  CommandPost command_post;
  std::vector<Launcher> launchers;
  std::vector<Vec3> launchers_enu;
  Magazine magazine;                // reloads of empty launchers
  std::vector<FireOrder> pending;   // ordered, not yet launched
  double next_decision_t = 0.0;
  std::vector<char> radar_up;       // per radar: still in action
  int sector_taken_by = -1;         // after losing fire control: the battalion that took its sector
  // launch_on_remote (c2/network/remote_track.hpp): who holds each remote track number of the current
  // air picture: this battalion's own track of the system track once one of its radars holds it (the
  // hand-over), else the guide's. Refreshed by the engine with the air picture.
  struct Holder {
    const Battalion* battalion = nullptr;
    int track_id = -1;
  };
  std::unordered_map<int, Holder> remote_holders;
  // The holder of a track number: itself for its own numbers; nobody for an unknown remote number.
  Holder holder(int track_id) const;

  // The engagement radar is in action: the battalion can guide interceptors and fire.
  bool fire_control_up() const { return radar_up[spec->engagement_radar] != 0; }

  // What network command sees of it at time t (c2/network/unit_status.hpp).
  BattalionStatus status(double t) const;
  // Its confirmed tracks at time t, in ECEF, in the tracker's order.
  std::vector<TrackEstimate> confirmed_estimates(double t) const;

  const RadarParams& engagement_params() const { return radars[spec->engagement_radar].params(); }
  // Track estimate converted to ECEF (a remote number: its holder's estimate); false when the track no
  // longer exists.
  bool track_ecef(int track_id, double t, Vec3& pos, Vec3& vel, double* pos_variance_m2 = nullptr,
                  Vec3* accel_ecef = nullptr) const;
};

}  // namespace skyshield
