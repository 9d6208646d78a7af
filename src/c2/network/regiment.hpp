#pragma once
// The regiment command post: one weapon-target assignment over all its battalions' ready launchers
// instead of battalions in turn. Each battalion's command post plans its candidate shots
// (CommandPost::plan_shots: eligibility, fire control, refusals, salvo room, reserves); the regiment
// joins the plans, one target per object of the shared air picture (a battalion's tracks on the same
// system track are one target; its room the largest of theirs, each battalion's shots within its own),
// solves the joint problem with the network's WTA solvers
// (c2/wta_solvers.hpp) and hands each battalion the part of the assignment for its launchers. Its
// objective can weigh interceptor cost against threat value: a shot whose expected value saved
// (V_j p_ij prod_{other shots k on j} (1 - p_kj)) is below cost_weight x its interceptor's unit cost
// is withdrawn (cheapest saving first, one at a time). With reserve_weight > 0 the solve's shots are
// then moved between battalions to value the rounds each keeps (c2/network/reserve.hpp).
// Unless switched off (in_turn_baseline), the joint solution replaces the plan of the battalions in
// turn (each member solving its own problem on what earlier members left) only when it leaves
// strictly less value surviving: ties and the solver's misses keep the in-turn plan, so the joint
// decision is never worse than battalions in turn on the decision's objective.
// Channel limits stay per battalion: a battalion's share beyond its own free missile or target
// channels is dropped (weapon order), as its engagement radar could not guide it. The solve sees only
// the regiment's channel totals, so a cut can leave a target the solve counted on unengaged while
// another battalion's weapons stay idle: the free weapons of battalions with channels left are then
// assigned again on the residual problem (values times the probability that the shots taken all
// miss, rooms less those shots), up to three times.
#include <vector>

#include "c2/air_picture.hpp"
#include "c2/command_post.hpp"
#include "c2/wta_solvers.hpp"

namespace skyshield {

struct RegimentParams {
  double cost_weight = 0.0;   // value units per interceptor cost unit; 0 = value only
  double reserve_weight = 0.0;  // reserve valuation (c2/network/reserve.hpp); 0 = none
  WtaSolver solver = WtaSolver::Greedy;
  WtaLimits limits{};
  // Keep the battalions-in-turn plan (in_turn_assignment) unless the joint solution leaves strictly
  // less value surviving (by more than 1e-9 of the total value).
  bool in_turn_baseline = true;
};

struct MemberPlan {
  int battalion = -1;                        // index in the network (air picture numbering)
  const CommandPostInputs* inputs = nullptr; // its decision's inputs (launchers, classes)
  const ShotPlan* plan = nullptr;
};

// Per member, the assignment of its plan's weapons (index into its plan.threats, or -1).
std::vector<std::vector<int>> joint_assignment(const std::vector<MemberPlan>& members, const AirPicture& picture,
                                               const RegimentParams& params);

// Battalions in turn inside the regiment, in the members' order: each solves its own plan's problem
// on the objects no earlier member engaged this decision (what battalions deciding alone with
// deconfliction do). Per joint row (members' weapons in order), the joint target or -1.
std::vector<int> in_turn_assignment(const std::vector<MemberPlan>& members, const AirPicture& picture, const RegimentParams& params);

// The joint problem alone (for tests and reports): targets in order of first appearance.
WtaProblem joint_problem(const std::vector<MemberPlan>& members, const AirPicture& picture,
                         std::vector<std::vector<int>>* target_of = nullptr);

}  // namespace skyshield
