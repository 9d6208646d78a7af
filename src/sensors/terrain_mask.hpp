#pragma once
// Terrain masking of a radar's line of sight. For every azimuth bin around the antenna the ground
// profile is sampled outward; with the 4/3-earth model a point at ground distance d and height h is
// seen from the antenna (height ha) under the effective elevation
//   u(d, h) = (h - ha) / d - d / (2 k R)
// (small-angle tangent over the effective earth: Skolnik 3rd ed. sec. 8.2; Barton, Radar Equations for
// Modern Radar, ch. 6). A target is masked when some ground point before it is seen higher:
// u(target) < max over d' < d of u(ground(d')). The running maximum is tabulated once per radar.
// The smooth earth under the radar horizon lies at the terrain's floor (ground_m()): over a plain the
// plain itself, so the horizon counts heights above the ground under both ends; over uneven ground
// the table accounts for whatever rises above the floor.
#include <vector>

#include "core/geo.hpp"
#include "world/terrain.hpp"

namespace skyshield {

class TerrainMask {
 public:
  TerrainMask() = default;   // no terrain: nothing masked, the smooth earth at the ellipsoid
  // antenna: position of the antenna (height above the ellipsoid). Tabulates out to max_range_m
  // (capped by the horizon distance of the highest ground); over flat ground nothing is tabulated.
  TerrainMask(const Terrain& terrain, const Geodetic& antenna, double max_range_m,
              double az_step_deg = 0.25, double k = 4.0 / 3.0);

  bool active() const { return !mask_.empty(); }
  // Height above the ellipsoid of the smooth earth under the radar horizon (the terrain's floor).
  double ground_m() const { return ground_m_; }
  // True when the ground hides a target at ground distance ground_m, azimuth az_rad (from north,
  // clockwise) and height h_m above the ellipsoid.
  bool masked(double az_rad, double ground_m, double h_m) const;
  // The tabulated mask elevation u_max (radians, effective earth) at (az, ground distance).
  double mask_elevation(double az_rad, double ground_m) const;
  double range_step_m() const { return step_m_; }
  double max_range_m() const { return range_m_; }

 private:
  double ground_m_ = 0.0;
  double antenna_h_ = 0.0;
  double two_kr_ = 0.0;
  double step_m_ = 0.0;
  double range_m_ = 0.0;
  double az_step_rad_ = 0.0;
  int n_az_ = 0, n_r_ = 0;
  std::vector<float> mask_;   // n_az * n_r: running max of u up to and including sample i (d = (i+1) step)
};

// Brute-force line-of-sight test (reference for the table): samples the ground along the straight
// effective-earth ray from antenna to target every step_m.
bool terrain_blocks_ray(const Terrain& terrain, const Geodetic& antenna, const Geodetic& target, double step_m,
                        double k = 4.0 / 3.0);

}  // namespace skyshield
