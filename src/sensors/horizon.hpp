#pragma once
// Radar horizon over a smooth earth with standard refraction (4/3 effective earth radius).
#include "core/geo.hpp"

namespace skyshield {

inline constexpr double kEffectiveEarthFactor = 4.0 / 3.0;
inline constexpr double kEarthMeanRadius = 6371008.8;  // m, IUGG mean radius R1

// Distance along the effective earth from a point at height h_m to its horizon.
double horizon_distance_m(double h_m, double k = kEffectiveEarthFactor);
// Maximum ground distance at which a target at h_target_m is above the horizon of an antenna at h_radar_m.
double radar_horizon_range_m(double h_radar_m, double h_target_m, double k = kEffectiveEarthFactor);
// True when the target is above the radar horizon of an antenna at `antenna` (heights above ellipsoid).
bool above_radar_horizon(const Geodetic& antenna, const Geodetic& target, double k = kEffectiveEarthFactor);

}  // namespace skyshield
