#include "scenario/friendly_parser.hpp"

#include <fmt/format.h>

#include "core/units.hpp"
#include "scenario/library_parsers.hpp"
#include "scenario/limits.hpp"

namespace skyshield {

namespace {
constexpr int kMaxLaps = 50;

// A [min, max] band inside [lo, hi].
std::pair<double, double> band(const YamlNode& n, double lo, double hi) {
  const std::vector<YamlNode> v = n.list();
  if (v.size() != 2) n.fail("must be [min, max]");
  const double a = v[0].number(lo, hi), b = v[1].number(lo, hi);
  if (a > b) n.fail(fmt::format("min {:g} is above max {:g}", a, b));
  return {a, b};
}

std::vector<Geodetic> points(const YamlNode& n, const Places& places) {
  const std::vector<YamlNode> list = n.list();
  if (list.size() > limits::kMaxRoutePoints)
    n.fail(fmt::format("{} points, more than the {} a route may have", list.size(), limits::kMaxRoutePoints));
  std::vector<Geodetic> out;
  for (const YamlNode& p : list) {
    out.push_back(parse_position(p, places));
    if (out.back().alt_m < -500.0 || out.back().alt_m > 40e3) p.fail(fmt::format("alt {:g} m: outside [-500, 40000] m", out.back().alt_m));
  }
  return out;
}

Corridor parse_corridor(const YamlNode& n, const Places& places) {
  n.allow_only({"name", "centreline", "width_m", "altitude_m", "speed_mps"});
  Corridor c;
  c.name = n.name_at("name");
  c.centreline = points(n.required("centreline"), places);
  if (c.centreline.size() < 2) n.required("centreline").fail("needs at least two points");
  c.width_m = n.number_at("width_m", 100.0, 500e3);
  std::tie(c.min_alt_m, c.max_alt_m) = band(n.required("altitude_m"), -500.0, 40e3);
  std::tie(c.min_speed_mps, c.max_speed_mps) = band(n.required("speed_mps"), 0.0, 3000.0);
  return c;
}

IdRule parse_rule(const YamlNode& n) {
  n.allow_only({"iff", "corridor", "origin", "class", "min_speed_mps", "max_speed_mps", "identity"});
  IdRule r;
  if (const auto v = n.optional("iff")) {
    r.iff = iff_evidence_from_string(v->str());
    if (!r.iff) v->fail("must be one of not_interrogated, no_reply, friend (got '" + v->str() + "')");
  }
  if (const auto v = n.optional("corridor")) r.corridor = v->boolean();
  if (const auto v = n.optional("origin")) {
    r.origin = origin_from_string(v->str());
    if (!r.origin) v->fail("must be one of unknown, hostile, other (got '" + v->str() + "')");
  }
  if (const auto v = n.optional("class")) r.cls = parse_threat_class(*v);
  r.min_speed_mps = n.number_or("min_speed_mps", 0.0, 1e4, r.min_speed_mps);
  if (const auto v = n.optional("max_speed_mps")) r.max_speed_mps = v->number(r.min_speed_mps, 1e4);
  const YamlNode id = n.required("identity");
  const auto identity = identity_from_string(id.str());
  if (!identity) id.fail("must be one of unknown, assumed_friend, friend, suspect, hostile (got '" + id.str() + "')");
  r.identity = *identity;
  return r;
}

void parse_identification(const YamlNode& n, Scenario& s) {
  n.allow_only({"iff", "min_no_reply", "hostile_origin", "rules"});
  IdentificationParams& p = s.identification;
  if (const auto v = n.optional("iff")) {
    v->allow_only({"range_m", "period_s", "reply_probability", "gate_m"});
    s.iff.range_m = v->number_or("range_m", 0.0, 2000e3, s.iff.range_m);
    s.iff.period_s = v->number_or("period_s", 0.1, 600.0, s.iff.period_s);
    s.iff.reply_probability = probability_or(*v, "reply_probability", s.iff.reply_probability);
    s.iff.gate_m = v->number_or("gate_m", 1.0, 100e3, s.iff.gate_m);
  }
  if (const auto v = n.optional("min_no_reply")) p.min_no_reply = static_cast<int>(v->integer(1, 100));
  if (const auto v = n.optional("hostile_origin")) {
    v->allow_only({"center_deg", "width_deg", "min_range_m"});
    p.hostile_origin.declared = true;
    p.hostile_origin.center_deg = v->number_at("center_deg", -360.0, 360.0);
    p.hostile_origin.width_deg = v->number_at("width_deg", 0.0, 360.0);
    p.hostile_origin.min_range_m = v->number_or("min_range_m", 0.0, 5000e3, 0.0);
  }
  if (const auto v = n.optional("rules")) {
    p.rules.clear();
    for (const YamlNode& r : v->list()) p.rules.push_back(parse_rule(r));
    if (p.rules.empty()) v->fail("needs at least one rule (or leave `rules` out for the default table)");
  }
}

// One `friendlies:` line: `count` flights of one aircraft type on one mission.
void parse_friendly(const YamlNode& n, Scenario& s, const Places& places, RaidBook& book) {
  n.allow_only({"name", "type", "mission", "launch_time_s", "count", "interval_s", "route", "laps", "corridor",
                "transponder_failure_probability"});
  ThreatSpec t;
  t.friendly = true;
  t.name = n.name_at("name");
  t.type_index = find_named(s.threat_types, n.required("type"), "threat type");
  const ThreatType& type = s.threat_types[t.type_index];
  if (type.cls != ThreatClass::Aircraft || type.decoy)
    n.required("type").fail("a friendly flight is an aircraft (got a " + std::string(to_string(type.cls)) + ")");
  const YamlNode mission = n.required("mission");
  t.mission = mission.str();
  if (t.mission != "cap" && t.mission != "strike_return" && t.mission != "transport")
    mission.fail("must be one of cap, strike_return, transport (got '" + t.mission + "')");
  t.launch_time_s = n.number_or("launch_time_s", 0.0, 86400.0, 0.0);
  const int count = n.has("count") ? static_cast<int>(n.required("count").integer(1, 1000)) : 1;
  const double interval = n.number_or("interval_s", 0.0, 3600.0, 0.0);
  t.iff_failure = probability_or(n, "transponder_failure_probability", 0.0);
  std::vector<Geodetic> route;
  if (const auto r = n.optional("route")) route = points(*r, places);
  if (t.mission == "cap") {
    if (!n.has("route")) n.fail("missing field 'route': a combat air patrol flies an orbit (its points, `laps` times)");
    if (route.size() < 2) n.required("route").fail("an orbit needs at least two points");
    const int laps = n.has("laps") ? static_cast<int>(n.required("laps").integer(1, kMaxLaps)) : 1;
    const std::vector<Geodetic> orbit = route;
    for (int k = 1; k < laps; ++k) route.insert(route.end(), orbit.begin(), orbit.end());
  } else if (n.has("laps")) {
    n.required("laps").fail("only a combat air patrol (mission: cap) flies laps");
  }
  if (const auto c = n.optional("corridor")) {
    t.corridor = find_named(s.identification.corridors, *c, "corridor");
    const Corridor& cor = s.identification.corridors[t.corridor];
    const double v = type.air.speed_mps;
    if (v < cor.min_speed_mps || v > cor.max_speed_mps)
      c->fail(fmt::format("'{}' flies at {:g} m/s, outside the corridor's speed band [{:g}, {:g}] m/s", type.name, v,
                          cor.min_speed_mps, cor.max_speed_mps));
    // The flight ends along the corridor's centreline at the middle of its altitude band.
    for (Geodetic g : cor.centreline) {
      g.alt_m = 0.5 * (cor.min_alt_m + cor.max_alt_m);
      route.push_back(g);
    }
  } else if (t.mission != "cap") {
    n.fail("missing field 'corridor': a " + t.mission + " flight returns through a declared corridor (`corridors:`)");
  }
  if (route.size() < 2) n.required("route").fail("needs at least two points");
  if (route.size() > limits::kMaxRoutePoints)
    n.required("route").fail(fmt::format("{} points with laps and corridor, more than the {} a route may have", route.size(),
                                         limits::kMaxRoutePoints));
  t.route = route;
  const auto copy_of = book.names.lower_bound(t.name + "-");
  if (book.names.count(t.name) || (copy_of != book.names.end() && copy_of->starts_with(t.name + "-")))
    n.required("name").fail("name '" + t.name + "' is used twice (threats and friendlies share names)");
  if (s.threats.size() + static_cast<std::size_t>(count) > limits::kMaxThreats)
    n.fail(fmt::format("the scenario would hold more than the {} flights it may have", limits::kMaxThreats));
  const std::size_t pts = static_cast<std::size_t>(count) * t.route.size();
  if (book.route_points + pts > limits::kMaxRaidRoutePoints)
    n.fail(fmt::format("the routes would hold {} points, more than the {} a scenario may have", book.route_points + pts,
                       limits::kMaxRaidRoutePoints));
  book.route_points += pts;
  for (int i = 0; i < count; ++i) {
    ThreatSpec copy = t;
    if (count > 1) copy.name = fmt::format("{}-{}", t.name, i + 1);
    copy.launch_time_s = t.launch_time_s + i * interval;
    book.names.insert(copy.name);
    s.threats.push_back(copy);
  }
}
}  // namespace

double probability_or(const YamlNode& n, const char* key, double fallback) {
  return n.number_or(key, 0.0, 1.0, fallback);  // outside [0, 1]: refused with file, line and field
}

void parse_friendly_side(const YamlNode& root, Scenario& s, const Places& places, RaidBook& book) {
  IdentificationParams& p = s.identification;
  if (const auto c = root.optional("corridors"))
    for (const YamlNode& n : c->list()) {
      p.corridors.push_back(parse_corridor(n, places));
      for (std::size_t k = 0; k + 1 < p.corridors.size(); ++k)
        if (p.corridors[k].name == p.corridors.back().name) n.required("name").fail("corridor name '" + p.corridors.back().name + "' is used twice");
    }
  if (const auto n = root.optional("identification")) parse_identification(*n, s);
  const std::size_t before = s.threats.size();
  if (const auto f = root.optional("friendlies"))
    for (const YamlNode& n : f->list()) parse_friendly(n, s, places, book);
  p.enabled = root.has("identification") || root.has("corridors") || s.threats.size() > before;
  for (const BattalionSpec& b : s.battalions) p.enabled = p.enabled || b.doctrine.weapons_control.configured();
}

WeaponsControl parse_weapons_control(const YamlNode& n) {
  n.allow_only({"default", "windows", "iff_wait"});
  WeaponsControl wc;
  if (const auto w = n.optional("iff_wait")) {
    const auto iw = iff_wait_from_string(w->str());
    if (!iw) w->fail("must be one of never, while_feasible, always (got '" + w->str() + "')");
    wc.iff_wait = *iw;
  }
  auto status = [](const YamlNode& v) {
    const auto st = weapons_control_from_string(v.str());
    if (!st) v.fail("must be one of hold, tight, free (got '" + v.str() + "')");
    return *st;
  };
  if (const auto d = n.optional("default")) wc.base = status(*d);
  if (const auto w = n.optional("windows")) {
    const std::vector<YamlNode> list = w->list();
    for (const YamlNode& e : list) {
      e.allow_only({"status", "from_s", "to_s", "sector"});
      WeaponsControlWindow win;
      win.status = status(e.required("status"));
      win.from_s = e.number_or("from_s", 0.0, 1e6, 0.0);
      if (const auto t = e.optional("to_s")) win.to_s = t->number(win.from_s, 1e6);
      if (const auto sec = e.optional("sector")) {
        sec->allow_only({"center_deg", "width_deg"});
        win.center_deg = sec->number_at("center_deg", -360.0, 360.0);
        win.width_deg = sec->number_at("width_deg", 0.0, 360.0);
      }
      wc.windows.push_back(win);
      if (const auto clash = contradicting_windows(wc.windows))
        e.fail(fmt::format("says '{}' where windows[{}] says '{}' (their times and sectors overlap): the status would be ambiguous",
                           to_string(win.status), clash->first, to_string(wc.windows[clash->first].status)));
    }
  }
  return wc;
}

}  // namespace skyshield
