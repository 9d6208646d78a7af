#pragma once
// Parser of the library's `air_decoy_discrimination:` table (c2/decoy_discrimination.hpp): the kinds
// of air-breathing tracks with their priors and feature likelihoods. Refused with file:line: a
// probability outside [0, 1], priors that do not sum to 1, a sigma that is not positive, a table with
// no decoy kind or no real kind, a second table.
#include "c2/decoy_discrimination.hpp"
#include "scenario/yaml_node.hpp"

namespace skyshield {

void parse_air_decoy_discrimination(const YamlNode& n, DecoyDiscriminationParams& out);

}  // namespace skyshield
