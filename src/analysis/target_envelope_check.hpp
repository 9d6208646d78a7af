#pragma once
// The envelope of an interceptor class against one target class: the class's table row for that
// target class and speed (weapons/target_envelope.hpp: what fire control allows) drawn over the
// guided-flyout grid (analysis/envelope.hpp: what the physics reaches), and checked against it:
//  - every grid point inside the row (slant range and altitude band) must be inside the class's
//    kinematic flyout (its FlyoutModel: the reach fire control plans with) - the verdict;
//  - and, for information, how many of them a full guided flight also hits against a target of the
//    row's speed (within the lethal radius): a ballistic target dives through the point at 45 deg
//    (the order of a minimum-energy re-entry angle, see docs/envelopes.md); the others fly level.
#include <vector>

#include "analysis/envelope.hpp"

namespace skyshield {

struct TargetEnvelopeCheck {
  TargetEnvelope row;
  int in_table = 0;                        // grid points inside the row
  int reached = 0;                         // of those, inside the kinematic flyout's reach
  std::vector<EnvelopePoint> unreached;    // the others: the table claims more than the physics
  int hit = 0;                             // of those in the table, hit by the guided flight (moving target)
};

// The grid spans 1.1 x the row's maximum range and the class's altitude band; opt's target speed
// picks the row (speed band). Throws InputError when the class has no table row for that target
// class and speed.
Envelope compute_target_envelope(const InterceptorClass& c, ThreatClass target, EnvelopeOptions opt,
                                 TargetEnvelopeCheck& check);

// Ballistic targets dive through the grid points at this angle.
inline constexpr double kBallisticDiveDeg = 45.0;

}  // namespace skyshield
