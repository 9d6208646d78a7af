#include "weapons/ground_floor.hpp"

#include <algorithm>

#include "core/geo.hpp"

namespace skyshield {

double ground_height_under(const Terrain* terrain, const Vec3& pos_ecef) {
  if (!terrain) return 0.0;
  if (terrain->params().kind == TerrainParams::Kind::Flat) return terrain->params().base_m;
  return terrain->height(geodetic_from_ecef(pos_ecef));
}

double floor_pull_up(const FloorState& s, double available) {
  if (s.climb_mps >= 0.0) return s.above_floor_m < 0.0 ? available : 0.0;
  const double sink = -s.climb_mps;
  if (s.target_above_floor && sink * s.time_to_go_s <= s.above_floor_m) return 0.0;  // the intercept comes first
  const double down = std::max(0.0, -s.accel_up_mps2);
  const double room = s.above_floor_m - sink * s.lag_s - 0.5 * down * s.lag_s * s.lag_s;
  if (room <= 0.0) return available;
  const double sink_after = sink + down * s.lag_s;
  const double need = sink_after * sink_after / (2.0 * room);
  const double blend = std::clamp((need / available - 0.15) / 0.2, 0.0, 1.0);
  return std::min(available, blend * need);
}

}  // namespace skyshield
