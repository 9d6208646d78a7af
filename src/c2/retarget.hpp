#pragma once
// In-flight retargeting of interceptors at ballistic objects (issue 28). A round is fired at the
// track whose P(warhead) passed the doctrine's rv_threshold; early on, high up, that track may hold
// a re-entry vehicle and its spent stage together (one track on the pair until the air pulls them
// apart), or discrimination may simply change its mind once the drag shows. When the engaged track's
// P(warhead) falls below the threshold, the round is re-pointed (its uplink switched) to the track
// now believed the warhead: a confirmed ballistic track of the same cloud (within cloud_range_m) with
// P(warhead) >= the threshold, not assessed killed, that the round can still reach; otherwise it
// flies on at its track. The new target is reachable when the straight-line collision course from
// the round's position at its present speed exists and the heading change it needs can be turned
// in the time to go less the homing time the doctrine keeps (shot_refusal's homing_time_constants
// guidance time constants) at the airframe's lateral limit there (fire_control's endgame_accel)
// divided by the turn margin: turn angle <= a (t_go - t_homing) / v. A decision of the command post
// (c2/): the engine applies it, the round's uplink then comes from the new track.
#include <vector>

#include "c2/discrimination.hpp"
#include "c2/shot_refusal.hpp"
#include "core/vec.hpp"
#include "tracking/track.hpp"
#include "weapons/interceptor_class.hpp"

namespace skyshield {

// A round in flight as the command post sees it (battalion frame).
struct RoundInFlight {
  int round = -1;                          // the engine's index of the round
  int track_id = -1;                       // the track it is guided on
  Vec3 pos_enu = Vec3::Zero();
  Vec3 vel_enu = Vec3::Zero();
  double altitude_m = 0.0;
  const InterceptorClass* cls = nullptr;
};

struct Retarget {
  int round = -1;
  int from_track = -1;
  int to_track = -1;
  double p_from = 0.0;                     // P(warhead) of the old and the new track now
  double p_to = 0.0;
};

// Time to the straight-line collision of a round flying at speed v_m from the origin with a target at
// r moving at v_t (the positive root of |r + v_t t| = v_m t); negative when none.
double collision_time_s(const Vec3& r, const Vec3& v_t, double v_m);

// Whether the round can turn onto the collision course with a target track (see the header).
bool can_retarget(const RoundInFlight& round, const Track& target, const ShotRules& rules);

// The retargets of this decision. killed: track ids assessed killed (not new targets).
std::vector<Retarget> plan_retargets(const std::vector<RoundInFlight>& rounds, const std::vector<Track>& tracks,
                                     const std::vector<Discrimination>& discrimination, double rv_threshold,
                                     double cloud_range_m, const ShotRules& rules, const std::vector<int>& killed);

}  // namespace skyshield
