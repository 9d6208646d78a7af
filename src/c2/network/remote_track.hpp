#pragma once
// Engagement on remote tracks: a battalion fires on a network track formed by other battalions'
// radars, and its interceptor is guided mid-course by uplink from whichever radar holds the track.
// engage_on_remote: a battalion without its engagement radar fires on its own tracks with another
// battalion's estimate. launch_on_remote: a battalion fires on a system track none of its radars
// holds yet, under a remote track number (remote_track_id); the uplink comes from the guide until one
// of its own radars holds the same system track, then from its own (hand-over).
// The guide of a battalion's track is the first other member of its system track (air picture order:
// by battalion, then track) whose battalion still has fire control; its estimate, carried into the
// firing battalion's frame, is what fire control and the seeker-basket test use.
#include <optional>
#include <utility>
#include <vector>

#include "c2/air_picture.hpp"
#include "c2/network/unit_status.hpp"
#include "weapons/interceptor_class.hpp"
#include "tracking/track.hpp"

namespace skyshield {

struct RemoteGuide {
  int battalion = -1;
  int track_id = -1;
};

// launch_on_remote's track numbers: a system track that battalion b engages before any of its radars
// holds it. Far above any tracker's numbers (they count from 1 per battalion).
inline constexpr int kRemoteTrackBase = 1 << 28;
inline bool is_remote_track_id(int id) { return id >= kRemoteTrackBase; }
inline int remote_track_id(int system_id) { return kRemoteTrackBase + system_id; }
inline int system_of_remote_track(int id) { return id - kRemoteTrackBase; }

// The system track of battalion b's track number (own or remote), -1 when unknown.
int system_of(const AirPicture& picture, int b, int track_id);

// The guide of a system track for battalion b: the first member of another battalion with fire control.
std::optional<RemoteGuide> system_guide(const AirPicture& picture, const std::vector<BattalionStatus>& all, int b, int system_id);

// launch_on_remote: the system tracks none of b's radars holds and another battalion with fire
// control does (with that guide), in system-track order.
std::vector<std::pair<int, RemoteGuide>> launchable_remote(const AirPicture& picture, const std::vector<BattalionStatus>& all, int b);

// launch_on_remote's fallback rule (doctrine remote_launch_fallback): some battalion holding system
// track `system_id` with its own fire control has a round left in a launcher whose class reaches the
// track (straight-line distance from its command post within the class's max_range_m): the holder can
// engage the object itself, and a battalion that cannot see it should keep its rounds.
bool holders_can_engage(const AirPicture& picture, const std::vector<BattalionStatus>& all, int system_id,
                        const std::vector<InterceptorClass>& classes);

// Tracks of b engaged under another number: b's own tracks of a system track b engages by its remote
// number (the interceptor already on its way), and b's remote numbers of system tracks another
// battalion engages. `engaged`: (battalion, track number) of every engagement in the network.
std::vector<int> engaged_under_other_number(int b, const AirPicture& picture, const std::vector<std::pair<int, int>>& engaged,
                                            const std::vector<int>& remote_ids);

// The guide of battalion b's track `track_id`, or nothing when no other battalion with fire control
// holds the same system track.
std::optional<RemoteGuide> remote_guide(const AirPicture& picture, const std::vector<BattalionStatus>& all, int b, int track_id);

// The track as seen in another local frame: position through ECEF, velocity, acceleration and the
// 9x9 covariance rotated (the frames differ by a rotation and an offset only). The IMM's model states
// are left as they were: fire control reads only the combined estimate.
Track track_in_frame(const Track& track, const LocalFrame& from, const LocalFrame& to);

}  // namespace skyshield
