#pragma once
// Impact-point prediction of a ballistic track: where and when its predicted path (c2/target_path:
// gravity plus the drag of the track's estimated 1/beta, tracking/drag_estimate.hpp) comes down to
// the ground, taken as the height ground_up_m over the frame origin on a spherical earth (a point at
// frame coordinates p is at height p.z + earth_drop(|p.xy|) over the origin's tangent plane). The
// spread of the point is the track's horizontal position and velocity covariance carried linearly
// to the impact time (P_pp + t (P_pv + P_vp) + t^2 P_vv), its largest standard deviation: what the
// threat evaluation adds as a margin to an asset's footprint. The drag estimate's own variance is
// not carried (a light body's 1/beta is estimated within ~10 % once it is in the air).
#include "c2/target_path.hpp"
#include "tracking/track.hpp"

namespace skyshield {

struct ImpactPrediction {
  bool ok = false;                 // the path reaches the ground within the horizon
  Vec3 point_enu = Vec3::Zero();   // frame of the track
  double time_s = 0.0;             // absolute
  double sigma_m = 0.0;            // largest horizontal standard deviation of the point
};

// From a path (its start time on); step_s: the search step before the bisection to 1 ms.
ImpactPrediction predict_impact(const TargetPath& path, double ground_up_m = 0.0, double horizon_s = 1500.0,
                                double step_s = 1.0);
// From a ballistic track (drag estimate included), with the track's covariance for sigma_m.
ImpactPrediction predict_impact(const Track& track, double frame_origin_alt_m, double ground_up_m = 0.0);

}  // namespace skyshield
