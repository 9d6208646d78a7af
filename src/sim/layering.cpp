#include "sim/layering.hpp"

#include <algorithm>

#include "sim/sector_handover.hpp"

namespace skyshield {

double battalion_reach(const Battalion& b, const std::vector<InterceptorClass>& classes) {
  double r = 0.0;
  for (const Launcher& l : b.launchers)
    if (l.rounds_left() > 0) r = std::max(r, classes[l.config().interceptor_class].max_range_m);
  return r;
}

std::vector<int> covered_by_outer_layers(const std::vector<std::unique_ptr<Battalion>>& all, int b,
                                         const std::vector<InterceptorClass>& classes) {
  const Battalion& me = *all[b];
  const double my_reach = battalion_reach(me, classes);
  struct Outer {
    const Battalion* battalion;
    double reach;
    std::vector<Sector> sectors;  // in its own frame
  };
  std::vector<Outer> outers;
  for (const auto& o : all)
    if (o->index != b && o->fire_control_up()) {
      const double reach = battalion_reach(*o, classes);
      if (reach > my_reach) outers.push_back({o.get(), reach, responsible_sectors(all, o->index)});
    }
  std::vector<int> out;
  if (outers.empty()) return out;
  for (const Track& tr : me.tracker.tracks()) {
    if (tr.status != TrackStatus::Confirmed) continue;
    const Vec3 p = me.frame.to_ecef(tr.position());
    for (const Outer& o : outers) {
      const Vec3 local = o.battalion->frame.to_enu(p);
      const bool in_sector = o.sectors.empty() || std::any_of(o.sectors.begin(), o.sectors.end(),
                                                              [&](const Sector& s) { return skyshield::in_sector(s, local); });
      if (in_sector && local.norm() <= o.reach) {
        out.push_back(tr.id);
        break;
      }
    }
  }
  return out;
}

}  // namespace skyshield
