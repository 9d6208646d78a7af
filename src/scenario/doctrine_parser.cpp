#include "scenario/doctrine_parser.hpp"

#include <string>

#include "scenario/library_parsers.hpp"
#include "scenario/friendly_parser.hpp"
#include "scenario/positions.hpp"
#include "scenario/sead_parser.hpp"

namespace skyshield {

namespace {

// A list of threat classes, each named once.
std::array<bool, kThreatClassCount> threat_class_set(const YamlNode& n) {
  std::array<bool, kThreatClassCount> set{};
  for (const YamlNode& item : n.list()) {
    bool& flag = set[static_cast<int>(parse_threat_class(item))];
    if (flag) item.fail("threat class listed twice");
    flag = true;
  }
  return set;
}

// A map from threat class names to values, in file order.
std::vector<std::pair<ThreatClass, YamlNode>> per_threat_class(const YamlNode& n) {
  std::vector<std::pair<ThreatClass, YamlNode>> out;
  for (const auto& [name, value] : n.entries()) {
    const std::optional<ThreatClass> c = threat_class_from_string(name);
    if (!c) value.fail("not a threat class: must be one of aircraft, drone, cruise_missile, ballistic_missile");
    out.emplace_back(*c, value);
  }
  return out;
}

}  // namespace

DoctrineParams parse_doctrine(const std::optional<YamlNode>& n, const std::vector<InterceptorClass>& classes) {
  DoctrineParams d;
  if (!n) return d;
  n->allow_only({"decision_period_s", "salvo_size", "salvo_by_class", "salvo_when_no_look", "hold_fire", "reserve", "threat_lethality",
                 "max_shots_per_threat", "kill_assessment_delay_s", "wta_solver", "wta_max_nodes", "wta_time_limit_s",
                 "outer_layers_first", "rv_threshold", "impact_sigma_margin", "cued_search", "retarget_in_flight",
                 "engage_on_remote", "launch_on_remote", "remote_launch_fallback", "remote_basket_probability", "weapons_control", "emcon",
                 "decoy_threshold", "decoy_wait_s", "fire_control_max_misses", "fire_control_min_score", "fire_control_max_score_drop",
                 "fire_control_hold_duplicates", "fire_control_hold_near_lost"});
  d.decision_period_s = n->number_or("decision_period_s", 0.05, 60.0, d.decision_period_s);
  if (const auto v = n->optional("salvo_size")) d.salvo_size = static_cast<int>(v->integer(1, 8));
  if (const auto v = n->optional("salvo_by_class"))
    for (const auto& [c, count] : per_threat_class(*v)) d.salvo_by_class[static_cast<int>(c)] = static_cast<int>(count.integer(1, 8));
  if (const auto v = n->optional("threat_lethality"))
    for (const auto& [c, weight] : per_threat_class(*v)) d.lethality[static_cast<int>(c)] = weight.number(0.0, 1e6);
  if (const auto v = n->optional("salvo_when_no_look")) d.salvo_when_no_look = v->boolean();
  if (const auto v = n->optional("hold_fire")) d.hold_fire = threat_class_set(*v);
  if (const auto v = n->optional("reserve"))
    for (const YamlNode& r : v->list()) {
      r.allow_only({"class", "rounds", "for"});
      StockReserve s;
      s.interceptor_class = find_named(classes, r.required("class"), "interceptor class");
      for (const StockReserve& other : d.reserves)
        if (other.interceptor_class == s.interceptor_class) r.required("class").fail("this class already has a reserve");
      s.rounds = static_cast<int>(r.required("rounds").integer(1, 10000));
      s.for_class = threat_class_set(r.required("for"));
      d.reserves.push_back(s);
    }
  if (const auto v = n->optional("max_shots_per_threat")) d.max_shots_per_threat = static_cast<int>(v->integer(1, 100));
  if (const auto v = n->optional("fire_control_max_misses")) d.fire_control_max_misses = static_cast<int>(v->integer(0, 1000));
  d.fire_control_min_score = n->number_or("fire_control_min_score", -1e9, 1e9, d.fire_control_min_score);
  d.fire_control_max_score_drop = n->number_or("fire_control_max_score_drop", 0.0, 1e9, d.fire_control_max_score_drop);
  if (const auto v = n->optional("fire_control_hold_duplicates")) d.fire_control_hold_duplicates = v->boolean();
  if (const auto v = n->optional("fire_control_hold_near_lost")) d.fire_control_hold_near_lost = v->boolean();
  d.kill_assessment_delay_s = n->number_or("kill_assessment_delay_s", 0.0, 120.0, d.kill_assessment_delay_s);
  if (const auto v = n->optional("wta_solver"))
    if (!wta_solver_from_string(v->str(), d.wta_solver)) v->fail("must be one of greedy, exact, heuristic (got '" + v->str() + "')");
  if (const auto v = n->optional("wta_max_nodes")) d.wta_max_nodes = v->integer(1, 1000000000);
  d.wta_time_limit_s = n->number_or("wta_time_limit_s", 1e-4, 60.0, d.wta_time_limit_s);
  if (const auto v = n->optional("outer_layers_first")) d.outer_layers_first = v->boolean();
  d.rv_threshold = n->number_or("rv_threshold", 0.0, 1.0, d.rv_threshold);
  d.impact_sigma_margin = n->number_or("impact_sigma_margin", 0.0, 10.0, d.impact_sigma_margin);
  if (const auto v = n->optional("cued_search")) d.cued_search = v->boolean();
  if (const auto v = n->optional("retarget_in_flight")) d.retarget_in_flight = v->boolean();
  if (const auto v = n->optional("engage_on_remote")) d.engage_on_remote = v->boolean();
  if (const auto v = n->optional("launch_on_remote")) d.launch_on_remote = v->boolean();
  if (const auto v = n->optional("remote_launch_fallback")) d.remote_launch_fallback = v->boolean();
  d.remote_basket_probability = n->number_or("remote_basket_probability", 0.0, 1.0, d.remote_basket_probability);
  if (const auto v = n->optional("weapons_control")) d.weapons_control = parse_weapons_control(*v);
  if (const auto v = n->optional("emcon")) d.emcon = parse_emcon(*v);
  d.decoy_threshold = n->number_or("decoy_threshold", 0.0, 1.0, d.decoy_threshold);
  d.decoy_wait_s = n->number_or("decoy_wait_s", 0.0, 120.0, d.decoy_wait_s);
  return d;
}

}  // namespace skyshield
