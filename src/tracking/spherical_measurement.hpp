#pragma once
// A radar measurement as the filters use it: range, azimuth, elevation and, when the radar measures
// Doppler, range rate, in the radar's own ENU frame, with the radar's position and orientation
// expressed in the tracker frame. h(x) maps a tracker state to this measurement space.
#include <Eigen/Core>

#include "core/geo.hpp"
#include "sensors/measurement.hpp"
#include "tracking/state.hpp"

namespace skyshield {

using Vec4 = Eigen::Matrix<double, 4, 1>;
using Mat4 = Eigen::Matrix<double, 4, 4>;

struct SensorGeometry {
  Vec3 position = Vec3::Zero();          // antenna in the tracker frame
  Mat3 to_sensor = Mat3::Identity();     // rotation tracker ENU -> radar ENU

  static SensorGeometry between(const LocalFrame& radar, const LocalFrame& tracker);
};

// dim 3: (range m, azimuth rad clockwise from north, elevation rad); dim 4 adds range rate (m/s,
// positive opening). Unused components of z and sigma are zero.
struct SphericalMeasurement {
  double t = 0.0;
  int dim = 3;
  Vec4 z = Vec4::Zero();
  Vec4 sigma = Vec4::Zero();
  SensorGeometry sensor;

  Mat4 R() const;   // diagonal noise covariance; a unit entry in the unused 4th slot
  static SphericalMeasurement from(const Measurement& m, const SensorGeometry& g);
};

// Predicted measurement of a state (4 components; the 4th is the range rate whatever dim is).
Vec4 measure(const Vec9& x, const SensorGeometry& g);
// Jacobian dh/dx (rows as measure()).
Eigen::Matrix<double, 4, 9> measure_jacobian(const Vec9& x, const SensorGeometry& g);
// z - h with the azimuth difference wrapped into (-pi, pi]; zero beyond dim.
Vec4 residual(const Vec4& z, const Vec4& h, int dim);

}  // namespace skyshield
