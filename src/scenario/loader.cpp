#include "scenario/loader.hpp"
#include "scenario/regiment_parser.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>

#include "core/error.hpp"
#include "core/units.hpp"
#include "scenario/air_vehicle_parser.hpp"
#include "scenario/doctrine_parser.hpp"
#include "scenario/friendly_parser.hpp"
#include "scenario/sead_parser.hpp"
#include "scenario/interceptor_parser.hpp"
#include "scenario/library_parsers.hpp"
#include "scenario/decoy_discrimination_parser.hpp"
#include "scenario/discrimination_parser.hpp"
#include "scenario/limits.hpp"
#include "scenario/positions.hpp"
#include "scenario/terrain_parser.hpp"
#include "scenario/threat_parser.hpp"
#include "sensors/radar.hpp"
#include "scenario/yaml_node.hpp"

namespace skyshield {

namespace {
constexpr double kMinLauncherSpacingM = 10.0;    // two launchers cannot stand on one spot
constexpr double kMinBattalionSpacingM = 100.0;  // nor two battalions' command posts

template <typename T, typename Parse>
void parse_library_section(const YamlNode& root, const char* key, std::vector<T>& out, Parse parse) {
  const auto section = root.optional(key);
  if (!section) return;
  for (const auto& [name, node] : section->entries()) {
    if (name.empty() || name.size() > limits::kMaxNameBytes)
      node.fail(fmt::format("a name of {} bytes: names are 1 to {} bytes", name.size(), limits::kMaxNameBytes));
    if (std::any_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }))
      node.fail("a name cannot hold control characters (a line break or a tab)");
    for (const auto& existing : out)
      if (existing.name == name) node.fail(fmt::format("'{}' is defined twice", name));
    out.push_back(parse(name, node));
  }
}

void parse_library(const YamlNode& root, Scenario& s) {
  parse_library_section(root, "interceptor_classes", s.interceptor_classes, parse_interceptor_class);
  parse_library_section(root, "radar_types", s.radar_types, parse_radar_type);
  parse_library_section(root, "threat_types", s.threat_types, parse_threat_type);
  if (const auto d = root.optional("discrimination")) parse_discrimination(*d, s.discrimination);
  if (const auto d = root.optional("air_decoy_discrimination")) parse_air_decoy_discrimination(*d, s.air_decoy_discrimination);
}

void parse_simulation(const YamlNode& n, SimSettings& sim) {
  n.allow_only({"step_s", "duration_s", "seed", "trajectory_sample_s", "fidelity"});
  sim.step_s = n.number_or("step_s", 1e-4, 1.0, sim.step_s);
  sim.duration_s = n.number_or("duration_s", 1.0, 86400.0, sim.duration_s);
  if (const auto seed = n.optional("seed")) sim.seed = static_cast<std::uint64_t>(seed->integer(0, INT64_MAX));
  sim.trajectory_sample_s = n.number_or("trajectory_sample_s", sim.step_s, 3600.0, sim.trajectory_sample_s);
  if (const auto f = n.optional("fidelity")) {
    const std::optional<Fidelity> v = fidelity_from_string(f->str());
    if (!v) f->fail("must be full or fast (got '" + f->str() + "')");
    sim.fidelity = *v;
  }
  const double steps = std::ceil(sim.duration_s / sim.step_s - 1e-6);  // 200 s / 1e-4 s is 2e6 steps, not 2e6 + 1
  if (steps > limits::kMaxSteps) {
    const YamlNode at = n.optional("step_s") ? n.required("step_s") : n.optional("duration_s") ? n.required("duration_s") : n;
    at.fail(fmt::format("duration_s / step_s = {:.0f} steps, more than the {:.0f} a run may take: lengthen step_s or shorten duration_s",
                        steps, limits::kMaxSteps));
  }
}

// A new track's velocity sigma when the scenario gives none: the initiation gate (chi-square
// gate_chi2 on the second detection's offset, whose spread is ~ sigma_v x the time between looks)
// takes an object moving at up to sqrt(gate_chi2) sigma_v. Sized so that it takes every object the
// tracker keeps (max_speed_mps): the fixed 1,000 m/s took only ~4 km/s and an IRBM RV re-entering at
// ~4.5 km/s never became a track (issue 28; docs/bmd.md).
double derived_init_velocity_sigma(const TrackerParams& t) { return t.max_speed_mps / std::sqrt(t.gate_chi2); }

