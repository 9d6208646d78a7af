#pragma once
// The narrow window through which sensors and seekers see the truth: where a physical target is,
// how it moves, how it reflects and what it emits. No name, no intent. Its true class and whether it
// is a decoy are there for the warhead's lethality only (weapons/lethality.hpp: the object actually
// hit); sensors, trackers and the command centre never read them.
#include "core/threat_class.hpp"
#include "core/vec.hpp"
#include "world/jammer.hpp"
#include "world/rcs.hpp"

namespace skyshield {

// Swerling fluctuation case of a target's radar cross-section (0 = non-fluctuating).
enum class Swerling { Case0 = 0, Case1 = 1, Case2 = 2, Case3 = 3, Case4 = 4 };

struct TruthView {
  int id = -1;                     // truth entity id; used only for scoring logs, never by the tracker
  Vec3 pos_ecef = Vec3::Zero();    // m
  Vec3 vel_ecef = Vec3::Zero();    // m/s
  RcsPattern rcs;                  // mean radar cross-section against aspect
  Swerling swerling = Swerling::Case1;
  const JammerParams* jammer = nullptr;   // noise jammer on board, if any
  ThreatClass true_class = ThreatClass::Aircraft;  // for lethality only (see above)
  bool decoy = false;                              // for lethality only
  const DeceptionJammerParams* deception = nullptr;   // deception repeater on board, if any

  // Mean RCS seen from observer_ecef.
  double rcs_toward(const Vec3& observer_ecef) const { return rcs.toward(pos_ecef, vel_ecef, observer_ecef); }
};

}  // namespace skyshield
