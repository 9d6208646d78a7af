#pragma once
// Parameters of a threat type from the scenario library (notional, public figures; sources in
// scenarios/library/threats.yaml).
#include <string>

#include "core/threat_class.hpp"
#include "world/air_vehicle.hpp"
#include "world/arm_seeker.hpp"
#include "world/ballistic/missile_params.hpp"
#include "world/truth_view.hpp"

namespace skyshield {

struct ThreatType {
  std::string name;
  ThreatClass cls = ThreatClass::Aircraft;
  RcsPattern rcs;                      // mean RCS against aspect
  Swerling swerling = Swerling::Case1;
  JammerParams jammer;                 // noise jammer on board (power 0 = none)
  DeceptionJammerParams deception;     // range/velocity-gate pull-off repeater on board (power 0 = none)
  double unit_cost = 0.0;              // notional cost, same unit as interceptors'; 0 = not given
  bool decoy = false;                  // a decoy or debris: no warhead; reported apart from real threats
  // Air-breathers (aircraft, drones, cruise missiles).
  AirVehicleParams air;
  // Anti-radiation missiles: the passive seeker (world/arm_seeker.hpp); band 0 = not an ARM.
  ArmSeekerParams arm;
  // Ballistic missiles: stages, re-entry vehicle, trajectory shape.
  BallisticMissileParams ballistic;
  // Released ballistic objects (spent stage, decoys): unpowered, this ballistic coefficient.
  double object_ballistic_coefficient = 0.0;   // > 0 marks such an object type
  double object_separation_mps = 0.0;          // sigma of its random separation velocity per axis
};

}  // namespace skyshield
