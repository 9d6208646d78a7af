#pragma once
// The `regiments:` level of a scenario: regiment command posts over named battalions.
//   regiments:
//     - name: rgt-1
//       battalions: [bn-a, bn-b]         # each battalion in at most one regiment
//       decision_period_s: 2.0
//       link_latency_s: 0.5              # regiment -> battalion fire orders
//       order_loss: 0.0                  # probability that an order message is lost (seeded)
//       cost_weight: 0.0                 # weigh interceptor cost against threat value (0 = value only)
//       reserve_weight: 0.0              # value the rounds each battalion keeps (c2/network/reserve.hpp; 0 = none)
//       wta_solver: greedy               # greedy | exact | heuristic
//       links: [{battalion: bn-b, cut_at_s: 300}]   # the battalion's link fails: it decides alone
#include <vector>

#include "scenario/scenario.hpp"
#include "scenario/yaml_node.hpp"

namespace skyshield {

std::vector<RegimentSpec> parse_regiments(const YamlNode& n, const Scenario& s);

}  // namespace skyshield
