#pragma once
// Radar horizon over a smooth earth with standard refraction (4/3 effective earth radius). The smooth
// earth's surface lies at a ground height above the ellipsoid (a plain at 150 m: 150 m); both the
// antenna's and the target's heights count from it (Skolnik, Introduction to Radar Systems, 3rd ed.,
// sec. 8.2: d = sqrt(2 k R h_a) + sqrt(2 k R h_t), heights above the surface).
#include "core/geo.hpp"

namespace skyshield {

inline constexpr double kEffectiveEarthFactor = 4.0 / 3.0;
inline constexpr double kEarthMeanRadius = 6371008.8;  // m, IUGG mean radius R1

// Distance along the effective earth from a point at height h_m (above the surface) to its horizon.
double horizon_distance_m(double h_m, double k = kEffectiveEarthFactor);
// Maximum ground distance at which a target at h_target_m is above the horizon of an antenna at
// h_radar_m (both above the surface).
double radar_horizon_range_m(double h_radar_m, double h_target_m, double k = kEffectiveEarthFactor);
// True when the target is above the radar horizon of an antenna at `antenna` (positions above the
// ellipsoid) over a smooth earth whose surface is at ground_m above the ellipsoid.
bool above_radar_horizon(const Geodetic& antenna, const Geodetic& target, double ground_m = 0.0,
                         double k = kEffectiveEarthFactor);

}  // namespace skyshield
