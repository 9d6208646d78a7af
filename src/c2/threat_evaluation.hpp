#pragma once
// Threat evaluation: for each confirmed track, which defended asset it threatens, where and when it
// gets there (closest point of approach under constant velocity; impact point under gravity for a
// ballistic track), and a priority = asset value x threat lethality / time to go (value, lethality
// and urgency). An aircraft closing within 400 km threatens by the weapons it carries, at half weight.
// Ballistic missile defence (BallisticOptions, docs/bmd.md): a ballistic track's impact is predicted
// with its drag estimate (c2/impact_prediction.hpp) and threatens an asset when it falls within the
// footprint grown by sigma_margin of the prediction's sigma; its priority is scaled by its
// probability of carrying a warhead (c2/discrimination.hpp).
#include <array>
#include <vector>

#include "c2/defended_asset.hpp"
#include "c2/discrimination.hpp"
#include "core/geo.hpp"
#include "tracking/track.hpp"

namespace skyshield {

struct ThreatAssessment {
  int track_id = -1;
  int asset_index = -1;        // most threatened asset, -1 when the track threatens none
  double time_to_go_s = 1e9;   // until closest approach to that asset
  double cpa_m = 1e18;         // predicted miss distance from that asset
  double priority = 0.0;       // value x lethality / max(time_to_go, 1 s); 0 when no asset is threatened
  // Predicted impact point (ballistic), closest approach (others), the asset itself (stand-off aircraft).
  Vec3 predicted_point_enu = Vec3::Zero();
  ThreatClass cls = ThreatClass::Aircraft;
  double p_lethal = 1.0;       // ballistic with discrimination: P(warhead); otherwise 1
  double impact_sigma_m = 0.0; // ballistic, drag-aware: spread of the predicted impact point
};

struct BallisticOptions {
  bool drag_aware = false;         // false: gravity-only impact point, footprint without margin
  double sigma_margin = 3.0;
  double frame_origin_alt_m = 0.0;
  const std::vector<Discrimination>* discrimination = nullptr;  // by track (absent: P = 1)
};

// Relative lethality of each threat class (its warhead against the assets), 1 by default.
using ThreatLethality = std::array<double, kThreatClassCount>;
inline constexpr ThreatLethality kUnitLethality{1.0, 1.0, 1.0, 1.0};

// assets_enu: the assets' positions in the tracks' frame.
std::vector<ThreatAssessment> evaluate_threats(const std::vector<Track>& tracks,
                                               const std::vector<DefendedAsset>& assets,
                                               const std::vector<Vec3>& assets_enu,
                                               const ThreatLethality& lethality = kUnitLethality,
                                               const BallisticOptions& ballistic = {});

}  // namespace skyshield
