#include "c2/threat_evaluation.hpp"

#include <algorithm>
#include <cmath>

#include "core/units.hpp"

namespace skyshield {

namespace {
constexpr double kAircraftWeight = 0.5;        // an aircraft threatens by its weapons, not by itself
constexpr double kAircraftThreatRangeM = 400e3;

// Where and when a ballistic track reaches the ground (u = 0) under gravity alone.
bool ballistic_impact(const Track& tr, Vec3& impact, double& t_impact) {
  const double u = tr.x(2), vu = tr.x(5), g = kStandardGravity;
  const double disc = vu * vu + 2.0 * g * u;
  if (disc < 0) return false;
  t_impact = (vu + std::sqrt(disc)) / g;
  if (t_impact <= 0) return false;
  impact = Vec3(tr.x(0) + tr.x(3) * t_impact, tr.x(1) + tr.x(4) * t_impact, 0.0);
  return true;
}
}  // namespace

std::vector<ThreatAssessment> evaluate_threats(const std::vector<Track>& tracks, const std::vector<DefendedAsset>& assets,
                                               const std::vector<Vec3>& assets_enu, const ThreatLethality& lethality) {
  std::vector<ThreatAssessment> out;
  for (const Track& tr : tracks) {
    if (tr.status != TrackStatus::Confirmed) continue;
    ThreatAssessment best;
    best.track_id = tr.id;
    best.cls = tr.classified;
    for (std::size_t a = 0; a < assets.size(); ++a) {
      const Vec3 r = tr.position() - assets_enu[a];
      const Vec3 v = tr.velocity();
      double ttg = 0.0, cpa = r.norm(), weight = lethality[static_cast<int>(tr.classified)];
      Vec3 point = tr.position();
      bool threatened = false;
      if (tr.classified == ThreatClass::BallisticMissile) {
        Vec3 impact;
        if (ballistic_impact(tr, impact, ttg)) {
          Vec3 asset_ground = assets_enu[a];
          asset_ground.z() = 0.0;
          cpa = (impact - asset_ground).norm();
          point = impact;
          threatened = cpa <= assets[a].radius_m;
        }
      } else {
        const double vv = v.squaredNorm();
        ttg = vv > 1e-9 ? std::max(0.0, -r.dot(v) / vv) : 0.0;
        cpa = (r + v * ttg).norm();
        point = tr.position() + v * ttg;
        threatened = cpa <= assets[a].radius_m;
        if (!threatened && tr.classified == ThreatClass::Aircraft) {
          const double range = r.norm(), closing = -r.dot(v) / std::max(range, 1e-9);
          if (closing > 0 && range <= kAircraftThreatRangeM) {
            threatened = true;
            ttg = range / closing;
            weight *= kAircraftWeight;
            point = assets_enu[a];
          }
        }
      }
      if (!threatened) continue;
      const double priority = weight * assets[a].value / std::max(ttg, 1.0);
      if (priority > best.priority) {
        best.asset_index = static_cast<int>(a);
        best.time_to_go_s = ttg;
        best.cpa_m = cpa;
        best.priority = priority;
        best.predicted_point_enu = point;
      }
    }
    out.push_back(best);
  }
  return out;
}

}  // namespace skyshield
