#pragma once
// Parser of the library's `discrimination:` table (c2/discrimination.hpp): the object kinds of a
// ballistic raid with their priors and feature likelihoods. Refused with file:line: a probability
// outside [0, 1], priors that do not sum to 1, a sigma that is not positive, a table with no lethal
// kind or no non-lethal kind, a second table.
#include "c2/discrimination.hpp"
#include "scenario/yaml_node.hpp"

namespace skyshield {

void parse_discrimination(const YamlNode& n, DiscriminationParams& out);
// A `{mean, sigma}` feature (mean in [lo, hi], 0 < sigma <= max_sigma), shared with the air-decoy table.
GaussianFeature parse_gaussian_feature(const YamlNode& n, double lo, double hi, double max_sigma);
// A probability in [0, 1], refused with file:line otherwise.
double parse_probability(const YamlNode& n);

}  // namespace skyshield
