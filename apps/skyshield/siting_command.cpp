#include "siting_command.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>

#include "analysis/monte_carlo.hpp"
#include "analysis/siting_raster.hpp"
#include "analysis/siting_study.hpp"
#include "analysis/statistics.hpp"
#include "core/error.hpp"
#include "core/parse_number.hpp"
#include "output_dir.hpp"
#include "record/output_set.hpp"
#include "scenario/loader.hpp"

namespace skyshield {

namespace {

std::vector<double> parse_heights(const std::string& text) {
  std::vector<double> out;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    const std::optional<double> v = parse_finite_number(item);
    if (!v) throw InputError(fmt::format("--heights: '{}' is not a number", item));
    if (*v <= 0.0 || *v > 30000.0) throw InputError(fmt::format("--heights: {:g} m must be in (0, 30000] m above the ground", *v));
    out.push_back(*v);
  }
  if (out.empty() || out.size() > 16) throw InputError("--heights: give 1 to 16 heights, e.g. 30,100,500");
  return out;
}

double parse_rcs(const std::string& text) {
  const std::optional<double> v = parse_finite_number(text);
  if (!v) throw InputError(fmt::format("--rcs: '{}' is not a number", text));
  if (*v <= 0.0 || *v > 1e4) throw InputError(fmt::format("--rcs: {:g} m2 must be in (0, 10000] m2", *v));
  return *v;
}

std::string file_stem(std::string n) {
  for (char& c : n)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') c = '_';
  return n;
}

struct McSide {
  SampleStats leakers, fired, hits;
};

McSide mc_side(const Scenario& s, int runs, int threads) {
  const MonteCarloResult r = run_monte_carlo(s, runs, threads, s.sim.seed);
  std::vector<double> leak, fired, hits;
  for (const RunRow& row : r.rows) {
    int l = 0;
    for (int v : row.leaked) l += v;
    leak.push_back(l);
    fired.push_back(row.fired);
    hits.push_back(row.asset_hits);
  }
  return {sample_stats(leak), sample_stats(fired), sample_stats(hits)};
}

std::string stat_text(const SampleStats& s) {
  return s.has_ci ? fmt::format("{:.2f} [{:.2f}, {:.2f}]", s.mean, s.ci95.lo, s.ci95.hi) : fmt::format("{:.2f}", s.mean);
}

// Coverage of each radar of `s`, and the count of radars seeing each cell, per height: GeoTIFFs, PNG + SVG maps
// (file names start with `prefix`). Returns the radars' viewsheds.
struct MapSet {
  std::vector<std::unique_ptr<RadarViewshed>> views;
  std::vector<const RadarViewshed*> ptrs;
};

MapSet write_maps(const Scenario& s, const Terrain& ground, const AreaGrid& area, const std::vector<float>& ground_map,
                  const std::vector<double>& hs, const TargetSpec& target, const std::filesystem::path& dir, const std::string& prefix,
                  std::vector<std::string>& written) {
  MapSet m;
  const std::vector<SitedRadar> radars = scenario_radars(s);
  RasterBands all{area, {}, std::vector<std::vector<unsigned char>>(hs.size(), std::vector<unsigned char>(ground_map.size(), 0))};
  for (double h : hs) all.names.push_back(fmt::format("radars detecting, target {:g} m above ground", h));
  for (const SitedRadar& r : radars) {
    m.views.push_back(std::make_unique<RadarViewshed>(ground, s.radar_types[r.type], r.site, target, area));
    m.ptrs.push_back(m.views.back().get());
    RasterBands one{area, {}, coverage_layers(*m.views.back(), area, ground_map, hs)};
    std::string shares;
    for (std::size_t h = 0; h < hs.size(); ++h) {
      one.names.push_back(fmt::format("{} detects a target {:g} m above ground", r.label, hs[h]));
      long long n = 0;
      for (std::size_t k = 0; k < ground_map.size(); ++k) all.bands[h][k] += one.bands[h][k], n += one.bands[h][k];
      shares += fmt::format("  {:g} m: {:.1f} %", hs[h], 100.0 * static_cast<double>(n) / static_cast<double>(ground_map.size()));
    }
    const std::string name = prefix + "coverage_" + file_stem(r.label) + ".tif";
    write_geotiff((dir / name).string(), one);
    written.push_back(name);
    fmt::print("  {:<28} detection range {:6.1f} km; share of the map seen:{}\n", r.label, m.views.back()->range_m() / 1e3, shares);
  }
  write_geotiff((dir / (prefix + "coverage.tif")).string(), all);
  written.push_back(prefix + "coverage.tif");
  std::vector<MapMark> marks;
  for (const SitedRadar& r : radars) marks.push_back({r.label, r.site.lat_deg, r.site.lon_deg, true});
  for (const DefendedAsset& a : s.assets)
    if (a.battalion < 0) marks.push_back({a.name, a.site.lat_deg, a.site.lon_deg, false});
  for (std::size_t h = 0; h < hs.size(); ++h) {
    double bar_m = 0.0;
    const std::vector<unsigned char> rgb = render_map(area, ground_map, all.bands[h], marks, bar_m);
    const std::string png = fmt::format("{}coverage_{:g}m.png", prefix, hs[h]), svg = fmt::format("{}coverage_{:g}m.svg", prefix, hs[h]);
    write_png((dir / png).string(), rgb, area.rows, area.cols);
    write_file_atomically((dir / svg).string(), map_svg(png, area, marks, bar_m,
                                                        fmt::format("{}{}: coverage at {:g} m above ground, {:g} m2, Pd {:g}", s.name,
                                                                    prefix.empty() ? "" : " (optimised siting)", hs[h], target.rcs_m2, target.pd)));
    written.push_back(png);
    written.push_back(svg);
  }
  return m;
}

}  // namespace

