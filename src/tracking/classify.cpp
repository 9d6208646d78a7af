#include "tracking/classify.hpp"

namespace skyshield {

ThreatClass classify_track(const Track& track, double altitude_m, double ballistic_probability, const ClassifierParams& p) {
  const double speed = track.velocity().norm();
  if (speed >= p.ballistic_min_speed_mps || (altitude_m >= p.ballistic_min_altitude_m && speed > p.ballistic_min_speed_high_mps) ||
      (ballistic_probability >= p.ballistic_profile_probability && speed >= p.ballistic_profile_min_speed_mps))
    return ThreatClass::BallisticMissile;
  if (speed <= p.drone_max_speed_mps) return ThreatClass::Drone;
  if (altitude_m <= p.cruise_max_altitude_m) return ThreatClass::CruiseMissile;
  return ThreatClass::Aircraft;
}

}  // namespace skyshield
