#pragma once
// Engagement on remote tracks: a battalion fires on a network track formed by other battalions'
// radars, and its interceptor is guided mid-course by uplink from whichever radar holds the track.
// The guide of a battalion's track is the first other member of its system track (air picture order:
// by battalion, then track) whose battalion still has fire control; its estimate, carried into the
// firing battalion's frame, is what fire control and the seeker-basket test use.
#include <optional>
#include <vector>

#include "c2/air_picture.hpp"
#include "c2/network/unit_status.hpp"
#include "tracking/track.hpp"

namespace skyshield {

struct RemoteGuide {
  int battalion = -1;
  int track_id = -1;
};

// The guide of battalion b's track `track_id`, or nothing when no other battalion with fire control
// holds the same system track.
std::optional<RemoteGuide> remote_guide(const AirPicture& picture, const std::vector<BattalionStatus>& all, int b, int track_id);

// The track as seen in another local frame: position through ECEF, velocity, acceleration and the
// 9x9 covariance rotated (the frames differ by a rotation and an offset only). The IMM's model states
// are left as they were: fire control reads only the combined estimate.
Track track_in_frame(const Track& track, const LocalFrame& from, const LocalFrame& to);

}  // namespace skyshield
