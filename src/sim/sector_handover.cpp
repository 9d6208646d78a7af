#include "sim/sector_handover.hpp"

namespace skyshield {

namespace {
Vec3 command_post_ecef(const Battalion& b) { return ecef_from_geodetic(b.spec->command_post); }
}  // namespace

int sector_heir(const std::vector<std::unique_ptr<Battalion>>& all, int down) {
  int best = -1;
  double best_d = 0.0;
  for (const auto& other : all) {
    if (other->index == down || !other->fire_control_up()) continue;
    const double d = (command_post_ecef(*other) - command_post_ecef(*all[down])).norm();
    if (best < 0 || d < best_d) {
      best = other->index;
      best_d = d;
    }
  }
  return best;
}

std::vector<Sector> responsible_sectors(const std::vector<std::unique_ptr<Battalion>>& all, int b) {
  const Battalion& me = *all[b];
  std::vector<Sector> out;
  auto add = [&](const Battalion& owner) {
    out.push_back({me.frame.to_enu(command_post_ecef(owner)), owner.spec->sector_center_deg, owner.spec->sector_width_deg});
    return owner.spec->sector_width_deg >= 360.0;
  };
  if (add(me)) return {};
  for (const auto& other : all)
    if (other->index != b && !other->fire_control_up() && other->sector_taken_by == b)
      if (add(*other)) return {};
  return out;
}

}  // namespace skyshield
