#pragma once
// Warhead lethality: the kill probability of a burst at a miss distance against the object actually
// there - its TRUE class (a decoy drone is a drone, whatever the track said) - from the interceptor
// class's parameters (scenarios/library/interceptors.yaml, notional): pk[true class] at zero miss
// times the fall with the miss distance (pk_vs_miss), nothing beyond the lethal radius (where the
// fuze does not function): a cookie-cutter with a taper, the usual Pk-vs-miss-distance form of
// endgame analysis (e.g. Ball, The Fundamentals of Aircraft Combat Survivability Analysis and Design).
#include "core/threat_class.hpp"

namespace skyshield {

struct InterceptorClass;

double kill_probability(const InterceptorClass& c, ThreatClass true_class, double miss_m);

}  // namespace skyshield
