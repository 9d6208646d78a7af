#include "core/gravity.hpp"

#include "core/units.hpp"

namespace skyshield {

Vec3 gravitation(const Vec3& p, bool j2) {
  const double r2 = p.squaredNorm();
  const double r = std::sqrt(r2);
  const double k = -kEarthMu / (r2 * r);
  if (!j2) return k * p;
  // Gradient of the J2 potential U = -mu/r [1 - J2 (a/r)^2 P2(z/r)] (Vallado, Fundamentals of
  // Astrodynamics, eq. 8-29).
  const double f = 1.5 * kEarthJ2 * kEarthEquatorialRadius * kEarthEquatorialRadius / r2;
  const double z2 = p.z() * p.z() / r2;
  return Vec3(k * p.x() * (1.0 + f * (1.0 - 5.0 * z2)), k * p.y() * (1.0 + f * (1.0 - 5.0 * z2)),
              k * p.z() * (1.0 + f * (3.0 - 5.0 * z2)));
}

Vec3 free_fall_acceleration(const Vec3& pos, const Vec3& vel, const GravityModel& m) {
  Vec3 a = m.enabled ? gravitation(pos, m.j2) : Vec3::Zero();
  if (m.rotating_earth) {
    const Vec3 w(0.0, 0.0, kEarthRotationRate);
    a += -2.0 * w.cross(vel) - w.cross(w.cross(pos));
  }
  return a;
}

}  // namespace skyshield
