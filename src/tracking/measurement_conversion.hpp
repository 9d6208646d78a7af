#pragma once
// Converts a spherical radar measurement to a Cartesian position and covariance in the tracker's
// frame (linearised conversion: R_cart = J diag(sr^2, saz^2, sel^2) J', then rotated between frames).
#include "core/geo.hpp"
#include "sensors/measurement.hpp"

namespace skyshield {

struct CartesianMeasurement {
  double t = 0.0;
  Vec3 z = Vec3::Zero();   // position in the tracker frame (ENU), m
  Mat3 R = Mat3::Identity();
};

CartesianMeasurement to_tracker_frame(const Measurement& m, const LocalFrame& radar_frame,
                                      const LocalFrame& tracker_frame);

}  // namespace skyshield
