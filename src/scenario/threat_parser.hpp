#pragma once
// One `threats:` line of a scenario: a raid of `count` threats of one type (with interval, time
// and space spread), ballistic launch solutions, weapons an aircraft releases, and the objects a
// separating ballistic missile releases (spent stage, decoys).
#include "scenario/positions.hpp"
#include "scenario/scenario.hpp"

namespace skyshield {

// Appends the threats of line n to s.threats (and any synthesised object types to s.threat_types).
void parse_threat(const YamlNode& n, Scenario& s, const Places& places);

}  // namespace skyshield
