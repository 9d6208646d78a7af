#pragma once
// The friendly side of a scenario (docs/identification.md): `corridors:`, `friendlies:` (flights
// flown like the raid's aircraft, marked friendly), `identification:` (IFF interrogators, the rule
// table, the hostile point of origin) and a battalion doctrine's `weapons_control:`.
#include "c2/weapons_control.hpp"
#include "scenario/positions.hpp"
#include "scenario/scenario.hpp"
#include "scenario/threat_parser.hpp"

namespace skyshield {

// Reads `corridors:`, `identification:` and `friendlies:` of the scenario root (after the raid).
void parse_friendly_side(const YamlNode& root, Scenario& s, const Places& places, RaidBook& book);
// A doctrine's `weapons_control:` {default, windows: [{status, from_s, to_s, sector: {center_deg, width_deg}}]}.
WeaponsControl parse_weapons_control(const YamlNode& n);
// A probability field in [0, 1] (default when absent).
double probability_or(const YamlNode& n, const char* key, double fallback);

}  // namespace skyshield
