#include "c2/network/remote_track.hpp"

#include <algorithm>

namespace skyshield {

std::optional<RemoteGuide> remote_guide(const AirPicture& picture, const std::vector<BattalionStatus>& all, int b, int track_id) {
  const int sys = picture.system_id(b, track_id);
  if (sys < 0) return std::nullopt;
  for (const auto& [battalion, id] : picture.members(sys))
    if (battalion != b && all[static_cast<std::size_t>(battalion)].fire_control_up) return RemoteGuide{battalion, id};
  return std::nullopt;
}

int system_of(const AirPicture& picture, int b, int track_id) {
  return is_remote_track_id(track_id) ? system_of_remote_track(track_id) : picture.system_id(b, track_id);
}

std::optional<RemoteGuide> system_guide(const AirPicture& picture, const std::vector<BattalionStatus>& all, int b, int system_id) {
  for (const auto& [battalion, id] : picture.members(system_id))
    if (battalion != b && all[static_cast<std::size_t>(battalion)].fire_control_up) return RemoteGuide{battalion, id};
  return std::nullopt;
}

std::vector<std::pair<int, RemoteGuide>> launchable_remote(const AirPicture& picture, const std::vector<BattalionStatus>& all, int b) {
  std::vector<std::pair<int, RemoteGuide>> out;
  for (const SystemTrack& s : picture.system_tracks()) {
    if (std::any_of(s.members.begin(), s.members.end(), [&](const auto& m) { return m.first == b; })) continue;
    if (const std::optional<RemoteGuide> g = system_guide(picture, all, b, s.id)) out.emplace_back(s.id, *g);
  }
  return out;
}

bool holders_can_engage(const AirPicture& picture, const std::vector<BattalionStatus>& all, int system_id,
                        const std::vector<InterceptorClass>& classes) {
  const auto& systems = picture.system_tracks();
  const auto it = std::find_if(systems.begin(), systems.end(), [&](const SystemTrack& s) { return s.id == system_id; });
  if (it == systems.end()) return false;
  for (const auto& [battalion, track] : it->members) {
    const BattalionStatus& h = all[static_cast<std::size_t>(battalion)];
    if (!h.fire_control_up) continue;
    const double range = (it->pos_ecef - h.frame.origin_ecef()).norm();
    for (const LauncherStatus& l : h.launchers)
      if (l.rounds_left > 0 && l.interceptor_class >= 0 && classes[static_cast<std::size_t>(l.interceptor_class)].max_range_m >= range)
        return true;
  }
  return false;
}

std::vector<int> engaged_under_other_number(int b, const AirPicture& picture, const std::vector<std::pair<int, int>>& engaged,
                                            const std::vector<int>& remote_ids) {
  std::vector<int> out;
  for (const auto& [battalion, id] : engaged) {
    const int sys = system_of(picture, battalion, id);
    if (sys < 0) continue;
    if (battalion == b) {
      if (!is_remote_track_id(id)) continue;
      for (const auto& [member, track] : picture.members(sys))
        if (member == b) out.push_back(track);
    } else if (std::find(remote_ids.begin(), remote_ids.end(), remote_track_id(sys)) != remote_ids.end()) {
      out.push_back(remote_track_id(sys));
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
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
