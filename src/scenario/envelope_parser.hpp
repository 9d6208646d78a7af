#pragma once
// Parser of an interceptor class's `envelopes:` table (weapons/target_envelope.hpp): one entry per
// target class (aircraft, drone, cruise_missile, ballistic_missile; every one required), each a
// single row {min_range_km, max_range_km, min_altitude_m, max_altitude_m, pk} or a list of speed
// bands, the same fields plus up_to_speed_kmps, strictly increasing. Refused with file:line:
// a missing target class, a probability outside [0, 1] or above the warhead's zero-miss pk for that
// class, limits outside the class's published envelope, bands whose speed bounds do not increase or
// whose pk or maximum range grows with the target's speed (a faster target is never easier).
#include "scenario/yaml_node.hpp"
#include "weapons/interceptor_class.hpp"

namespace skyshield {

// `cls` has its published envelope and warhead pk already parsed.
EnvelopeTable parse_envelopes(const YamlNode& n, const InterceptorClass& cls);

}  // namespace skyshield
