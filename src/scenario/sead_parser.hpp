#pragma once
// Parsers of the suppression-of-air-defences keys (docs/sead.md): a threat type's `arm:` seeker, a
// doctrine's `emcon:` and the scenario's `decoy_emitters:`. Every error names the file, line and field.
#include <vector>

#include "c2/emcon.hpp"
#include "scenario/positions.hpp"
#include "scenario/scenario.hpp"
#include "scenario/yaml_node.hpp"
#include "world/arm_seeker.hpp"
#include "world/emitter.hpp"

namespace skyshield {

ArmSeekerParams parse_arm_seeker(const YamlNode& n);
EmconParams parse_emcon(const YamlNode& n);
DeceptionJammerParams parse_deception(const YamlNode& n);
// Needs the battalions (a decoy `mimics:` one of their radars, "battalion/radar").
std::vector<DecoyEmitterSpec> parse_decoy_emitters(const YamlNode& n, const Scenario& s, const Places& places, const Terrain& ground);

}  // namespace skyshield
