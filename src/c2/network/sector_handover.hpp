#pragma once
// Sectors of responsibility in a network of battalions. Each battalion engages inside its own sector
// (scenario `sector:`, all round by default); one that has lost its engagement radar hands its sector
// to the nearest battalion (by command-post distance) that can still fire.
#include <vector>

#include "c2/network/unit_status.hpp"
#include "c2/sector.hpp"

namespace skyshield {

// The battalion that takes over from `down` (the nearest one with fire control), or -1.
int sector_heir(const std::vector<BattalionStatus>& all, int down);

// The sectors battalion b engages in, in b's frame: its own and those handed to it. Empty when one
// of them is all round (no restriction).
std::vector<Sector> responsible_sectors(const std::vector<BattalionStatus>& all, int b);

}  // namespace skyshield