TrackerParams parse_tracker(const std::optional<YamlNode>& n) {
  TrackerParams t;
  // Scenarios keep M-of-N unless they ask for the track score: with the score the BMD scenario
  // confirms 7 of its 8 warheads (tests/sim/test_bmd_scenario.cpp), not yet understood.
  t.track_management = TrackManagement::MOfN;
  if (!n) {
    t.init_velocity_sigma_mps = derived_init_velocity_sigma(t);
    return t;
  }
  n->allow_only({"filter", "models", "mean_sojourn_s", "association", "cv_q", "ca_q", "ct_q", "ballistic_q",
                 "ballistic_beta_kg_m2", "gate_chi2", "gate_chi2_range_rate", "jpda_detection_probability",
                 "jpda_max_events", "confirm_m", "confirm_n", "delete_misses_tentative", "delete_misses_confirmed",
                 "min_coast_confirmed_s", "max_coast_s", "unknown_coverage_tentative_coast_s", "max_position_sigma_m", "init_velocity_sigma_mps",
                 "init_accel_sigma_mps2", "max_speed_mps", "max_accel_mps2", "max_jerk_mps3", "first_model_probability", "merge_min_sigma_m",
                 "track_management", "false_track_probability", "true_track_loss_probability", "initiation",
                 "duplicate_false_merge_probability"});
  if (const auto v = n->optional("filter"))
    if (!filter_kind_from_string(v->str(), t.imm.filter)) v->fail("must be ekf or ukf (got '" + v->str() + "')");
  if (const auto v = n->optional("models")) {
    t.imm.models.clear();
    for (const YamlNode& m : v->list()) {
      MotionModel mm{};
      if (!motion_model_from_string(m.str(), mm)) m.fail("must be one of cv, ca, ct, ballistic (got '" + m.str() + "')");
      if (std::find(t.imm.models.begin(), t.imm.models.end(), mm) != t.imm.models.end()) m.fail("model listed twice");
      t.imm.models.push_back(mm);
    }
    if (t.imm.models.empty()) v->fail("needs at least one motion model");
  }
  t.imm.mean_sojourn_s = n->number_or("mean_sojourn_s", 0.1, 1e6, t.imm.mean_sojourn_s);
  t.imm.first_model_probability = n->number_or("first_model_probability", 0.0, 1.0, t.imm.first_model_probability);
  if (const auto v = n->optional("association"))
    if (!association_from_string(v->str(), t.association)) v->fail("must be gnn or jpda (got '" + v->str() + "')");
  t.imm.noise.cv_q = n->number_or("cv_q", 0.0, 1e6, t.imm.noise.cv_q);
  t.imm.noise.ca_q = n->number_or("ca_q", 0.0, 1e6, t.imm.noise.ca_q);
  t.imm.noise.ct_q = n->number_or("ct_q", 0.0, 1e6, t.imm.noise.ct_q);
  t.imm.noise.ballistic_q = n->number_or("ballistic_q", 0.0, 1e6, t.imm.noise.ballistic_q);
  t.ballistic_beta_kg_m2 = n->number_or("ballistic_beta_kg_m2", 10.0, 1e7, t.ballistic_beta_kg_m2);
  t.gate_chi2 = n->number_or("gate_chi2", 0.1, 1000.0, t.gate_chi2);
  t.gate_chi2_range_rate = n->number_or("gate_chi2_range_rate", 0.1, 1000.0, t.gate_chi2_range_rate);
  t.jpda_detection_probability = n->number_or("jpda_detection_probability", 0.01, 0.999, t.jpda_detection_probability);
  if (const auto v = n->optional("jpda_max_events")) t.jpda_max_events = v->integer(1, 100000000);
  if (const auto v = n->optional("confirm_n")) t.confirm_n = static_cast<int>(v->integer(1, 31));
  if (const auto v = n->optional("confirm_m")) t.confirm_m = static_cast<int>(v->integer(1, t.confirm_n));
  if (const auto v = n->optional("delete_misses_tentative")) t.delete_misses_tentative = static_cast<int>(v->integer(1, 100));
  if (const auto v = n->optional("delete_misses_confirmed")) t.delete_misses_confirmed = static_cast<int>(v->integer(1, 100));
  t.min_coast_confirmed_s = n->number_or("min_coast_confirmed_s", 0.0, 3600.0, t.min_coast_confirmed_s);
  t.max_coast_s = n->number_or("max_coast_s", 0.1, 3600.0, t.max_coast_s);
  t.unknown_coverage_tentative_coast_s =
      n->number_or("unknown_coverage_tentative_coast_s", 0.1, 3600.0, t.unknown_coverage_tentative_coast_s);
  t.max_position_sigma_m = n->number_or("max_position_sigma_m", 1.0, 1e7, t.max_position_sigma_m);
  t.init_accel_sigma_mps2 = n->number_or("init_accel_sigma_mps2", 0.01, 10000.0, t.init_accel_sigma_mps2);
  t.max_speed_mps = n->number_or("max_speed_mps", 1.0, 1e5, t.max_speed_mps);
  t.max_accel_mps2 = n->number_or("max_accel_mps2", 0.0, 1e6, t.max_accel_mps2);
  t.max_jerk_mps3 = n->number_or("max_jerk_mps3", 0.0, 1e7, t.max_jerk_mps3);
  // No fixed default (the schema shows none): derived from max_speed_mps when not given.
  const auto sigma_v = n->optional("init_velocity_sigma_mps");
  t.init_velocity_sigma_mps = sigma_v ? sigma_v->number(1.0, 10000.0) : derived_init_velocity_sigma(t);
  t.merge_min_sigma_m = n->number_or("merge_min_sigma_m", 0.0, 1e5, t.merge_min_sigma_m);
  if (const auto v = n->optional("track_management"))
    if (!track_management_from_string(v->str(), t.track_management)) v->fail("must be score or m_of_n (got '" + v->str() + "')");
  if (const auto v = n->optional("initiation"))
    if (!initiation_from_string(v->str(), t.initiation)) v->fail("must be one_point or two_point (got '" + v->str() + "')");
  t.false_track_probability = n->number_or("false_track_probability", 1e-12, 0.5, t.false_track_probability);
  t.true_track_loss_probability = n->number_or("true_track_loss_probability", 1e-6, 0.5, t.true_track_loss_probability);
  t.duplicate_false_merge_probability = n->number_or("duplicate_false_merge_probability", 0.0, 0.5, t.duplicate_false_merge_probability);
  return t;
}

