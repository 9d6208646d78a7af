#pragma once
// The lateral acceleration the end game demands of an interceptor at the predicted intercept point
// (issue 26, defect 5: late shots at SRBMs fired with windows of ~3.7 s reached the PIP still
// boosting, against a target faster than themselves, and flew past at ~500 m on their 20 g limit).
//
// Proportional navigation nulls the line-of-sight (LOS) rate; what it cannot anticipate, a relative
// acceleration across the LOS that persists to the end, it answers with a command that grows toward
// the intercept: against a constant "maneuver" n the zero-lag PN command ends at N'/(N'-2) n (Zarchan,
// "Tactical and Strategic Missile Guidance", ch. 2, "Proportional navigation and a maneuvering
// target"; 2 n for N' = 4). Augmented PN feeds the target's acceleration forward, so that part decays
// to zero at the end (it starts at N'/2 of it, Zarchan ch. 8), but the missile's own acceleration along
// its axis (thrust minus drag, not modelled by either law) still grows as N'/(N'-2).
// The relative "maneuver" across the LOS is the target's acceleration (gravity and drag) minus the
// missile's acceleration not due to lift: gravity and its axial acceleration. The guidance (weapons/
// interceptor.cpp) subtracts gravity from its command, so the lift demanded at the end is
//   L = N'/(N'-2) (a_T - a_axial u_M)_perp - g_perp              (true PN)
//   L = N'/(N'-2) (- a_axial u_M)_perp - g_perp                    (augmented PN, at the end)
// and, for augmented PN, N'/2 (a_T)_perp - g_perp at the start of homing; the demand is the larger.
// _perp: across the LOS, which on a collision course lies along the relative velocity.
#include "core/vec.hpp"
#include "weapons/guidance.hpp"

namespace skyshield {

struct EndgameGeometry {
  Vec3 missile_vel = Vec3::Zero();     // at the PIP (m/s)
  double missile_axial_accel = 0.0;    // thrust minus drag along the missile's velocity (m/s^2)
  Vec3 target_vel = Vec3::Zero();      // at the PIP (m/s)
  Vec3 target_accel = Vec3::Zero();    // total, gravity included (m/s^2)
  Vec3 gravity = Vec3::Zero();         // (m/s^2)
};

// Magnitude of the lateral acceleration (m/s^2) the end game demands of the missile's airframe.
double endgame_lateral_demand(const EndgameGeometry& g, GuidanceLaw law, double nav_constant);

}  // namespace skyshield
