#pragma once
// Lift of a hypersonic glide vehicle (a point mass with a lift vector; parameters in
// world/ballistic/missile_params.hpp GlideVehicle, notional library values in
// scenarios/library/threats.yaml). In the glide the vehicle flies at its best L/D: the lift is L/D
// times the drag (bounded by max_lateral_g), less a feedback on the climb rate that damps the
// phugoid, banked by sigma = gain x heading error (bank limit) toward the aim. It settles in the
// equilibrium glide, where the vertical lift balances gravity minus the centrifugal term of the
// horizontal speed, L = m (g - v_h^2 / r), and covers the Breguet-type range
// R = (L/D)/2 r ln(1 / (1 - v0^2 / (g r))) (e.g. Vinh, Hypersonic and Planetary Entry Flight
// Mechanics, 1980, ch. 6). In the terminal dive the lift turns the
// velocity toward the aim (pursuit: turn rate = angle off / time constant), within the same bounds.
#include "core/geo.hpp"
#include "world/ballistic/missile_params.hpp"

namespace skyshield {

// Lift acceleration (m/s^2, ECEF) at position p, velocity v (ECEF), with the drag acceleration
// `drag` (its magnitude bounds the lift by L/D), toward the aim (ECEF).
Vec3 glide_lift(const GlideVehicle& g, const Vec3& p, const Vec3& v, const Vec3& drag,
                const Vec3& aim_ecef, bool diving);

// Elevation (deg) of the aim seen from p: negative below the local horizontal.
double aim_elevation_deg(const Vec3& p, const Vec3& aim_ecef);

}  // namespace skyshield
