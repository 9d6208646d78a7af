#pragma once
// Kinematic classification of a track into a threat class from its speed, altitude and flight profile.
#include "core/threat_class.hpp"
#include "tracking/track.hpp"

namespace skyshield {

struct ClassifierParams {
  double ballistic_min_speed_mps = 1200.0;   // faster than any air-breather in the raid library
  double ballistic_min_altitude_m = 20000.0; // or above this altitude ...
  double ballistic_min_speed_high_mps = 800.0; // ... faster than this
  double drone_max_speed_mps = 90.0;         // slower than any aircraft or cruise missile
  double cruise_max_altitude_m = 500.0;      // low fliers faster than drones
  double ballistic_profile_probability = 0.9; // IMM ballistic-model probability that, with ...
  double ballistic_profile_min_speed_mps = 600.0;  // ... at least this speed, marks a ballistic track
};

// altitude_m: the track's height above the ellipsoid (computed by the caller from its frame);
// ballistic_probability: the probability of the ballistic motion model in the track's IMM (its
// flight profile: gravity and drag alone explain the motion).
ThreatClass classify_track(const Track& track, double altitude_m, double ballistic_probability,
                           const ClassifierParams& p = {});

}  // namespace skyshield
