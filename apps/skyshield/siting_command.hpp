#pragma once
// `skyshield siting SCENARIO`: terrain-masked coverage maps of the scenario's radars (GeoTIFF, PNG + SVG),
// the approach corridors of its assets, and (--candidates --optimise) the placement of its battalions
// over candidate sites, with (--mc N) a Monte Carlo of the raid for the original and the best siting.
#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>

namespace skyshield {

struct SitingCli {
  std::string scenario, out_dir = "out/siting", candidates;
  std::string heights = "30,100,500", rcs = "0.1";
  double pd = 0.9;
  int swerling = 1, cells = 600, radials = 360, mc_runs = 0, threads = 1;
  double speed_mps = 245.0, warning_s = 60.0, approach_km = 60.0, corridor_deg = 30.0;
  bool optimise = false;
  long long max_nodes = 5'000'000;

  CLI::App* add_to(CLI::App& app);
  int run() const;
};

}  // namespace skyshield
