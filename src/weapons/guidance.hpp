#pragma once
// Proportional navigation (Zarchan, Tactical and Strategic Missile Guidance, ch. 2):
// true PN in three dimensions, a_c = N' * Vc * (Omega x u_LOS), Omega = (R x V_rel) / |R|^2,
// with R = target - missile and V_rel = v_target - v_missile; the command is made perpendicular to
// the missile velocity and limited in magnitude.
#include "core/vec.hpp"

namespace skyshield {

Vec3 pn_acceleration(const Vec3& missile_pos, const Vec3& missile_vel, const Vec3& target_pos,
                     const Vec3& target_vel, double nav_constant);

// Component of a perpendicular to v, clipped to magnitude limit.
Vec3 limit_lateral(const Vec3& a, const Vec3& v, double limit);

}  // namespace skyshield
