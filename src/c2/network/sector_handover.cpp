#include "c2/network/sector_handover.hpp"

namespace skyshield {

int sector_heir(const std::vector<BattalionStatus>& all, int down) {
  int best = -1;
  double best_d = 0.0;
  for (const BattalionStatus& other : all) {
    if (other.index == down || !other.fire_control_up) continue;
    const double d = (other.frame.origin_ecef() - all[down].frame.origin_ecef()).norm();
    if (best < 0 || d < best_d) {
      best = other.index;
      best_d = d;
    }
  }
  return best;
}

std::vector<Sector> responsible_sectors(const std::vector<BattalionStatus>& all, int b) {
  const BattalionStatus& me = all[b];
  std::vector<Sector> out;
  auto add = [&](const BattalionStatus& owner) {
    out.push_back({me.frame.to_enu(owner.frame.origin_ecef()), owner.sector_center_deg, owner.sector_width_deg});
    return owner.sector_width_deg >= 360.0;
  };
  if (add(me)) return {};
  for (const BattalionStatus& other : all)
    if (other.index != b && !other.fire_control_up && other.sector_taken_by == b)
      if (add(other)) return {};
  return out;
}

}  // namespace skyshield
