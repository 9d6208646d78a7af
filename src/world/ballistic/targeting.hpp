#pragma once
// The launch solution of a ballistic missile: launch azimuth, pitch-program kick angle and thrust
// cut-off time such that the burnout flight-path angle is the one the trajectory shape asks for
// and the 3-DOF flight (drag, J2, rotating earth) lands on the aim point. Solved by shooting:
// the kick by the secant method on the burnout angle, the cut-off time by regula falsi (Illinois)
// on the downrange miss inside [minimum, total burn], and the azimuth by the cross-range miss.
#include <string>

#include "core/geo.hpp"
#include "world/ballistic/flight.hpp"
#include "world/ballistic/missile_params.hpp"

namespace skyshield {

// Burnout flight-path angle (deg) the shape asks for: the missile's minimum-energy angle for the
// shot (the one needing the least propellant, found by search; near the vacuum 45 deg - psi/4),
// plus the shape's offset for a lofted shot, minus it for a depressed one.
double target_burnout_gamma_deg(const BallisticMissileParams& p, double minimum_energy_deg);

struct TargetingResult {
  bool ok = false;
  std::string error;          // why not, in words for a scenario error
  BallisticPlan plan;
  double miss_m = 0.0;        // predicted impact to aim distance
  double minimum_energy_gamma_deg = 0.0;   // this missile's minimum-energy burnout angle for the shot
};

TargetingResult plan_ballistic_flight(const BallisticMissileParams& p, const Geodetic& launch, const Geodetic& aim,
                                      const GravityModel& gravity = {});

}  // namespace skyshield
