#pragma once
// Outer layers first across the network: a battalion holds fire on a threat that a battalion of
// longer reach could engage, until its own last chance (c2/command_post: outer_cover). "Could
// engage" is geometric: that battalion has fire control, rounds of a longer-reaching class, the
// threat inside its sector of responsibility and within that class's maximum range of its command
// post now. It need not hold a track yet; if it never engages, the inner battalion still fires at
// its last chance.
#include <vector>

#include "c2/network/unit_status.hpp"
#include "weapons/interceptor_class.hpp"

namespace skyshield {

// Longest maximum range among the battalion's interceptor classes with rounds left (0 if none).
double battalion_reach(const BattalionStatus& b, const std::vector<InterceptorClass>& classes);

// Ids of battalion b's confirmed tracks (`tracks`) that an outer-layer battalion could engage now.
std::vector<int> covered_by_outer_layers(const std::vector<BattalionStatus>& all, int b, const std::vector<TrackEstimate>& tracks,
                                         const std::vector<InterceptorClass>& classes);

}  // namespace skyshield