CLI::App* SitingCli::add_to(CLI::App& app) {
  CLI::App* c = app.add_subcommand("siting", "Terrain-masked coverage maps (GeoTIFF, PNG), approach corridors of the assets, and "
                                             "battalion placement over candidate sites (--candidates --optimise, --mc N)");
  c->add_option("scenario", scenario, "Scenario YAML file")->required();
  c->add_option("--heights", heights, "Target heights above the local ground, m (comma-separated; the first is the low height of "
                                      "the warning times and the placement)")->capture_default_str();
  c->add_option("--rcs", rcs, "Target RCS, m2")->capture_default_str();
  c->add_option("--pd", pd, "Probability of detection per decision")->check(CLI::Range(0.01, 0.999))->capture_default_str();
  c->add_option("--swerling", swerling, "Swerling case of the target (0-4)")->check(CLI::Range(0, 4))->capture_default_str();
  c->add_option("--cells", cells, "Map cells along the longer side")->check(CLI::Range(10, 4000))->capture_default_str();
  c->add_option("--radials", radials, "Approach directions per asset")->check(CLI::Range(8, 3600))->capture_default_str();
  c->add_option("--speed", speed_mps, "Speed of the low cruise missile, m/s (warning time = first-detection distance / speed)")
      ->check(CLI::Range(1.0, 5000.0))->capture_default_str();
  c->add_option("--warning", warning_s, "Warning time a radial needs to count as covered, s")->check(CLI::Range(0.0, 3600.0))->capture_default_str();
  c->add_option("--approach-km", approach_km, "Length of the approach radials, km")->check(CLI::Range(1.0, 1000.0))->capture_default_str();
  c->add_option("--corridor-deg", corridor_deg, "Half-width of an approach corridor around the bearing of each raid entry's start, deg")
      ->check(CLI::Range(1.0, 180.0))->capture_default_str();
  c->add_option("--candidates", candidates, "Candidate sites (YAML: candidates: [{name, lat, lon}, ...])");
  c->add_flag("--optimise", optimise, "Place the battalions on the candidate sites to maximise the covered share of approach corridors");
  c->add_option("--max-nodes", max_nodes, "Branch-and-bound node limit (beyond it: the greedy + swap result, not proven)")
      ->check(CLI::Range(1LL, 1'000'000'000LL))->capture_default_str();
  c->add_option("--mc", mc_runs, "Monte Carlo runs of the raid for the original and the optimised siting")->check(CLI::Range(0, 100000));
  c->add_option("--threads", threads, "Worker threads of the Monte Carlo (results do not depend on it)")->check(CLI::Range(1, 1024));
  c->add_option("--out", out_dir, "Output directory")->capture_default_str();
  return c;
}

int SitingCli::run() const {
  const std::vector<double> hs = parse_heights(heights);
  TargetSpec target{parse_rcs(rcs), static_cast<Swerling>(swerling), pd};
  if (optimise && candidates.empty()) throw InputError("--optimise needs --candidates SITES.yaml");
  if (mc_runs > 0 && !optimise) throw InputError("--mc needs --candidates SITES.yaml --optimise");
  ApproachSettings approach;
  approach.radials = radials;
  approach.speed_mps = speed_mps;
  approach.warning_s = warning_s;
  approach.length_m = approach_km * 1e3;
  const Scenario s = load_scenario(scenario);
  const Terrain ground(s.terrain);
  const std::vector<CandidateSite> sites = candidates.empty() ? std::vector<CandidateSite>{} : load_candidates(candidates, ground);
  const std::vector<SitedRadar> radars = scenario_radars(s);
  for (const SitedRadar& r : radars)
    if (const std::string why = outside_terrain(ground, r.site.lat_deg, r.site.lon_deg); !why.empty())
      throw InputError(fmt::format("{}: radar {}: {}", scenario, r.label, why));
  const AreaGrid area = siting_area(s, ground, sites, target, cells);
  const std::filesystem::path dir = make_output_dir(out_dir);
  const std::vector<float> ground_map = area_ground(ground, area);

  std::vector<std::string> written;
  fmt::print("Coverage of '{}' against {:g} m2 (Swerling {}), Pd {:g}, {} x {} cells of {:.0f} m\n", s.name, target.rcs_m2, swerling,
             pd, area.cols, area.rows, area.cell_m());
  const MapSet maps = write_maps(s, ground, area, ground_map, hs, target, dir, "", written);
  const std::vector<const RadarViewshed*>& view_ptrs = maps.ptrs;

  // Approach corridors of the assets.
  std::vector<ApproachRadials> rad;
  std::vector<const DefendedAsset*> assets;
  std::vector<int> asset_index;
  std::vector<std::vector<char>> corridors;
  for (std::size_t i = 0; i < s.assets.size(); ++i) {
    const DefendedAsset& a = s.assets[i];
    if (a.battalion >= 0) continue;   // a defended radar is not an approach corridor's end
    assets.push_back(&a);
    asset_index.push_back(static_cast<int>(i));
    corridors.push_back(corridor_radials(s, static_cast<int>(i), radials, corridor_deg));
    rad.push_back(approach_radials(ground, a.site, approach));
  }
  fmt::print("\nApproach directions ({} radials of {:g} km; covered = first detected >= {:.1f} km out, {:g} s at {:g} m/s; corridor = "
             "within {:g} deg of a raid entry's start)\n",
             radials, approach_km, approach.required_m() / 1e3, warning_s, speed_mps, corridor_deg);
  fmt::print("{:<20} {:>6}", "asset", "value");
  for (double h : hs) fmt::print(" {:>9}", fmt::format("{:g} m", h));
  fmt::print(" {:>22} {:>18} {:>18}\n", fmt::format("warning @{:g} m mean s", hs[0]), "worst radial s",
             fmt::format("corridor @{:g} m", hs[0]));
  std::string csv = "asset,azimuth_deg,height_m,first_detection_km,warning_s,covered\n";
  nlohmann::json js;
  js["scenario"] = s.name;
  js["target"] = {{"rcs_m2", target.rcs_m2}, {"swerling", swerling}, {"pd", pd}};
  js["approach"] = {{"radials", radials}, {"length_km", approach_km}, {"speed_mps", speed_mps}, {"warning_s", warning_s},
                    {"required_km", approach.required_m() / 1e3}};
  js["heights_m"] = hs;
  js["corridor_half_width_deg"] = corridor_deg;
  for (std::size_t a = 0; a < assets.size(); ++a) {
    std::string row = fmt::format("{:<20} {:>6g}", assets[a]->name, assets[a]->value), warning;
    nlohmann::json ja{{"name", assets[a]->name}, {"value", assets[a]->value}};
    for (std::size_t h = 0; h < hs.size(); ++h) {
      const std::vector<double> first = first_detection_m(rad[a], view_ptrs, hs[h]);
      const double share = covered_share(first, approach.required_m());
      row += fmt::format(" {:>8.1f}%", 100.0 * share);
      ja["covered_share"].push_back(share);
      for (int r = 0; r < radials; ++r)
        csv += fmt::format("{},{:g},{:g},{:.3f},{:.1f},{}\n", assets[a]->name, 360.0 * r / radials, hs[h], first[r] / 1e3,
                           first[r] / speed_mps, first[r] >= approach.required_m() ? 1 : 0);
      if (h == 0) {
        double sum = 0.0, worst = 1e300;
        int in = 0, covered = 0;
        for (int r = 0; r < radials; ++r) {
          sum += first[r] / speed_mps, worst = std::min(worst, first[r] / speed_mps);
          in += corridors[a][r], covered += corridors[a][r] && first[r] >= approach.required_m();
        }
        warning = fmt::format(" {:>22.1f} {:>18.1f} {:>17.1f}%", sum / radials, worst, 100.0 * covered / std::max(1, in));
        ja["corridor_radials"] = in;
        ja["corridor_covered_share"] = static_cast<double>(covered) / std::max(1, in);
        ja["low_warning_mean_s"] = sum / radials;
        ja["low_warning_worst_s"] = worst;
      }
    }
    fmt::print("{}{}\n", row, warning);
    js["assets"].push_back(ja);
  }
  write_file_atomically((dir / "approach.csv").string(), csv);
  written.push_back("approach.csv");

  if (optimise) {
    // The original sites are candidates too: the search never does worse than what the scenario has.
    std::vector<CandidateSite> all_sites = sites;
    for (const BattalionSpec& b : s.battalions) all_sites.push_back({b.name + " (original)", b.command_post.lat_deg, b.command_post.lon_deg});
    const PlacementProblem p = build_placement(s, ground, area, all_sites, rad, asset_index, corridors, target, approach, hs[0]);
    std::vector<int> original;
    for (std::size_t b = 0; b < s.battalions.size(); ++b) original.push_back(static_cast<int>(sites.size() + b));
    const Placement greedy = place_greedy_swap(p);
    const Placement best = place_exact(p, max_nodes);
    fmt::print("\nPlacement of {} battalion(s) over {} sites ({} candidates + the original ones); objective: value-weighted share of "
               "corridor radials covered at {:g} m\n",
               p.units, p.sites, sites.size(), hs[0]);
    fmt::print("  original siting      {:6.1f} %\n  greedy + swap        {:6.1f} %\n  branch and bound     {:6.1f} %  ({}, {} nodes)\n",
               100.0 * placement_value(p, original), 100.0 * greedy.value, 100.0 * best.value,
               best.optimal ? "proven optimal" : "node limit reached: not proven", best.nodes);
    nlohmann::json jp{{"original_share", placement_value(p, original)}, {"greedy_swap_share", greedy.value},
                      {"best_share", best.value}, {"proven_optimal", best.optimal}, {"nodes", best.nodes}};
    std::vector<int> site_of(s.battalions.size());
    for (std::size_t b = 0; b < s.battalions.size(); ++b) {
      site_of[b] = best.site_of_unit[b];
      const CandidateSite& c = all_sites[site_of[b]];
      fmt::print("  {:<20} -> {} ({:.5f}, {:.5f})\n", s.battalions[b].name, c.name, c.lat_deg, c.lon_deg);
      jp["sites"].push_back({{"battalion", s.battalions[b].name}, {"site", c.name}, {"lat", c.lat_deg}, {"lon", c.lon_deg}});
    }
    js["placement"] = jp;
    const Scenario moved = relocate_battalions(s, site_of, all_sites);
    fmt::print("\nCoverage with the optimised siting\n");
    write_maps(moved, ground, area, ground_map, hs, target, dir, "optimised_", written);
    if (mc_runs > 0) {
      const McSide before = mc_side(s, mc_runs, threads), after = mc_side(moved, mc_runs, threads);
      fmt::print("\nMonte Carlo of the raid, {} runs from seed {} (mean [95 % CI])\n{:<22} {:>26} {:>26}\n", mc_runs, s.sim.seed, "",
                 "original siting", "optimised siting");
      fmt::print("{:<22} {:>26} {:>26}\n", "leakers", stat_text(before.leakers), stat_text(after.leakers));
      fmt::print("{:<22} {:>26} {:>26}\n", "interceptors fired", stat_text(before.fired), stat_text(after.fired));
      fmt::print("{:<22} {:>26} {:>26}\n", "asset hits", stat_text(before.hits), stat_text(after.hits));
      std::string mc = "siting,metric,mean,ci_lo,ci_hi,sd,runs\n";
      for (const auto& [label, side] : {std::pair{"original", &before}, std::pair{"optimised", &after}})
        for (const auto& [metric, st] : {std::pair{"leakers", &side->leakers}, std::pair{"interceptors_fired", &side->fired},
                                         std::pair{"asset_hits", &side->hits}})
          mc += fmt::format("{},{},{:.6g},{:.6g},{:.6g},{:.6g},{}\n", label, metric, st->mean, st->ci95.lo, st->ci95.hi, st->sd, st->n);
      write_file_atomically((dir / "siting_mc.csv").string(), mc);
      written.push_back("siting_mc.csv");
    }
  }
  write_file_atomically((dir / "siting.json").string(), js.dump(2) + "\n");
  written.push_back("siting.json");
  std::string list;
  for (const std::string& w : written) list += (list.empty() ? "" : ", ") + (std::filesystem::path(out_dir) / w).string();
  fmt::print("\nWrote {}\n", list);
  return 0;
}

}  // namespace skyshield
