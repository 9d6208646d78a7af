#pragma once
// Network deconfliction: which of a battalion's tracks another battalion already engages, so that it
// holds fire on them. An engagement is another battalion's track with interceptors in the air, ordered,
// or awaiting kill assessment; for a missile in the air also the point it steers at (a missile homing
// on its seeker after its battalion's track broke).
#include <optional>
#include <vector>

#include "c2/air_picture.hpp"
#include "c2/network/unit_status.hpp"

namespace skyshield {

struct Engagement {
  int battalion = -1;
  int track_id = -1;
  std::optional<Vec3> steering_ecef;  // where its missile steers, when one is in the air
  // The engaging battalion's estimate of its track at the decision time (absent when the track is
  // gone or the near guard is off), and the trace of its position covariance.
  std::optional<Vec3> track_ecef;
  double track_variance_m2 = 0.0;
};

// Battalion b's tracks engaged by another battalion: the members of the same system track of the
// shared picture, and, as a guard against missed correlations (dense raids, a track confirmed since
// the last picture), b's confirmed tracks (`tracks`) near an engaged track's estimate or a missile's
// steering point: within radius_m, or 3 sigma of the two estimates' combined error (radius_m = 0:
// system tracks only).
std::vector<int> engaged_elsewhere(int b, const std::vector<TrackEstimate>& tracks, const AirPicture& picture,
                                   const std::vector<Engagement>& engagements, double radius_m);

}  // namespace skyshield
