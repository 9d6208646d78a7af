#include "c2/network/regiment.hpp"
#include "c2/network/remote_track.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace skyshield {

WtaProblem joint_problem(const std::vector<MemberPlan>& members, const AirPicture& picture, std::vector<std::vector<int>>* target_of) {
  // Joint targets: one per system track; a track outside the picture is a target of its own.
  std::map<std::pair<int, int>, int> index;  // (0, system) or (1 + battalion, track) -> joint target
  std::vector<std::vector<int>> target(members.size());
  WtaProblem p;
  for (std::size_t k = 0; k < members.size(); ++k) {
    const ShotPlan& plan = *members[k].plan;
    for (std::size_t j = 0; j < plan.threats.size(); ++j) {
      const int track = plan.threats[j]->track_id;
      const int sys = system_of(picture, members[k].battalion, track);
      const std::pair<int, int> key = sys >= 0 ? std::make_pair(0, sys) : std::make_pair(1 + members[k].battalion, track);
      const auto [it, added] = index.try_emplace(key, static_cast<int>(p.value.size()));
      const double value = plan.problem.value[j];
      const int room = plan.problem.max_per_target.empty() ? 1000000 : plan.problem.max_per_target[j];
      if (added) {
        p.value.push_back(value);
        p.max_per_target.push_back(room);
      } else {
        p.value[static_cast<std::size_t>(it->second)] = std::max(p.value[static_cast<std::size_t>(it->second)], value);
        p.max_per_target[static_cast<std::size_t>(it->second)] = std::min(p.max_per_target[static_cast<std::size_t>(it->second)], room);
      }
      target[k].push_back(it->second);
    }
  }
  Eigen::Index rows = 0;
  p.max_targets = 0;
  p.max_weapons = 0;
  for (const MemberPlan& m : members) {
    rows += static_cast<Eigen::Index>(m.plan->weapons.size());
    p.max_targets = p.max_targets < 0 || m.plan->problem.max_targets < 0 ? -1 : p.max_targets + m.plan->problem.max_targets;
    p.max_weapons = p.max_weapons < 0 || m.plan->problem.max_weapons < 0 ? -1 : p.max_weapons + m.plan->problem.max_weapons;
  }
  p.pk = Eigen::MatrixXd::Zero(rows, static_cast<Eigen::Index>(p.value.size()));
  Eigen::Index row = 0;
  for (std::size_t k = 0; k < members.size(); ++k) {
    const ShotPlan& plan = *members[k].plan;
    for (std::size_t i = 0; i < plan.weapons.size(); ++i, ++row)
      for (std::size_t j = 0; j < plan.threats.size(); ++j) {
        double& cell = p.pk(row, target[k][j]);
        cell = std::max(cell, plan.problem.pk(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)));
      }
  }
  if (target_of) *target_of = std::move(target);
  return p;
}

namespace {

// Withdraws, one at a time, the shot with the smallest expected value saved while it is below
// cost_weight x its interceptor's cost.
void weigh_cost(const WtaProblem& p, const std::vector<double>& cost, double weight, std::vector<int>& assignment) {
  if (weight <= 0.0) return;
  for (;;) {
    int worst = -1;
    double worst_margin = 0.0;
    for (std::size_t i = 0; i < assignment.size(); ++i) {
      const int j = assignment[i];
      if (j < 0) continue;
      double others = 1.0;  // probability that the other shots on j all miss
      for (std::size_t k = 0; k < assignment.size(); ++k)
        if (k != i && assignment[k] == j) others *= 1.0 - p.pk(static_cast<Eigen::Index>(k), j);
      const double saved = p.value[static_cast<std::size_t>(j)] * p.pk(static_cast<Eigen::Index>(i), j) * others;
      const double margin = saved - weight * cost[i];
      if (margin < 0.0 && (worst < 0 || margin < worst_margin)) {
        worst = static_cast<int>(i);
        worst_margin = margin;
      }
    }
    if (worst < 0) return;
    assignment[static_cast<std::size_t>(worst)] = -1;
  }
}

}  // namespace

std::vector<std::vector<int>> joint_assignment(const std::vector<MemberPlan>& members, const AirPicture& picture,
                                               const RegimentParams& params) {
  std::vector<std::vector<int>> target_of;
  const WtaProblem p = joint_problem(members, picture, &target_of);
  std::vector<std::vector<int>> out(members.size());
  if (p.pk.rows() == 0 || p.pk.cols() == 0) {
    for (std::size_t k = 0; k < members.size(); ++k) out[k].assign(members[k].plan->weapons.size(), -1);
    return out;
  }
  std::vector<int> assignment = solve_wta(p, params.solver, params.limits).assignment;
  std::vector<double> cost;
  for (const MemberPlan& m : members)
    for (int w : m.plan->weapons) cost.push_back((*m.inputs->classes)[m.inputs->launchers[w].interceptor_class].unit_cost);
  weigh_cost(p, cost, params.cost_weight, assignment);
  std::size_t row = 0;
  for (std::size_t k = 0; k < members.size(); ++k) {
    const ShotPlan& plan = *members[k].plan;
    std::vector<int>& mine = out[k];
    mine.assign(plan.weapons.size(), -1);
    int weapons = 0;
    std::vector<int> new_targets;  // local threats newly engaged (they need a free target channel)
    for (std::size_t i = 0; i < plan.weapons.size(); ++i, ++row) {
      const int joint = assignment[row];
      if (joint < 0) continue;
      const auto local = std::find(target_of[k].begin(), target_of[k].end(), joint);
      if (local == target_of[k].end()) continue;  // cannot happen: its Pk there is 0
      const int j = static_cast<int>(local - target_of[k].begin());
      if (plan.problem.max_weapons >= 0 && weapons >= plan.problem.max_weapons) continue;
      const bool fresh = std::find(new_targets.begin(), new_targets.end(), j) == new_targets.end();
      if (fresh && plan.problem.max_targets >= 0 && static_cast<int>(new_targets.size()) >= plan.problem.max_targets) continue;
      if (fresh) new_targets.push_back(j);
      mine[i] = j;
      ++weapons;
    }
  }
  return out;
}

}  // namespace skyshield
