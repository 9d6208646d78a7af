#pragma once
// Earth gravity for point-mass flight in the earth-fixed (ECEF) frame: the WGS-84 GM with the J2
// zonal term (NIMA TR8350.2, 3rd ed., tables 3.1/3.2: GM = 3.986004418e14 m^3/s^2,
// J2 = -sqrt(5) C20 = 1.08262982e-3, a = 6378137 m, omega = 7.292115e-5 rad/s), and the
// apparent accelerations of the rotating frame (Coriolis and centrifugal) so that a trajectory
// integrated in ECEF is the true inertial one seen from the turning earth.
#include "core/vec.hpp"

namespace skyshield {

inline constexpr double kEarthJ2 = 1.08262982e-3;
inline constexpr double kEarthRotationRate = 7.292115e-5;  // rad/s
inline constexpr double kEarthEquatorialRadius = 6378137.0;

struct GravityModel {
  bool j2 = true;              // false: central inverse-square field only
  bool rotating_earth = true;  // false: ECEF treated as inertial (no Coriolis, no centrifugal)
  bool enabled = true;         // false: no gravity at all (test references such as straight-line entry)
};

// Gravitational acceleration (m/s^2) at an ECEF position: -mu r / |r|^3, plus J2 when enabled.
Vec3 gravitation(const Vec3& pos_ecef, bool j2);

// Total acceleration of an unpowered, drag-free body seen in ECEF: gravitation plus, for a
// rotating earth, -2 w x v - w x (w x r).
Vec3 free_fall_acceleration(const Vec3& pos_ecef, const Vec3& vel_ecef, const GravityModel& m);

}  // namespace skyshield
