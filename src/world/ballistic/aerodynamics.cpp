#include "world/ballistic/aerodynamics.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "core/atmosphere.hpp"
#include "core/piecewise_linear.hpp"

namespace skyshield {

double body_drag_coefficient(double mach) {
  static constexpr std::array<TablePoint, 9> kTable{{
      {0.0, 0.20}, {0.8, 0.20}, {1.0, 0.33}, {1.2, 0.40}, {1.5, 0.36},
      {2.0, 0.30}, {3.0, 0.24}, {5.0, 0.20}, {10.0, 0.18}}};
  return interpolate_clamped(kTable, mach);
}

double fast_altitude(const Vec3& p) {
  constexpr double a = 6378137.0, b = 6356752.314245;
  const double r = p.norm();
  const double sin_c = p.z() / r, cos2 = 1.0 - sin_c * sin_c;
  const double radius = a * b / std::sqrt(b * b * cos2 + a * a * sin_c * sin_c);
  return r - radius;
}

Vec3 drag_acceleration(const Vec3& pos, const Vec3& vel, double mass, const DragModel& d) {
  const double h = fast_altitude(pos);
  if (h > 200e3) return Vec3::Zero();  // density below 3e-10 kg/m^3: nothing to integrate
  const AtmosphereState air = us1976_fast(h);   // tabulated density (core/atmosphere.hpp)
  const double v = vel.norm();
  if (v <= 0.0) return Vec3::Zero();
  double k = 0.0;  // drag force / (v^2 mass)
  if (d.ballistic_coefficient > 0.0) {
    k = 0.5 * air.density_kg_m3 / d.ballistic_coefficient;
  } else if (d.area_m2 > 0.0) {
    k = 0.5 * air.density_kg_m3 * body_drag_coefficient(v / air.speed_of_sound_mps) * d.area_m2 / mass;
  }
  return -k * v * vel;
}

}  // namespace skyshield
