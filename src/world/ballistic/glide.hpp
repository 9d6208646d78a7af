#pragma once
// Lift of a hypersonic glide vehicle (a point mass with a lift vector; parameters in
// world/ballistic/missile_params.hpp GlideVehicle, notional library values in
// scenarios/library/threats.yaml). In the glide the vertical part of the lift holds the equilibrium
// of gravity minus the centrifugal term of the horizontal speed, L_up = m (g - v_h^2 / r), less a
// feedback on the vertical speed that damps the phugoid of the pull-out; the lift is banked by
// sigma = gain x heading error (bank limit) toward the aim, with L = L_up / cos(sigma). Its magnitude
// is bounded by L/D times the drag (the vehicle at its best L/D: the equilibrium glide of the
// Breguet-type range R = (L/D)/2 r ln(1 / (1 - v0^2 / (g r))); e.g. Vinh, Hypersonic and Planetary
// Entry Flight Mechanics, 1980, ch. 6) and by max_lateral_g. In the terminal dive the lift turns the
// velocity toward the aim (pursuit: turn rate = angle off / time constant), within the same bounds.
#include "core/geo.hpp"
#include "core/gravity.hpp"
#include "world/ballistic/missile_params.hpp"

namespace skyshield {

// Lift acceleration (m/s^2, ECEF) at position p, velocity v (ECEF), with the drag acceleration
// `drag` (its magnitude bounds the lift by L/D), toward the aim (ECEF).
Vec3 glide_lift(const GlideVehicle& g, const GravityModel& gravity, const Vec3& p, const Vec3& v, const Vec3& drag,
                const Vec3& aim_ecef, bool diving);

// Elevation (deg) of the aim seen from p: negative below the local horizontal.
double aim_elevation_deg(const Vec3& p, const Vec3& aim_ecef);

}  // namespace skyshield
