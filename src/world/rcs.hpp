#pragma once
// Radar cross-section of a target as seen from a given direction. The mean RCS depends on the
// aspect angle (between the target's velocity, taken as its body axis, and the line of sight to the
// observer): nose-on, broadside and tail-on values, interpolated linearly in dB over the aspect angle
// (0 = nose-on, 90 deg = broadside, 180 deg = tail-on). A low-observable aircraft shows a small nose-on
// value and a large broadside one; an isotropic pattern has the three equal. The fluctuation about this
// mean is the target's Swerling case.
#include <algorithm>
#include <cmath>

#include "core/vec.hpp"

namespace skyshield {

struct RcsPattern {
  double nose_m2 = 1.0;
  double beam_m2 = 1.0;
  double tail_m2 = 1.0;

  static RcsPattern isotropic(double m2) { return {m2, m2, m2}; }
  bool is_isotropic() const { return nose_m2 == beam_m2 && beam_m2 == tail_m2; }

  // Mean RCS at aspect angle aspect_rad in [0, pi].
  double at_aspect(double aspect_rad) const {
    if (is_isotropic()) return nose_m2;
    constexpr double kHalfPi = 1.5707963267948966;
    const double a = std::clamp(aspect_rad, 0.0, 2.0 * kHalfPi);
    const double u = a <= kHalfPi ? a / kHalfPi : (a - kHalfPi) / kHalfPi;
    const double from = a <= kHalfPi ? nose_m2 : beam_m2, to = a <= kHalfPi ? beam_m2 : tail_m2;
    return std::exp((1.0 - u) * std::log(from) + u * std::log(to));   // linear in dB
  }

  // Mean RCS of a target at pos moving with vel, seen from observer (all ECEF). A target at rest
  // (no body axis known) shows its broadside value.
  double toward(const Vec3& pos, const Vec3& vel, const Vec3& observer) const {
    if (is_isotropic()) return nose_m2;
    const Vec3 los = observer - pos;
    const double vn = vel.norm(), ln = los.norm();
    if (vn < 1e-6 || ln < 1e-6) return beam_m2;
    return at_aspect(std::acos(std::clamp(vel.dot(los) / (vn * ln), -1.0, 1.0)));
  }
};

}  // namespace skyshield
