#include "c2/threat_evaluation.hpp"

#include <algorithm>
#include <cmath>

#include "c2/impact_prediction.hpp"
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
                                               const std::vector<Vec3>& assets_enu, const ThreatLethality& lethality,
                                               const BallisticOptions& bo) {
  std::vector<ThreatAssessment> out;
  for (const Track& tr : tracks) {
    if (tr.status != TrackStatus::Confirmed) continue;
    ThreatAssessment best;
    best.track_id = tr.id;
    best.cls = tr.classified;
    if (tr.classified == ThreatClass::BallisticMissile && bo.drag_aware) {
      if (bo.discrimination)
        for (const Discrimination& d : *bo.discrimination)
          if (d.track_id == tr.id) best.p_lethal = d.p_lethal;
      const ImpactPrediction ip = predict_impact(tr, bo.frame_origin_alt_m);
      if (!ip.ok) {
        out.push_back(best);
        continue;
      }
      best.impact_sigma_m = ip.sigma_m;
      const double ttg = ip.time_s - tr.t;
      for (std::size_t a = 0; a < assets.size(); ++a) {
        const double miss = std::hypot(ip.point_enu.x() - assets_enu[a].x(), ip.point_enu.y() - assets_enu[a].y());
        if (miss > assets[a].radius_m + bo.sigma_margin * ip.sigma_m) continue;
        const double priority = best.p_lethal * lethality[static_cast<int>(tr.classified)] * assets[a].value / std::max(ttg, 1.0);
        if (priority > best.priority) {
          best.asset_index = static_cast<int>(a);
          best.time_to_go_s = ttg;
          best.cpa_m = miss;
          best.priority = priority;
          best.predicted_point_enu = ip.point_enu;
        }
      }
      out.push_back(best);
      continue;
    }
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
