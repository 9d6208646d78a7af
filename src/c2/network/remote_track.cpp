#include "c2/network/remote_track.hpp"

namespace skyshield {

std::optional<RemoteGuide> remote_guide(const AirPicture& picture, const std::vector<BattalionStatus>& all, int b, int track_id) {
  const int sys = picture.system_id(b, track_id);
  if (sys < 0) return std::nullopt;
  for (const auto& [battalion, id] : picture.members(sys))
    if (battalion != b && all[static_cast<std::size_t>(battalion)].fire_control_up) return RemoteGuide{battalion, id};
  return std::nullopt;
}

Track track_in_frame(const Track& track, const LocalFrame& from, const LocalFrame& to) {
  Track out = track;
  const Mat3 R = to.enu_to_ecef().transpose() * from.enu_to_ecef();  // from-ENU -> to-ENU
  Mat9 T = Mat9::Zero();
  for (int k = 0; k < 3; ++k) T.block<3, 3>(3 * k, 3 * k) = R;
  out.x = T * track.x;
  out.x.head<3>() = to.to_enu(from.to_ecef(track.position()));
  out.P = T * track.P * T.transpose();
  return out;
}

}  // namespace skyshield
