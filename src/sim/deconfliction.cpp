#include "sim/deconfliction.hpp"

#include <algorithm>
#include <cmath>

namespace skyshield {

std::vector<int> engaged_elsewhere(const Battalion& b, double t, const std::vector<std::unique_ptr<Battalion>>& battalions,
                                   const AirPicture& picture, const std::vector<Engagement>& engagements, double radius_m) {
  struct Near {
    Vec3 pos;
    double variance_m2;  // trace of its position covariance
  };
  std::vector<int> systems;
  std::vector<Near> engaged_at;
  const bool near_guard = radius_m > 0.0;
  for (const Engagement& e : engagements) {
    if (e.battalion == b.index) continue;
    const int sys = picture.system_id(e.battalion, e.track_id);
    if (sys >= 0) systems.push_back(sys);
    if (!near_guard) continue;
    Vec3 p, v;
    double var = 0.0;
    if (battalions[e.battalion]->track_ecef(e.track_id, t, p, v, &var)) engaged_at.push_back({p, var});
    if (e.steering_ecef) engaged_at.push_back({*e.steering_ecef, var});
  }
  std::vector<int> out;
  for (int sys : systems)
    for (const auto& [battalion, track_id] : picture.members(sys))
      if (battalion == b.index) out.push_back(track_id);
  if (engaged_at.empty()) return out;
  constexpr double kGateSigmas = 3.0;
  for (const Track& tr : b.tracker.tracks()) {
    if (tr.status != TrackStatus::Confirmed) continue;
    const Tracker::Prediction& pred = b.tracker.prediction(tr, t);
    const Vec3 p = b.frame.to_ecef(pred.pos);
    const double var = pred.P_pp.trace();
    for (const Near& e : engaged_at) {
      const double gate = std::max(radius_m, kGateSigmas * std::sqrt(var + e.variance_m2));
      if ((p - e.pos).norm() <= gate) {
        out.push_back(tr.id);
        break;
      }
    }
  }
  return out;
}

}  // namespace skyshield
