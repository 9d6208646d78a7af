#include "tracking/measurement_conversion.hpp"

#include <cmath>

namespace skyshield {

CartesianMeasurement to_tracker_frame(const Measurement& m, const LocalFrame& radar_frame,
                                      const LocalFrame& tracker_frame) {
  const double r = m.rae.range_m, a = m.rae.az_rad, e = m.rae.el_rad;
  const double ca = std::cos(a), sa = std::sin(a), ce = std::cos(e), se = std::sin(e);
  // ENU from (r, az clockwise from north, el): e = r ce sa, n = r ce ca, u = r se.
  const Vec3 enu(r * ce * sa, r * ce * ca, r * se);
  Mat3 J;  // d(e, n, u) / d(r, az, el)
  J << ce * sa, r * ce * ca, -r * se * sa,
       ce * ca, -r * ce * sa, -r * se * ca,
       se, 0.0, r * ce;
  const Vec3 var(m.sigma_range_m * m.sigma_range_m, m.sigma_az_rad * m.sigma_az_rad, m.sigma_el_rad * m.sigma_el_rad);
  const Mat3 R_radar = J * var.asDiagonal() * J.transpose();
  // Radar ENU -> ECEF -> tracker ENU.
  const Mat3 rot = tracker_frame.enu_to_ecef().transpose() * radar_frame.enu_to_ecef();
  CartesianMeasurement out;
  out.t = m.t;
  out.z = tracker_frame.to_enu(radar_frame.to_ecef(enu));
  out.R = rot * R_radar * rot.transpose();
  return out;
}

}  // namespace skyshield
