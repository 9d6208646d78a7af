#pragma once
// Threat evaluation: for each confirmed track, which defended asset it threatens, when it gets
// there (time-to-go at closest point of approach under constant velocity), and a priority that
// grows with asset value and urgency.
#include <vector>

#include "c2/defended_asset.hpp"
#include "core/geo.hpp"
#include "tracking/track.hpp"

namespace skyshield {

struct ThreatAssessment {
  int track_id = -1;
  int asset_index = -1;        // most threatened asset, -1 when the track threatens none
  double time_to_go_s = 1e9;   // until closest approach to that asset
  double cpa_m = 1e18;         // predicted miss distance from that asset
  double priority = 0.0;       // asset value / max(time_to_go, 1 s); 0 when no asset is threatened
  ThreatClass cls = ThreatClass::Aircraft;
};

// assets_enu: the assets' positions in the tracks' frame.
std::vector<ThreatAssessment> evaluate_threats(const std::vector<Track>& tracks,
                                               const std::vector<DefendedAsset>& assets,
                                               const std::vector<Vec3>& assets_enu);

}  // namespace skyshield