// magazine: {transloaders: N, reload_time_s: T, stock: {CLASS: rounds, ...}}: only classes the
// battalion's launchers fire.
MagazineConfig parse_magazine(const YamlNode& n, const Scenario& s, const std::vector<LauncherConfig>& launchers) {
  n.allow_only({"transloaders", "reload_time_s", "stock"});
  MagazineConfig m;
  m.transloaders = static_cast<int>(n.required("transloaders").integer(1, 64));
  m.reload_time_s = n.number_at("reload_time_s", 1.0, 86400.0);
  m.stock.assign(s.interceptor_classes.size(), 0);
  const YamlNode stock = n.required("stock");
  for (const auto& [name, value] : stock.entries()) {
    const int cls = find_named(s.interceptor_classes, name, value, "interceptor class");
    const bool fired = std::any_of(launchers.begin(), launchers.end(), [&](const LauncherConfig& l) { return l.interceptor_class == cls; });
    if (!fired) value.fail("no launcher of this battalion fires '" + name + "'");
    m.stock[cls] = static_cast<int>(value.integer(0, 100000));
  }
  return m;
}

// A site must stand on the elevation data (outside it the ground would be base_m, silently) and not
// under the ground (a radar there is blind: the mask hides everything).
void require_on_terrain(const YamlNode& at, const Geodetic& site, const Terrain& ground) {
  if (!ground.covers(site))
    at.fail(fmt::format("site (lat {:.6f}, lon {:.6f}) is outside the terrain's elevation data", site.lat_deg, site.lon_deg));
  const double h = ground.height(site);
  if (site.alt_m < h - 1.0)
    at.fail(fmt::format("alt {:g} m is under the ground ({:.1f} m) at the site; use agl: 0 to stand on it", site.alt_m, h));
}

