#include "c2/network/layering.hpp"

#include <algorithm>

#include "c2/network/sector_handover.hpp"

namespace skyshield {

double battalion_reach(const BattalionStatus& b, const std::vector<InterceptorClass>& classes) {
  double r = 0.0;
  for (const LauncherStatus& l : b.launchers)
    if (l.rounds_left > 0) r = std::max(r, classes[l.interceptor_class].max_range_m);
  return r;
}

std::vector<int> covered_by_outer_layers(const std::vector<BattalionStatus>& all, int b, const std::vector<TrackEstimate>& tracks,
                                         const std::vector<InterceptorClass>& classes) {
  const double my_reach = battalion_reach(all[b], classes);
  struct Outer {
    const BattalionStatus* battalion;
    double reach;
    std::vector<Sector> sectors;  // in its own frame
  };
  std::vector<Outer> outers;
  for (const BattalionStatus& o : all)
    if (o.index != b && o.fire_control_up) {
      const double reach = battalion_reach(o, classes);
      if (reach > my_reach) outers.push_back({&o, reach, responsible_sectors(all, o.index)});
    }
  std::vector<int> out;
  if (outers.empty()) return out;
  for (const TrackEstimate& tr : tracks) {
    for (const Outer& o : outers) {
      const Vec3 local = o.battalion->frame.to_enu(tr.now_ecef);
      const bool in_sector = o.sectors.empty() || std::any_of(o.sectors.begin(), o.sectors.end(),
                                                              [&](const Sector& s) { return skyshield::in_sector(s, local); });
      if (in_sector && local.norm() <= o.reach) {
        out.push_back(tr.track_id);
        break;
      }
    }
  }
  return out;
}

}  // namespace skyshield
