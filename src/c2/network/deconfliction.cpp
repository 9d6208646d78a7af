#include "c2/network/deconfliction.hpp"
#include "c2/network/remote_track.hpp"

#include <algorithm>
#include <cmath>

namespace skyshield {

std::vector<int> engaged_elsewhere(int b, const std::vector<TrackEstimate>& tracks, const AirPicture& picture,
                                   const std::vector<Engagement>& engagements, double radius_m) {
  struct Near {
    Vec3 pos;
    double variance_m2;  // trace of its position covariance
  };
  std::vector<int> systems;
  std::vector<Near> engaged_at;
  const bool near_guard = radius_m > 0.0;
  for (const Engagement& e : engagements) {
    if (e.battalion == b) continue;
    const int sys = system_of(picture, e.battalion, e.track_id);  // a remote number names its system track
    if (sys >= 0) systems.push_back(sys);
    if (!near_guard) continue;
    const double var = e.track_ecef ? e.track_variance_m2 : 0.0;
    if (e.track_ecef) engaged_at.push_back({*e.track_ecef, var});
    if (e.steering_ecef) engaged_at.push_back({*e.steering_ecef, var});
  }
  std::vector<int> out;
  for (int sys : systems)
    for (const auto& [battalion, track_id] : picture.members(sys))
      if (battalion == b) out.push_back(track_id);
  if (engaged_at.empty()) return out;
  constexpr double kGateSigmas = 3.0;
  for (const TrackEstimate& tr : tracks) {
    for (const Near& e : engaged_at) {
      const double gate = std::max(radius_m, kGateSigmas * std::sqrt(tr.pos_variance_m2 + e.variance_m2));
      if ((tr.predicted_ecef - e.pos).norm() <= gate) {
        out.push_back(tr.track_id);
        break;
      }
    }
  }
  return out;
}

}  // namespace skyshield
