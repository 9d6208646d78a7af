#pragma once
// Candidate sites for the placement search (a YAML file) and the scenario with its battalions moved.
//   candidates:
//     - {name: north-ridge, lat: -25.10, lon: 135.02}
// Every field is required; a site outside the terrain grid (kind: grid) is refused, naming the file,
// line and field.
#include <string>
#include <vector>

#include "scenario/scenario.hpp"

namespace skyshield {

struct CandidateSite {
  std::string name;
  double lat_deg = 0.0, lon_deg = 0.0;
};

std::vector<CandidateSite> load_candidates(const std::string& path, const Terrain& terrain);

// The latitude/longitude box of the scenario's elevation data; false for flat ground and hills.
bool terrain_data_box(const Terrain& terrain, double& south, double& north, double& west, double& east);
// Empty when (lat, lon) is inside the terrain's data (always, for flat and hills), else the reason.
std::string outside_terrain(const Terrain& terrain, double lat_deg, double lon_deg);

// p moved with a command post from `from` to `to`: the same distance and bearing from it, the same
// height above the local ground.
Geodetic move_with(const Geodetic& p, const Geodetic& from, const Geodetic& to, const Terrain& ground);
// A command post at `from` moved onto the candidate site (the same height above the local ground).
Geodetic moved_site(const Geodetic& from, const CandidateSite& site, const Terrain& ground);

// The scenario with battalion b moved to site_of_battalion[b] (-1: left where it is): its command post,
// radars and launchers keep their distances and bearings from the command post and their heights
// above the local ground; radar masks are rebuilt; defended radars move with their radars.
Scenario relocate_battalions(const Scenario& s, const std::vector<int>& site_of_battalion,
                             const std::vector<CandidateSite>& sites);

}  // namespace skyshield