// Radars marked `defended:` become assets (appended to radar_assets) named "battalion/radar".
BattalionSpec parse_battalion(const YamlNode& n, const Scenario& s, Places& places, const Terrain& ground,
                              std::vector<DefendedAsset>& radar_assets) {
  n.allow_only({"name", "position", "radars", "engagement_radar", "launchers", "magazine", "doctrine", "tracker", "sector"});
  BattalionSpec b;
  b.name = n.name_at("name");
  b.command_post = parse_position(n.required("position"), places, &ground);
  require_on_terrain(n.required("position"), b.command_post, ground);
  places[b.name] = b.command_post;
  for (const YamlNode& r : n.required("radars").list()) {
    r.allow_only({"name", "type", "position", "fails_at_s", "repair_s", "defended"});
    RadarSite site{r.name_at("name"), find_named(s.radar_types, r.required("type"), "radar type"),
                   parse_position(r.required("position"), places, &ground), nullptr};
    require_on_terrain(r.required("position"), site.site, ground);
    for (const RadarSite& other : b.radars)
      if (other.name == site.name) r.required("name").fail("radar name '" + site.name + "' is used twice in this battalion");
    site.mask = Radar::terrain_mask_for(s.radar_types[site.type_index], site.site, ground);
    site.fails_at_s = r.number_or("fails_at_s", 0.0, 1e7, site.fails_at_s);
    site.repair_s = r.number_or("repair_s", 0.0, 1e7, site.repair_s);
    if (const auto d = r.optional("defended")) {
      d->allow_only({"value", "radius_m"});
      DefendedAsset a;
      a.name = b.name + "/" + site.name;
      a.site = site.site;
      a.value = d->number_at("value", 0.0, 1e9);
      a.radius_m = d->number_or("radius_m", 1.0, 1e6, 500.0);
      a.battalion = static_cast<int>(s.battalions.size());
      a.radar = static_cast<int>(b.radars.size());
      radar_assets.push_back(a);
    }
    b.radars.push_back(std::move(site));
  }
  if (b.radars.empty()) n.required("radars").fail("a battalion needs at least one radar");
  const YamlNode er = n.required("engagement_radar");
  b.engagement_radar = find_named(b.radars, er, "radar of this battalion");
  if (s.radar_types[b.radars[b.engagement_radar].type_index].target_channels <= 0)
    er.fail("this radar's type has no target/missile channels, so it cannot guide interceptors");
  for (const YamlNode& l : n.required("launchers").list()) {
    l.allow_only({"name", "class", "tubes", "position", "reaction_time_s", "launch_interval_s"});
    LauncherConfig c;
    c.name = l.name_at("name");
    c.interceptor_class = find_named(s.interceptor_classes, l.required("class"), "interceptor class");
    c.tubes = static_cast<int>(l.required("tubes").integer(1, 64));
    c.site = parse_position(l.required("position"), places, &ground);
    require_on_terrain(l.required("position"), c.site, ground);
    c.reaction_time_s = l.number_or("reaction_time_s", 0.0, 600.0, c.reaction_time_s);
    c.launch_interval_s = l.number_or("launch_interval_s", 0.0, 600.0, c.launch_interval_s);
    // Distinct launchers: their own names and their own ground (a TEL is ~12 m long).
    for (const LauncherConfig& other : b.launchers) {
      if (other.name == c.name) l.required("name").fail("launcher name '" + c.name + "' is used twice in this battalion");
      const double apart = (ecef_from_geodetic(other.site) - ecef_from_geodetic(c.site)).norm();
      if (apart < kMinLauncherSpacingM)
        l.required("position").fail(fmt::format("stands {:.0f} m from launcher '{}': launchers must be at least {:.0f} m apart",
                                                apart, other.name, kMinLauncherSpacingM));
    }
    b.launchers.push_back(c);
  }
  if (const auto m = n.optional("magazine")) b.magazine = parse_magazine(*m, s, b.launchers);
  b.doctrine = parse_doctrine(n.optional("doctrine"), s.interceptor_classes);
  if (b.doctrine.rv_threshold > 0.0 && !s.discrimination.enabled)
    n.required("doctrine").required("rv_threshold").fail("needs a discrimination table in the library (e.g. library/discrimination.yaml)");
  b.doctrine.discrimination = s.discrimination;
  if (b.doctrine.decoy_threshold < 1.0 && !s.air_decoy_discrimination.enabled)
    n.required("doctrine").required("decoy_threshold").fail("needs an air_decoy_discrimination table in the library (e.g. library/air_decoys.yaml)");
  b.doctrine.decoy_discrimination = s.air_decoy_discrimination;
  if (b.doctrine.decoy_wait_s > 0.0 && b.doctrine.decoy_threshold >= 1.0)
    n.required("doctrine").required("decoy_wait_s").fail("needs decoy_threshold below 1 (the wait is for the decoy discrimination)");
  b.tracker = parse_tracker(n.optional("tracker"));
  if (const auto sec = n.optional("sector")) {
    sec->allow_only({"center_deg", "width_deg"});
    b.sector_center_deg = sec->number_at("center_deg", -360.0, 360.0);
    b.sector_width_deg = sec->number_at("width_deg", 1.0, 360.0);
  }
  return b;
}

}  // namespace

