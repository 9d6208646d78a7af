// The engine's regiment step (see sim/engine_impl.hpp): each regiment command post plans with its
// battalions' command posts and assigns their launchers jointly (c2/network/regiment.hpp).
#include "c2/network/regiment.hpp"
#include "sim/engine_impl.hpp"

namespace skyshield::engine_detail {

bool Engine::under_regiment(int battalion, double t) const {
  const int r = regiment_of_.empty() ? -1 : regiment_of_[static_cast<std::size_t>(battalion)];
  if (r < 0) return false;
  const RegimentSpec& g = s_.regiments[static_cast<std::size_t>(r)];
  for (std::size_t k = 0; k < g.battalions.size(); ++k)
    if (g.battalions[k] == battalion) return g.cut_at_s[k] < 0.0 || t + 1e-9 < g.cut_at_s[k];
  return false;
}

void Engine::decide_regiments(double t) {
  for (std::size_t r = 0; r < s_.regiments.size(); ++r) {
    if (t + 1e-9 < regiment_next_t_[r]) continue;
    const RegimentSpec& g = s_.regiments[r];
    regiment_next_t_[r] = t + g.decision_period_s;
    // Its battalions still linked and able to fire, each with its inputs and candidate shots.
    // In the engine's decision order (longest reach first): the order of battalions deciding in turn.
    std::vector<int> who;
    for (int b : decision_order_)
      if (std::find(g.battalions.begin(), g.battalions.end(), b) != g.battalions.end() && under_regiment(b, t) &&
          can_decide(*battalions_[static_cast<std::size_t>(b)]))
        who.push_back(b);
    std::vector<std::vector<Track>> remote(who.size());
    std::vector<CommandPostInputs> inputs;
    for (std::size_t k = 0; k < who.size(); ++k) inputs.push_back(inputs_for(*battalions_[static_cast<std::size_t>(who[k])], t, remote[k]));
    std::vector<ShotPlan> plans;
    for (std::size_t k = 0; k < who.size(); ++k) plans.push_back(battalions_[static_cast<std::size_t>(who[k])]->command_post.plan_shots(inputs[k]));
    std::vector<MemberPlan> members;
    for (std::size_t k = 0; k < who.size(); ++k)
      if (plans[k].any) members.push_back({who[k], &inputs[k], &plans[k]});
    std::vector<std::vector<int>> assignment;
    if (!members.empty()) {
      RegimentParams params;
      params.cost_weight = g.cost_weight;
      params.reserve_weight = g.reserve_weight;
      params.solver = g.wta_solver;
      params.in_turn_baseline = g.in_turn_baseline;
      params.limits.max_nodes = 20000;  // the exact solver's deterministic budget, as a battalion's default
      assignment = joint_assignment(members, picture_, params);
    }
    for (std::size_t k = 0, m = 0; k < who.size(); ++k) {
      Battalion& b = *battalions_[static_cast<std::size_t>(who[k])];
      std::vector<FireOrder> orders;
      if (plans[k].any) orders = b.command_post.issue(inputs[k], plans[k], assignment[m++]);
      if (g.order_loss > 0.0) {  // lost order messages: the launcher never hears; the post may re-engage
        Rng rng = Rng::stream(seed_, "regiment_orders/" + g.name, static_cast<std::uint64_t>(t / dt_ + 0.5));
        std::vector<FireOrder> received;
        for (const FireOrder& o : orders)
          if (rng.bernoulli(g.order_loss)) b.command_post.report_outcome(o.track_id, false);
          else received.push_back(o);
        orders = std::move(received);
      }
      apply_orders(b, std::move(orders), t, g.link_latency_s);
      retarget_flights(b, t);  // in-flight retargeting stays the battalion's, as when it decides alone
    }
  }
}

}  // namespace skyshield::engine_detail
