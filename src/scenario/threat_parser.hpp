#pragma once
// One `threats:` line of a scenario: a raid of `count` threats of one type (with interval, time
// and space spread), ballistic launch solutions, weapons an aircraft releases, and the objects a
// separating ballistic missile releases (spent stage, decoys).
#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include "scenario/positions.hpp"
#include "scenario/scenario.hpp"
#include "world/ballistic/flight.hpp"

namespace skyshield {

// What the lines read so far hold, for the raid's limits (scenario/limits.hpp) and shared solves.
struct RaidBook {
  std::set<std::string> names;       // every threat name so far (copies and released objects too)
  std::size_t route_points = 0;      // route points held by all threats so far
  // Ballistic launch solutions by (type, trajectory shape, launch lat, lon, alt, aim lat, lon, alt).
  using SolveKey = std::tuple<int, int, double, double, double, double, double, double>;
  std::map<SolveKey, BallisticPlan> solves;
};

// Appends the threats of line n to s.threats (and any synthesised object types to s.threat_types).
void parse_threat(const YamlNode& n, Scenario& s, const Places& places, RaidBook& book);

}  // namespace skyshield