namespace {
Scenario load_scenario_checked(const std::string& path, const std::vector<Override>& overrides);
}  // namespace

Scenario load_scenario(const std::string& path, const std::vector<Override>& overrides) {
  // Every validation names its field; a yaml-cpp exception that still escapes (an unforeseen shape of
  // document) becomes the same kind of one-line error rather than an internal error.
  try {
    return load_scenario_checked(path, overrides);
  } catch (const YAML::Exception& e) {
    throw InputError(fmt::format("{}:{}:{}: unreadable YAML structure: {}", path, e.mark.line + 1, e.mark.column + 1, e.msg));
  }
}

namespace {
Scenario load_scenario_checked(const std::string& path, const std::vector<Override>& overrides) {
  const YamlNode root = YamlNode::load_file(path, [&](YAML::Node& doc) {
    OverriddenFields set;
    for (const Override& o : overrides) set.emplace_back(apply_override(doc, o).index_path, o.path + "=" + o.value);
    return set;
  });
  root.allow_only({"scenario", "library", "simulation", "interceptor_classes", "radar_types", "threat_types", "discrimination",
                   "air_decoy_discrimination", "assets", "battalions", "threats", "network", "terrain", "track_metrics", "regiments",
                   "corridors", "friendlies", "identification", "decoy_emitters"});
  Scenario s;
  s.source_path = path;
  s.files.push_back(path);
  if (const auto meta = root.optional("scenario")) {
    meta->allow_only({"name", "description"});
    s.name = meta->name_at("name");
    if (const auto d = meta->optional("description")) s.description = d->str();
  } else {
    s.name = std::filesystem::path(path).stem().string();
  }
  if (const auto lib = root.optional("library")) {
    const auto dir = std::filesystem::path(path).parent_path();
    for (const YamlNode& entry : lib->list()) {
      const std::string file = (dir / entry.str()).string();
      entry.require_file(file, "library");
      const YamlNode lib_root = YamlNode::load_file(file);
      s.files.push_back(file);
      lib_root.allow_only({"interceptor_classes", "radar_types", "threat_types", "discrimination", "air_decoy_discrimination"});
      parse_library(lib_root, s);
    }
  }
  parse_library(root, s);
  if (const auto sim = root.optional("simulation")) parse_simulation(*sim, s.sim);
  if (const auto net = root.optional("network")) {
    net->allow_only({"deconflict", "correlation_gate_chi2", "correlation_min_sigma_m", "report_max_sigma_m", "outer_layers_first", "outer_hold_margin_s",
                     "deconflict_radius_m", "remote_link"});
    if (const auto v = net->optional("deconflict")) s.network.deconflict = v->boolean();
    s.network.deconflict_radius_m = net->number_or("deconflict_radius_m", 0.0, 100e3, s.network.deconflict_radius_m);
    if (const auto v = net->optional("outer_layers_first")) s.network.outer_layers_first = v->boolean();
    s.network.outer_hold_margin_s = net->number_or("outer_hold_margin_s", 0.0, 3600.0, s.network.outer_hold_margin_s);
    s.network.picture.gate_chi2 = net->number_or("correlation_gate_chi2", 1.0, 1000.0, s.network.picture.gate_chi2);
    s.network.picture.min_sigma_m = net->number_or("correlation_min_sigma_m", 1.0, 100e3, s.network.picture.min_sigma_m);
    s.network.picture.report_max_sigma_m = net->number_or("report_max_sigma_m", 1.0, 1e7, s.network.picture.report_max_sigma_m);
    if (const auto l = net->optional("remote_link")) {
      l->allow_only({"latency_s", "update_s", "loss"});
      s.network.remote_link.latency_s = l->number_or("latency_s", 0.0, 60.0, 0.0);
      s.network.remote_link.update_s = l->number_or("update_s", 0.0, 60.0, 0.0);
      s.network.remote_link.loss = l->number_or("loss", 0.0, 1.0, 0.0);
    }
  }
  if (const auto m = root.optional("track_metrics")) {
    m->allow_only({"cutoff_m", "order", "alpha", "period_s"});
    OspaParams& o = s.track_metrics.ospa;
    o.cutoff_m = m->number_or("cutoff_m", 1.0, 1e7, o.cutoff_m);
    o.order = m->number_or("order", 1.0, 100.0, o.order);
    o.alpha = m->number_or("alpha", 1e-6, 2.0, o.alpha);
    s.track_metrics.period_s = m->number_or("period_s", s.sim.step_s, 3600.0, s.track_metrics.period_s);
  }

  if (const auto terrain = root.optional("terrain")) s.terrain = parse_terrain(*terrain, s.files);
  const Terrain ground(s.terrain);
  Places places;
  for (const YamlNode& a : root.required("assets").list()) {
    a.allow_only({"name", "position", "value", "radius_m"});
    DefendedAsset asset;
    asset.name = a.name_at("name");
    asset.site = parse_position(a.required("position"), places, &ground);
    asset.value = a.number_at("value", 0.0, 1e9);
    asset.radius_m = a.number_or("radius_m", 1.0, 1e6, asset.radius_m);
    if (places.count(asset.name)) a.required("name").fail("name '" + asset.name + "' is used twice");
    places[asset.name] = asset.site;
    s.assets.push_back(asset);
  }
  if (s.assets.empty()) root.required("assets").fail("at least one defended asset is needed");
  std::vector<DefendedAsset> radar_assets;
  for (const YamlNode& b : root.required("battalions").list()) {
    const std::string name = b.name_at("name");
    if (places.count(name)) b.required("name").fail("name '" + name + "' is used twice");
    s.battalions.push_back(parse_battalion(b, s, places, ground, radar_assets));
    for (std::size_t k = 0; k + 1 < s.battalions.size(); ++k) {
      const double apart = (ecef_from_geodetic(s.battalions[k].command_post) - ecef_from_geodetic(s.battalions.back().command_post)).norm();
      if (apart < kMinBattalionSpacingM)
        b.required("position").fail(fmt::format("command post {:.0f} m from that of battalion '{}': battalions must be at least {:.0f} m apart",
                                                apart, s.battalions[k].name, kMinBattalionSpacingM));
    }
  }
  for (DefendedAsset& a : radar_assets) {  // threats may target a defended radar by its "battalion/radar" name
    places[a.name] = a.site;
    s.assets.push_back(std::move(a));
  }
  if (s.battalions.empty()) root.required("battalions").fail("at least one battalion is needed");
  if (const auto r = root.optional("regiments")) s.regiments = parse_regiments(*r, s);
  if (const auto d = root.optional("decoy_emitters")) s.decoy_emitters = parse_decoy_emitters(*d, s, places, ground);
  RaidBook book;
  for (const YamlNode& t : root.required("threats").list()) parse_threat(t, s, places, book);
  parse_friendly_side(root, s, places, book);  // corridors, identification, friendlies (docs/identification.md)
  return s;
}

}  // namespace
}  // namespace skyshield
