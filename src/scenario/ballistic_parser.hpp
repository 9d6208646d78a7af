#pragma once
// Parsing of a ballistic missile type's stages, re-entry vehicle, trajectory shape, MaRV and
// decoys from the scenario library, with the physical checks (lift-off, positive burns).
#include "scenario/yaml_node.hpp"
#include "world/ballistic/missile_params.hpp"

namespace skyshield {

// Fills p from a threat type node (the keys listed in kBallisticTypeKeys).
void parse_ballistic_params(const YamlNode& n, BallisticMissileParams& p);
// "minimum_energy" | "lofted" | "depressed".
TrajectoryShape parse_trajectory_shape(const YamlNode& n);

}  // namespace skyshield
