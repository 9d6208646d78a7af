#include "weapons/flyout/airframe.hpp"

#include <algorithm>

#include "core/units.hpp"

namespace skyshield {

double Airframe::max_lateral_accel(double q, double m) const {
  return std::min(max_lateral_g * kStandardGravity, q * reference_area_m2 * cn_max / m);
}

double Airframe::drag_coefficient(double mach, double q, double m, double a_lat) const {
  const double qs = q * reference_area_m2;
  const double cn = qs > 0.0 ? std::min(m * a_lat / qs, cn_max) : 0.0;
  return zero_lift_drag(mach) + cn * cn / cn_alpha_per_rad;
}

}  // namespace skyshield
