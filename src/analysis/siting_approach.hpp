#pragma once
// Approach corridors of a defended asset: `radials` inbound directions evenly spread around it. A
// target flying in along a radial at height h above the local ground is first detected at the largest
// distance from the asset at which some radar sees it (samples every step_m out to length_m). The
// radial is "covered" at h when that first-detection distance is at least warning_s * speed_mps:
// a target at that speed gives at least warning_s seconds between first detection and arrival.
#include <string>
#include <vector>

#include "analysis/siting_coverage.hpp"

namespace skyshield {

struct ApproachSettings {
  int radials = 360;
  double step_m = 250.0;
  double length_m = 60e3;
  double speed_mps = 245.0;   // subsonic cruise missile of the library (Mach 0.72)
  double warning_s = 60.0;    // required warning time for a radial to count as covered
  double required_m() const { return warning_s * speed_mps; }
};

// Points of every radial of an asset (ground heights included), computed once and reused.
struct ApproachRadials {
  Geodetic asset;
  int radials = 0, samples = 0;   // samples per radial, at distances (i + 1) * step_m
  double step_m = 0.0;
  std::vector<double> lat, lon, ground;   // radials * samples
};

ApproachRadials approach_radials(const Terrain& terrain, const Geodetic& asset, const ApproachSettings& s);

// First-detection distance on every radial at height h_m above the ground (0 when never detected).
std::vector<double> first_detection_m(const ApproachRadials& a, const std::vector<const RadarViewshed*>& radars, double h_m);

// Share of radials whose first-detection distance is at least required_m.
double covered_share(const std::vector<double>& first_m, double required_m);

}  // namespace skyshield
