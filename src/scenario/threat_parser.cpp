#include "scenario/threat_parser.hpp"

#include "scenario/ballistic_parser.hpp"
#include "scenario/limits.hpp"
#include "world/ballistic/targeting.hpp"

namespace skyshield {

namespace {
constexpr double kMaxAirBreatherAltM = 40e3;  // above any aircraft, drone or cruise missile (balloons reach ~40 km)

constexpr double kBoosterBallisticCoefficient = 600.0;  // kg/m^2, notional: a tumbling spent stage
constexpr double kBoosterSeparationMps = 1.0;           // notional separation push

// The type of an object a ballistic missile type releases ("<type>.booster" or "<type>.decoy"),
// created on first use.
int object_type(Scenario& s, int missile_type, const char* kind) {
  const std::string name = s.threat_types[missile_type].name + "." + kind;
  for (std::size_t i = 0; i < s.threat_types.size(); ++i)
    if (s.threat_types[i].name == name) return static_cast<int>(i);
  const ThreatType& m = s.threat_types[missile_type];
  ThreatType t;
  t.name = name;
  t.cls = ThreatClass::BallisticMissile;  // what a radar and a classifier see
  t.swerling = m.swerling;
  t.decoy = true;
  if (std::string(kind) == "booster") {
    t.rcs = m.rcs;  // the spent stage keeps the missile body's RCS
    t.object_ballistic_coefficient = kBoosterBallisticCoefficient;
    t.object_separation_mps = kBoosterSeparationMps;
  } else {
    t.rcs = RcsPattern::isotropic(m.ballistic.decoys.rcs_m2);
    t.object_ballistic_coefficient = m.ballistic.decoys.ballistic_coefficient_kg_m2;
    t.object_separation_mps = m.ballistic.decoys.spread_mps;
  }
  s.threat_types.push_back(t);
  return static_cast<int>(s.threat_types.size()) - 1;
}

// The points of a route, refused beyond limits::kMaxRoutePoints before any is read.
std::vector<YamlNode> route_points(const YamlNode& route) {
  std::vector<YamlNode> points = route.list();
  if (points.size() > limits::kMaxRoutePoints)
    route.fail(fmt::format("{} points, more than the {} a route may have", points.size(), limits::kMaxRoutePoints));
  return points;
}

// The launch solution of a ballistic line, shared by the lines with the same type, shape, launch
// and aim points; a new one beyond limits::kMaxBallisticSolves is refused before it is solved.
BallisticPlan launch_solution(const YamlNode& n, const BallisticMissileParams& params, const ThreatSpec& t, RaidBook& book) {
  const RaidBook::SolveKey key{t.type_index, static_cast<int>(params.shape), t.launch_point.lat_deg, t.launch_point.lon_deg,
                               t.launch_point.alt_m, t.aim_point.lat_deg, t.aim_point.lon_deg, t.aim_point.alt_m};
  if (const auto it = book.solves.find(key); it != book.solves.end()) return it->second;
  if (book.solves.size() >= limits::kMaxBallisticSolves)
    n.required("launch").fail(fmt::format("more than {} distinct ballistic launch solutions (type, trajectory, launch and aim point; "
                                          "each is a trajectory solve of ~0.1 s): launch more missiles from fewer points",
                                          limits::kMaxBallisticSolves));
  const TargetingResult plan = plan_ballistic_flight(params, t.launch_point, t.aim_point);
  if (!plan.ok) n.required("launch").fail(plan.error);
  book.solves.emplace(key, plan.plan);
  return plan.plan;
}

struct Released {
  ThreatSpec spec;
  int count = 0;
  double interval_s = 0.0;
};

// `releases:` of an aircraft: stand-off weapons launched at the end of its route.
Released parse_releases(const YamlNode& r, const Scenario& s, const Places& places, const ThreatSpec& carrier) {
  r.allow_only({"type", "count", "interval_s", "route"});
  Released out;
  out.spec.type_index = find_named(s.threat_types, r.required("type"), "threat type");
  const ThreatType& wt = s.threat_types[out.spec.type_index];
  if (wt.cls == ThreatClass::BallisticMissile || wt.cls == ThreatClass::Aircraft)
    r.required("type").fail("an aircraft releases cruise missiles or drones (got a " + std::string(to_string(wt.cls)) + ")");
  out.count = static_cast<int>(r.required("count").integer(1, 64));
  out.interval_s = r.number_or("interval_s", 0.0, 600.0, 2.0);
  if (const auto route = r.optional("route"))
    for (const YamlNode& p : route_points(*route)) out.spec.route.push_back(parse_position(p, places));
  out.spec.route.push_back(s.assets[carrier.target_asset].site);
  out.spec.target_asset = carrier.target_asset;
  return out;
}

}  // namespace

void parse_threat(const YamlNode& n, Scenario& s, const Places& places, RaidBook& book) {
  n.allow_only({"name", "type", "launch_time_s", "count", "interval_s", "target", "route", "launch", "trajectory",
                "spread_m", "time_spread_s", "releases", "iff_spoof_probability"});
  ThreatSpec t;
  t.name = n.name_at("name");
  t.type_index = find_named(s.threat_types, n.required("type"), "threat type");
  if (s.threat_types[t.type_index].object_ballistic_coefficient > 0.0)
    n.required("type").fail("'" + s.threat_types[t.type_index].name + "' is released by its missile, not launched");
  t.launch_time_s = n.number_or("launch_time_s", 0.0, 86400.0, 0.0);
  t.target_asset = find_named(s.assets, n.required("target"), "asset");
  const int count = n.has("count") ? static_cast<int>(n.required("count").integer(1, 10000)) : 1;
  const double interval = n.number_or("interval_s", 0.0, 3600.0, 0.0);
  t.spread_m = n.number_or("spread_m", 0.0, 100e3, 0.0);
  t.time_spread_s = n.number_or("time_spread_s", 0.0, 3600.0, 0.0);
  t.iff_spoof = n.number_or("iff_spoof_probability", 0.0, 1.0, 0.0);  // notional: answers IFF falsely (sensors/iff.hpp)
  const ThreatType type = s.threat_types[t.type_index];  // a copy: object types may be appended below
  const Geodetic target = s.assets[t.target_asset].site;
  Released released;
  if (type.cls == ThreatClass::BallisticMissile) {
    if (n.has("route")) n.required("route").fail("a ballistic missile has a launch point, not a route");
    for (const char* f : {"spread_m", "releases"})
      if (n.has(f)) n.required(f).fail("not for ballistic missiles (their launch point is fixed)");
    // A launcher stands on the ground: agl is allowed, a point under the terrain is an error.
    const Terrain ground(s.terrain);
    t.launch_point = parse_position(n.required("launch"), places, &ground);
    if (const double g = ground.height(t.launch_point); t.launch_point.alt_m < g - 1e-3)
      n.required("launch").fail(fmt::format("alt {:g} m is under the ground ({:g} m) at the launch point; use agl: 0 to stand on it",
                                            t.launch_point.alt_m, g));
    t.aim_point = target;
    if (geodesic_inverse(t.launch_point, target).distance_m < 20e3)
      n.required("launch").fail("a ballistic launch point must be at least 20 km from its target");
    BallisticMissileParams params = type.ballistic;
    if (const auto shape = n.optional("trajectory")) params.shape = parse_trajectory_shape(*shape);
    t.plan = launch_solution(n, params, t, book);
  } else {
    if (n.has("launch")) n.required("launch").fail("an air-breathing threat has a route, not a launch point");
    if (n.has("trajectory")) n.required("trajectory").fail("only a ballistic missile has a trajectory shape");
    for (const YamlNode& p : route_points(n.required("route"))) {
      t.route.push_back(parse_position(p, places));
      // Air-breathers fly in the air: no route point above the highest any of them flies.
      if (t.route.back().alt_m > kMaxAirBreatherAltM)
        p.fail(fmt::format("{:.0f} m is above the {:.0f} m an air-breathing threat can fly", t.route.back().alt_m, kMaxAirBreatherAltM));
    }
    // Missiles and drones end their route on the target; an aircraft's route ends at its release point.
    if (type.cls != ThreatClass::Aircraft) t.route.push_back(target);
    if (t.route.size() < 2) n.required("route").fail("needs at least two points (start and release point)");
    if (const auto r = n.optional("releases")) {
      if (type.cls != ThreatClass::Aircraft) r->fail("only aircraft release weapons");
      released = parse_releases(*r, s, places, t);
    }
  }
  // The name is taken if a threat has it, or a copy of a line of that name ("NAME-3") does.
  const auto copy_of = book.names.lower_bound(t.name + "-");  // names starting "NAME-" follow it in order
  if (book.names.count(t.name) || (copy_of != book.names.end() && copy_of->starts_with(t.name + "-")))
    n.required("name").fail("threat name '" + t.name + "' is used twice");
  const bool separates = type.cls == ThreatClass::BallisticMissile && type.ballistic.separates;
  const std::size_t per_copy = 1 + static_cast<std::size_t>(released.count) + (separates ? 1 + type.ballistic.decoys.count : 0);
  const std::size_t held = s.threats.size() + static_cast<std::size_t>(count) * per_copy;
  if (held > limits::kMaxThreats)
    n.fail(fmt::format("the raid would hold {} threats with what they release, more than the {} a scenario may have", held,
                       limits::kMaxThreats));
  const std::size_t points = static_cast<std::size_t>(count) * (t.route.size() + released.count * released.spec.route.size());
  if (book.route_points + points > limits::kMaxRaidRoutePoints)
    n.fail(fmt::format("the raid's routes would hold {} points (each copy of a line keeps its own), more than the {} a scenario "
                       "may have", book.route_points + points, limits::kMaxRaidRoutePoints));
  book.route_points += points;
  const int booster = separates ? object_type(s, t.type_index, "booster") : -1;
  const int decoy = separates && type.ballistic.decoys.count > 0 ? object_type(s, t.type_index, "decoy") : -1;
  for (int i = 0; i < count; ++i) {
    ThreatSpec copy = t;
    if (count > 1) copy.name = fmt::format("{}-{}", t.name, i + 1);
    copy.launch_time_s = t.launch_time_s + i * interval;
    const int parent = static_cast<int>(s.threats.size());
    book.names.insert(copy.name);
    s.threats.push_back(copy);
    auto child = [&](ThreatSpec c, int type_index, const std::string& name, double delay) {
      c.name = copy.name + "/" + name;
      c.type_index = type_index;
      c.parent = parent;
      c.release_delay_s = delay;
      c.target_asset = copy.target_asset;
      c.aim_point = copy.aim_point;
      c.launch_time_s = 0.0;
      book.names.insert(c.name);
      s.threats.push_back(std::move(c));
    };
    for (int k = 0; k < released.count; ++k)
      child(released.spec, released.spec.type_index, fmt::format("{}-{}", s.threat_types[released.spec.type_index].name, k + 1),
            k * released.interval_s);
    if (booster >= 0) child(ThreatSpec{}, booster, "booster", 0.0);
    for (int k = 0; decoy >= 0 && k < type.ballistic.decoys.count; ++k) child(ThreatSpec{}, decoy, fmt::format("decoy-{}", k + 1), 0.0);
  }
}

}  // namespace skyshield
