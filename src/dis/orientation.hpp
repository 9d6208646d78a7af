#pragma once
// DIS orientation: Euler angles (psi, theta, phi) of the entity's body axes (x forward, y right,
// z down) relative to the ECEF axes, rotated in the order z, y', x'' (IEEE 1278.1-2012 1.4.1).
#include "core/vec.hpp"
#include "dis/pdu.hpp"

namespace skyshield::dis {

// The body-to-ECEF rotation: its columns are the body axes in ECEF.
Mat3 body_to_ecef(const EulerAngles& e);
EulerAngles euler_from_body_to_ecef(const Mat3& r);

// An entity flying along vel_ecef with its wings level (no roll) at pos_ecef; a standing entity
// (speed below 0.1 m/s) faces north, level.
EulerAngles euler_from_velocity(const Vec3& pos_ecef, const Vec3& vel_ecef);

// Angle (rad) of the rotation between two orientations.
double orientation_difference(const EulerAngles& a, const EulerAngles& b);

}  // namespace skyshield::dis
