#include "c2/network/regiment.hpp"
#include "c2/network/remote_track.hpp"
#include "c2/network/reserve.hpp"

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
        // The regiment may put on the object as many rounds as the member that needs the most (a
        // battalion with no time to look asks for a salvo while one that can look asks for one round);
        // each member's shots stay within its own room (take_shares).
        p.max_per_target[static_cast<std::size_t>(it->second)] = std::max(p.max_per_target[static_cast<std::size_t>(it->second)], room);
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

// What a battalion has taken of the joint assignment this decision: weapons and new targets.
struct Share {
  int weapons = 0;
  std::vector<int> targets;  // local threat indices newly engaged (each holds a target channel)
  std::vector<int> on;       // per local threat: shots taken on it this decision
};

// The member's own room on its local threat j (its salvo room less its rounds in flight).
int own_room(const ShotPlan& plan, std::size_t j) {
  return plan.problem.max_per_target.empty() ? 1000000 : plan.problem.max_per_target[j];
}

constexpr int kRepairRounds = 3;

// Gives each member the shots of `assignment` (joint rows -> joint targets) its channels allow; returns
// whether some shot was cut.
bool take_shares(const std::vector<MemberPlan>& members, const std::vector<std::vector<int>>& target_of,
                 const std::vector<int>& assignment, std::vector<Share>& share, std::vector<std::vector<int>>& out) {
  bool cut = false;
  std::size_t row = 0;
  for (std::size_t k = 0; k < members.size(); ++k) {
    const ShotPlan& plan = *members[k].plan;
    for (std::size_t i = 0; i < plan.weapons.size(); ++i, ++row) {
      const int joint = assignment[row];
      if (joint < 0) continue;
      const auto local = std::find(target_of[k].begin(), target_of[k].end(), joint);
      if (local == target_of[k].end()) continue;  // cannot happen: its Pk there is 0
      const int j = static_cast<int>(local - target_of[k].begin());
      Share& s = share[k];
      if (s.on.empty()) s.on.assign(plan.threats.size(), 0);
      const bool fresh = std::find(s.targets.begin(), s.targets.end(), j) == s.targets.end();
      if (s.on[static_cast<std::size_t>(j)] >= own_room(plan, static_cast<std::size_t>(j)) ||
          (plan.problem.max_weapons >= 0 && s.weapons >= plan.problem.max_weapons) ||
          (fresh && plan.problem.max_targets >= 0 && static_cast<int>(s.targets.size()) >= plan.problem.max_targets)) {
        cut = true;
        continue;
      }
      if (fresh) s.targets.push_back(j);
      out[k][i] = j;
      ++s.weapons;
      ++s.on[static_cast<std::size_t>(j)];
    }
  }
  return cut;
}

// The problem left after the shares taken: the free weapons of members with a missile channel left
// (`rows`: their joint rows), each target's value times the probability that the shots already on it
// all miss, its room less those shots; a member without a target channel left keeps only the targets
// it already engages. Its channel totals are the members' remaining ones.
WtaProblem residual_problem(const std::vector<MemberPlan>& members, const WtaProblem& p, const std::vector<std::vector<int>>& target_of,
                            const std::vector<Share>& share, const std::vector<std::vector<int>>& out, std::vector<int>& rows) {
  WtaProblem r;
  r.value = p.value;
  r.max_per_target = p.max_per_target;
  r.max_targets = 0;
  r.max_weapons = 0;
  std::vector<std::vector<char>> allowed;
  Eigen::Index row = 0;
  for (std::size_t k = 0; k < members.size(); ++k) {
    const ShotPlan& plan = *members[k].plan;
    const Share& s = share[k];
    const int weapons_left = plan.problem.max_weapons < 0 ? -1 : plan.problem.max_weapons - s.weapons;
    const int targets_left = plan.problem.max_targets < 0 ? -1 : plan.problem.max_targets - static_cast<int>(s.targets.size());
    for (std::size_t i = 0; i < plan.weapons.size(); ++i, ++row) {
      const int j = out[k][i];
      if (j >= 0) {  // taken: the target's value left and room
        const int joint = target_of[k][static_cast<std::size_t>(j)];
        r.value[static_cast<std::size_t>(joint)] *= 1.0 - p.pk(row, joint);
        if (!r.max_per_target.empty()) --r.max_per_target[static_cast<std::size_t>(joint)];
        continue;
      }
      if (weapons_left == 0) continue;
      rows.push_back(static_cast<int>(row));
      std::vector<char> ok(p.value.size(), 0);
      for (std::size_t lj = 0; lj < target_of[k].size(); ++lj)
        ok[static_cast<std::size_t>(target_of[k][lj])] =
            (targets_left != 0 || std::find(s.targets.begin(), s.targets.end(), static_cast<int>(lj)) != s.targets.end()) &&
            (s.on.empty() || s.on[lj] < own_room(plan, lj));
      allowed.push_back(std::move(ok));
    }
    r.max_weapons = r.max_weapons < 0 || weapons_left < 0 ? -1 : r.max_weapons + std::max(0, weapons_left);
    r.max_targets = r.max_targets < 0 || targets_left < 0 ? -1 : r.max_targets + std::max(0, targets_left);
  }
  for (int& room : r.max_per_target) room = std::max(0, room);
  r.pk = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(rows.size()), static_cast<Eigen::Index>(p.value.size()));
  for (std::size_t q = 0; q < rows.size(); ++q)
    for (std::size_t j = 0; j < p.value.size(); ++j)
      if (allowed[q][j]) r.pk(static_cast<Eigen::Index>(q), static_cast<Eigen::Index>(j)) = p.pk(rows[q], static_cast<Eigen::Index>(j));
  return r;
}

