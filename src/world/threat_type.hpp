#pragma once
// Parameters of a threat type from the scenario library (notional, public figures; sources in
// scenarios/library/threats.yaml).
#include <string>

#include "core/threat_class.hpp"
#include "world/ballistic/missile_params.hpp"
#include "world/truth_view.hpp"

namespace skyshield {

struct ThreatType {
  std::string name;
  ThreatClass cls = ThreatClass::Aircraft;
  double rcs_m2 = 1.0;                 // mean RCS
  Swerling swerling = Swerling::Case1;
  double unit_cost = 0.0;              // notional cost, same unit as interceptors'; 0 = not given
  // Air-breathers (aircraft, drones, cruise missiles).
  double speed_mps = 250.0;
  double max_load_factor = 4.0;        // g; sets the turn rate omega = g sqrt(n^2 - 1) / v
  double max_climb_rate_mps = 50.0;    // climb and descent limit
  // Ballistic missiles: stages, re-entry vehicle, trajectory shape.
  BallisticMissileParams ballistic;
};

}  // namespace skyshield
