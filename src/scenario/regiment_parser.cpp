#include "scenario/regiment_parser.hpp"

#include <map>

namespace skyshield {

namespace {
int battalion_index(const YamlNode& name, const Scenario& s) {
  const std::string n = name.str();
  for (std::size_t b = 0; b < s.battalions.size(); ++b)
    if (s.battalions[b].name == n) return static_cast<int>(b);
  name.fail("unknown battalion '" + n + "'");
}
}  // namespace

std::vector<RegimentSpec> parse_regiments(const YamlNode& n, const Scenario& s) {
  std::vector<RegimentSpec> out;
  std::map<int, std::string> taken;  // battalion -> its regiment
  for (const YamlNode& r : n.list()) {
    r.allow_only({"name", "battalions", "decision_period_s", "link_latency_s", "order_loss", "cost_weight", "reserve_weight", "wta_solver", "in_turn_baseline", "links"});
    RegimentSpec g;
    g.name = r.name_at("name");
    for (const RegimentSpec& other : out)
      if (other.name == g.name) r.required("name").fail("regiment '" + g.name + "' is defined twice");
    const YamlNode members = r.required("battalions");
    for (const YamlNode& b : members.list()) {
      const int idx = battalion_index(b, s);
      if (const auto it = taken.find(idx); it != taken.end())
        b.fail("battalion '" + b.str() + "' is already in regiment '" + it->second + "'");
      taken[idx] = g.name;
      g.battalions.push_back(idx);
    }
    if (g.battalions.empty()) members.fail("a regiment needs at least one battalion");
    g.cut_at_s.assign(g.battalions.size(), -1.0);
    g.decision_period_s = r.number_or("decision_period_s", 0.05, 60.0, g.decision_period_s);
    g.link_latency_s = r.number_or("link_latency_s", 0.0, 60.0, g.link_latency_s);
    g.order_loss = r.number_or("order_loss", 0.0, 1.0, g.order_loss);
    g.cost_weight = r.number_or("cost_weight", 0.0, 1e9, g.cost_weight);
    g.reserve_weight = r.number_or("reserve_weight", 0.0, 1e6, g.reserve_weight);
    if (const auto v = r.optional("in_turn_baseline")) g.in_turn_baseline = v->boolean();
    if (const auto v = r.optional("wta_solver"))
      if (!wta_solver_from_string(v->str(), g.wta_solver)) v->fail("must be one of greedy, exact, heuristic (got '" + v->str() + "')");
    if (const auto links = r.optional("links"))
      for (const YamlNode& l : links->list()) {
        l.allow_only({"battalion", "cut_at_s"});
        const YamlNode who = l.required("battalion");
        const int idx = battalion_index(who, s);
        std::size_t k = 0;
        while (k < g.battalions.size() && g.battalions[k] != idx) ++k;
        if (k == g.battalions.size()) who.fail("battalion '" + who.str() + "' is not in regiment '" + g.name + "'");
        g.cut_at_s[k] = l.number_at("cut_at_s", 0.0, 1e7);
      }
    out.push_back(std::move(g));
  }
  return out;
}

}  // namespace skyshield
