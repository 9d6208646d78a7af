#include "sensors/measurement.hpp"

#include <algorithm>
#include <cmath>

#include "core/units.hpp"

namespace skyshield {

namespace {
// Great-circle angle between two directions given by azimuth and elevation.
double angle_between(const RangeAzEl& a, const RangeAzEl& b) {
  const double c = std::sin(a.el_rad) * std::sin(b.el_rad) +
                   std::cos(a.el_rad) * std::cos(b.el_rad) * std::cos(a.az_rad - b.az_rad);
  return std::acos(std::clamp(c, -1.0, 1.0));
}
}  // namespace

double clockwise_rad(double from, double az) {
  double d = std::fmod(az - from, 2.0 * kPi);
  return d < 0.0 ? d + 2.0 * kPi : d;
}

bool Coverage::covers(const RangeAzEl& rae, double margin_rad) const {
  if (rae.range_m > max_range_m) return false;
  for (const RangeAzEl& d : dwells)
    if (angle_between(d, rae) <= dwell_half_beam_rad + margin_rad) return true;
  if (rae.el_rad < min_el_rad - margin_rad || rae.el_rad > max_el_rad + margin_rad) return false;
  if (full_circle) return true;
  const double width = sweep_width_rad() + 2.0 * margin_rad;
  if (width >= 2.0 * kPi) return true;
  return clockwise_rad(sweep_from_rad - margin_rad, rae.az_rad) < width;
}

double Coverage::sweep_width_rad() const { return clockwise_rad(sweep_from_rad, sweep_to_rad); }

}  // namespace skyshield