std::vector<int> in_turn(const std::vector<MemberPlan>& members, const WtaProblem& p, const std::vector<std::vector<int>>& target_of,
                         const RegimentParams& params) {
  std::vector<int> out;
  std::vector<char> engaged(p.value.size(), 0);
  for (std::size_t k = 0; k < members.size(); ++k) {
    WtaProblem own = members[k].plan->problem;
    for (std::size_t j = 0; j < target_of[k].size(); ++j)
      if (engaged[static_cast<std::size_t>(target_of[k][j])]) own.pk.col(static_cast<Eigen::Index>(j)).setZero();
    const std::vector<int> a = own.pk.size() ? solve_wta(own, params.solver, params.limits).assignment
                                             : std::vector<int>(static_cast<std::size_t>(own.pk.rows()), -1);
    for (int j : a) out.push_back(j >= 0 ? target_of[k][static_cast<std::size_t>(j)] : -1);
    for (int j : a)
      if (j >= 0) engaged[static_cast<std::size_t>(target_of[k][static_cast<std::size_t>(j)])] = 1;
  }
  return out;
}

}  // namespace

std::vector<int> in_turn_assignment(const std::vector<MemberPlan>& members, const AirPicture& picture, const RegimentParams& params) {
  std::vector<std::vector<int>> target_of;
  const WtaProblem p = joint_problem(members, picture, &target_of);
  return in_turn(members, p, target_of, params);
}

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
  if (params.in_turn_baseline) {
    std::vector<int> turn = in_turn(members, p, target_of, params);
    double total = 0.0;
    for (double v : p.value) total += v;
    if (!(wta_surviving_value(p, assignment) < wta_surviving_value(p, turn) - 1e-9 * std::max(total, 1.0)))
      assignment = std::move(turn);
  }
  std::vector<double> cost;
  for (const MemberPlan& m : members)
    for (int w : m.plan->weapons) cost.push_back((*m.inputs->classes)[m.inputs->launchers[w].interceptor_class].unit_cost);
  weigh_cost(p, cost, params.cost_weight, assignment);
  if (params.reserve_weight > 0.0) {  // which battalion fires, valuing the rounds each keeps
    ReserveRows rows;
    for (std::size_t k = 0; k < members.size(); ++k) {
      const ShotPlan& plan = *members[k].plan;
      rows.member_of_row.insert(rows.member_of_row.end(), plan.weapons.size(), static_cast<int>(k));
      int stock = 0;
      for (const LauncherStatus& l : members[k].inputs->launchers) stock += l.rounds_left;
      rows.stock.push_back(stock);
      rows.max_weapons.push_back(plan.problem.max_weapons);
      rows.max_targets.push_back(plan.problem.max_targets);
    }
    rebalance_for_reserve(p, rows, params.reserve_weight, assignment);
  }
  // Each battalion's share, cut to its own free missile and target channels (weapon order). Shots
  // cut there leave value the solve counted on: the weapons still free (of battalions with channels
  // left) are assigned again on the residual problem, until nothing more is taken.
  std::vector<Share> share(members.size());
  for (std::size_t k = 0; k < members.size(); ++k) out[k].assign(members[k].plan->weapons.size(), -1);
  bool cut = take_shares(members, target_of, assignment, share, out);
  for (int round = 0; cut && round < kRepairRounds; ++round) {
    std::vector<int> rows;  // joint rows still free, of battalions with a missile channel left
    const WtaProblem r = residual_problem(members, p, target_of, share, out, rows);
    if (rows.empty()) break;
    std::vector<int> again = solve_wta(r, params.solver, params.limits).assignment;
    std::vector<double> r_cost;
    for (int row : rows) r_cost.push_back(cost[static_cast<std::size_t>(row)]);
    weigh_cost(r, r_cost, params.cost_weight, again);
    std::vector<int> full(assignment.size(), -1);
    bool any = false;
    for (std::size_t q = 0; q < rows.size(); ++q) {
      full[static_cast<std::size_t>(rows[q])] = again[q];
      any = any || again[q] >= 0;
    }
    if (!any) break;
    cut = take_shares(members, target_of, full, share, out);
  }
  return out;
}

}  // namespace skyshield
