#pragma once
// Aerodynamics of an interceptor airframe for point-mass (3-DOF) flight: zero-lift drag against
// Mach number, drag induced by the normal force that turns the missile (energy bleed in turns),
// and the lateral acceleration the airframe can produce, limited by the trim normal-force
// coefficient (falls with dynamic pressure, hence with air density) and by the structure.
// Slender-body relations (e.g. Fleeman, Tactical Missile Design, 2nd ed., ch. 2): the normal force
// coefficient is CN = CN_alpha * alpha for small alpha, and the drag due to it is CN * sin(alpha)
// ~ CN^2 / CN_alpha.
#include <vector>

#include "core/piecewise_linear.hpp"

namespace skyshield {

struct Airframe {
  double reference_area_m2 = 0.05;
  std::vector<TablePoint> cd0_vs_mach{{0.0, 0.3}};  // zero-lift drag coefficient against Mach
  double cn_max = 1.5;            // trim limit of the normal-force coefficient
  double cn_alpha_per_rad = 20.0; // normal-force slope
  double max_lateral_g = 20.0;    // structural limit

  double zero_lift_drag(double mach) const { return interpolate_clamped(cd0_vs_mach, mach); }
  // Lateral acceleration the airframe can hold (m/s^2) at dynamic pressure q (Pa) and mass m (kg).
  double max_lateral_accel(double q_pa, double mass_kg) const;
  // Total drag coefficient when producing lateral acceleration a_lat (m/s^2). The part of a_lat above
  // the aerodynamic limit (thrust-vector or gas-dynamic control) induces no aerodynamic drag.
  double drag_coefficient(double mach, double q_pa, double mass_kg, double a_lat) const;
};

}  // namespace skyshield
