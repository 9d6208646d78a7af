#include "sensors/horizon.hpp"

#include <algorithm>
#include <cmath>

namespace skyshield {

double horizon_distance_m(double h_m, double k) {
  // Arc length on a sphere of radius kR from the sub-point of a height h to its tangent point:
  // kR * acos(kR / (kR + h)) (exact; ~ sqrt(2 k R h) for h << R).
  const double re = k * kEarthMeanRadius;
  const double h = std::max(0.0, h_m);
  return re * std::acos(re / (re + h));
}

double radar_horizon_range_m(double h_radar_m, double h_target_m, double k) {
  return horizon_distance_m(h_radar_m, k) + horizon_distance_m(h_target_m, k);
}

bool above_radar_horizon(const Geodetic& antenna, const Geodetic& target, double ground_m, double k) {
  // Ground distance along the ellipsoid, compared with the two horizon arcs on the effective
  // earth, heights counted from the smooth surface at ground_m.
  const double ground = geodesic_inverse(antenna, target).distance_m;
  return ground <= radar_horizon_range_m(antenna.alt_m - ground_m, target.alt_m - ground_m, k);
}

}  // namespace skyshield
