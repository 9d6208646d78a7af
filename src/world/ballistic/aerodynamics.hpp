#pragma once
// Drag of a ballistic missile: a Mach-dependent axial drag coefficient for the intact body
// during boost and coast, and a constant ballistic coefficient beta = m / (Cd A) for a separated
// re-entry vehicle. Air is at rest in the earth-fixed frame (no wind), so the air-relative
// velocity is the ECEF velocity.
#include "core/vec.hpp"

namespace skyshield {

// Zero-lift drag coefficient of a slender missile body against Mach number: flat subsonic, a
// transonic rise to a peak near Mach 1.2, then a slow supersonic fall. NOTIONAL: the shape of
// the published curves for slender finned rockets (e.g. the V-2 wind-tunnel curve reproduced in
// Sutton & Biblarz, Rocket Propulsion Elements, fig. 4-2), values rounded.
double body_drag_coefficient(double mach);

// Height above the WGS-84 ellipsoid from the geocentric radius (no iteration). Differs from the
// geodetic height by h (1 - cos(phi - phi_c)): below 1 m under 200 km, about 6 m at 1000 km.
double fast_altitude(const Vec3& pos_ecef);

struct DragModel {
  double area_m2 = 0.0;                 // > 0: body drag Cd(M) * area
  double ballistic_coefficient = 0.0;   // > 0: constant beta (kg/m^2), mass-independent
};

// Drag acceleration (m/s^2) for a body of the given mass.
Vec3 drag_acceleration(const Vec3& pos_ecef, const Vec3& vel_ecef, double mass_kg, const DragModel& d);

}  // namespace skyshield
