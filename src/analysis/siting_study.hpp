#pragma once
// The pieces of `skyshield siting` that work on a whole scenario: its radars, the mapped area, the
// approach corridors of its assets, and the placement problem of its battalions over candidate sites.
#include <string>
#include <vector>

#include "analysis/siting_approach.hpp"
#include "analysis/siting_placement.hpp"
#include "analysis/siting_sites.hpp"
#include "scenario/scenario.hpp"

namespace skyshield {

struct SitedRadar {
  std::string label;     // "battalion/radar"
  int battalion = -1;
  int type = -1;         // into Scenario::radar_types
  Geodetic site;         // the radar's position (height above the ellipsoid, as in the scenario)
};

std::vector<SitedRadar> scenario_radars(const Scenario& s);

// The mapped area: the terrain grid's extent (kind: grid), else the radars, assets and candidates with
// a margin of the longest detection range (at most 300 km); about `cells` cells along its longer side.
AreaGrid siting_area(const Scenario& s, const Terrain& terrain, const std::vector<CandidateSite>& candidates,
                     const TargetSpec& target, int cells);

// First-detection distances of every asset's radials at height h_m by the given radars.
std::vector<std::vector<double>> asset_first_detection(const std::vector<ApproachRadials>& assets,
                                                        const std::vector<const RadarViewshed*>& radars, double h_m);

// Approach corridors of asset `asset` (an index into Scenario::assets): the radials within half_width_deg
// of the bearing from the asset to the start of some raid entry aimed at it (route start, or launch
// point); every radial when no threat aims at it.
std::vector<char> corridor_radials(const Scenario& s, int asset, int radials, double half_width_deg);

// Units = the scenario's battalions; sites = the candidates. Element (asset, radial) is covered by a
// battalion at a site when the battalion's radars, moved there (analysis/siting_sites.hpp), first
// detect a target inbound on that radial at h_m at least approach.required_m() out. Only the radials of
// the corridors count (corridors[a][r] != 0); weights: the asset's value / its corridor radials, divided
// by the total value (the objective is a value-weighted share in [0, 1]). asset_index[a]: the asset of
// assets[a] in Scenario::assets.
PlacementProblem build_placement(const Scenario& s, const Terrain& terrain, const AreaGrid& area,
                                 const std::vector<CandidateSite>& sites, const std::vector<ApproachRadials>& assets,
                                 const std::vector<int>& asset_index, const std::vector<std::vector<char>>& corridors,
                                 const TargetSpec& target, const ApproachSettings& approach, double h_m);

}  // namespace skyshield
