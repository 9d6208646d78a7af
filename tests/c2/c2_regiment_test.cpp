// The regiment's joint weapon-target assignment (c2/network/regiment.hpp) on hand-made plans of two
// battalions, against the exhaustive optimum (c2/wta.hpp: wta_brute_force) and hand computation.
#include <gtest/gtest.h>

#include "c2/network/regiment.hpp"
#include "c2/wta.hpp"
#include "core/rng.hpp"

namespace skyshield {
namespace {

// A battalion's plan: one weapon per row of pk, threats with the given track ids and values.
struct Member {
  std::vector<ThreatAssessment> assessments;
  ShotPlan plan;
  CommandPostInputs inputs;
};

Member member(const std::vector<int>& tracks, const std::vector<double>& values, const Eigen::MatrixXd& pk,
              const std::vector<InterceptorClass>* classes, int cls) {
  Member m;
  for (int t : tracks) {
    ThreatAssessment a;
    a.track_id = t;
    m.assessments.push_back(a);
  }
  m.plan.any = true;
  m.plan.problem.value = values;
  m.plan.problem.pk = pk;
  m.plan.problem.max_per_target.assign(tracks.size(), 1);
  for (Eigen::Index i = 0; i < pk.rows(); ++i) {
    m.plan.weapons.push_back(static_cast<int>(i));
    m.inputs.launchers.push_back({cls, 4, true, 5.0});
  }
  m.inputs.classes = classes;
  return m;
}

void link(Member& m) {
  m.plan.threats.clear();
  for (const ThreatAssessment& a : m.assessments) m.plan.threats.push_back(&a);
}

const Vec3 kNorth(-4.0e6, 4.3e6, -2.4e6);

TEST(Regiment, JointAssignmentBeatsBattalionsInTurn) {
  // Two threats, the same objects seen by both battalions (one system track each). Battalion A's
  // one weapon: Pk 0.9 on T1, 0.8 on T2; battalion B's one weapon reaches T1 only (0.7). In turn, A
  // takes T1 (its best) and B, deconflicted, has nothing left: surviving value 0.1 + 1 = 1.1. Joint:
  // A -> T2, B -> T1: 0.2 + 0.3 = 0.5, the optimum of the 3^2 assignments (brute force), which the
  // exact solver finds (greedy, myopic, takes A -> T1 first as in turn, and the local search from it
  // cannot move B onto the full T1: measured, both stay at 1.1).
  const std::vector<InterceptorClass> classes(1);
  AirPicture pic;
  pic.update({{0, 1, kNorth, 1e4 * Mat3::Identity()}, {1, 11, kNorth, 1e4 * Mat3::Identity()},
              {0, 2, kNorth + Vec3(50e3, 0, 0), 1e4 * Mat3::Identity()}, {1, 12, kNorth + Vec3(50e3, 0, 0), 1e4 * Mat3::Identity()}});
  Eigen::MatrixXd pa(1, 2), pb(1, 2);
  pa << 0.9, 0.8;
  pb << 0.7, 0.0;
  Member a = member({1, 2}, {1.0, 1.0}, pa, &classes, 0), b = member({11, 12}, {1.0, 1.0}, pb, &classes, 0);
  link(a);
  link(b);
  const std::vector<MemberPlan> members{{0, &a.inputs, &a.plan}, {1, &b.inputs, &b.plan}};
  std::vector<std::vector<int>> target_of;
  const WtaProblem joint = joint_problem(members, pic, &target_of);
  ASSERT_EQ(joint.value.size(), 2u);  // two objects, not four tracks
  EXPECT_EQ(target_of[0], target_of[1]);
  for (const WtaSolver solver : {WtaSolver::Exact}) {
    RegimentParams params;
    params.solver = solver;
    const std::vector<std::vector<int>> got = joint_assignment(members, pic, params);
    ASSERT_EQ(got.size(), 2u);
    EXPECT_EQ(got[0], std::vector<int>{1}) << to_string(solver);  // A -> its T2
    EXPECT_EQ(got[1], std::vector<int>{0}) << to_string(solver);  // B -> its T11 (= T1)
  }
  const std::vector<int> joint_assign{target_of[0][1], target_of[1][0]};
  EXPECT_NEAR(wta_surviving_value(joint, joint_assign), 0.5, 1e-12);
  EXPECT_NEAR(wta_surviving_value(joint, wta_brute_force(joint)), 0.5, 1e-12);
}

TEST(Regiment, CostWeightWithdrawsShotsNotWorthTheirInterceptor) {
  // One battalion, two weapons of unit cost 1 and 4, one threat of value 10, Pk 0.5 each, two
  // shots allowed. Expected value saved by each with the other also fired: 10 x 0.5 x 0.5 = 2.5.
  // cost_weight 0.5: the costly one's threshold is 2 (kept), at 1.0 it is 4: withdrawn, and the
  // cheap one then saves 5 > 1: kept.
  std::vector<InterceptorClass> classes(2);
  classes[0].unit_cost = 1.0;
  classes[1].unit_cost = 4.0;
  AirPicture pic;
  Eigen::MatrixXd pk(2, 1);
  pk << 0.5, 0.5;
  Member m = member({1}, {10.0}, pk, &classes, 0);
  m.inputs.launchers[1].interceptor_class = 1;
  m.plan.problem.max_per_target = {2};
  link(m);
  const std::vector<MemberPlan> members{{0, &m.inputs, &m.plan}};
  RegimentParams p;
  p.cost_weight = 0.5;
  EXPECT_EQ(joint_assignment(members, pic, p)[0], (std::vector<int>{0, 0}));
  p.cost_weight = 1.0;
  EXPECT_EQ(joint_assignment(members, pic, p)[0], (std::vector<int>{0, -1}));
  p.cost_weight = 6.0;  // even alone the cheap one saves 5 < 6
  EXPECT_EQ(joint_assignment(members, pic, p)[0], (std::vector<int>{-1, -1}));
}

TEST(Regiment, ABattalionsShareStaysWithinItsOwnChannels) {
  // Battalion A has three weapons but one free missile channel: only one of its weapons fires.
  const std::vector<InterceptorClass> classes(1);
  AirPicture pic;
  Eigen::MatrixXd pk(3, 3);
  pk << 0.9, 0.8, 0.7, 0.9, 0.8, 0.7, 0.9, 0.8, 0.7;
  Member a = member({1, 2, 3}, {1.0, 1.0, 1.0}, pk, &classes, 0);
  a.plan.problem.max_weapons = 1;
  link(a);
  const std::vector<std::vector<int>> got = joint_assignment({{0, &a.inputs, &a.plan}}, pic, RegimentParams{});
  int fired = 0;
  for (int j : got[0]) fired += j >= 0 ? 1 : 0;
  EXPECT_EQ(fired, 1);
}

}  // namespace
}  // namespace skyshield

namespace skyshield {
namespace {

TEST(Regiment, ShotsCutByABattalionsChannelsGoToAnotherBattalion) {
  // Two objects, both seen by both battalions. A's two weapons: Pk 0.9 on each; B's two: 0.6 on each;
  // one round per target this cycle (salvo room 1), values 1. A's engagement radar has one free
  // target channel. The solve sees the regiment's two channels and gives A both targets (surviving
  // value 0.1 + 0.1 = 0.2, the optimum without per-battalion channels); A's channel cut keeps A -> T1
  // only. Before the repair B stayed idle and T2 went unengaged (surviving 0.1 + 1 = 1.1); the best
  // assignment within each battalion's channels is A -> T1, B -> T2: 0.1 + 0.4 = 0.5 (hand computed;
  // the brute-force check below confirms it is the optimum when A may engage one target).
  const std::vector<InterceptorClass> classes(1);
  AirPicture pic;
  pic.update({{0, 1, kNorth, 1e4 * Mat3::Identity()}, {1, 11, kNorth, 1e4 * Mat3::Identity()},
              {0, 2, kNorth + Vec3(50e3, 0, 0), 1e4 * Mat3::Identity()}, {1, 12, kNorth + Vec3(50e3, 0, 0), 1e4 * Mat3::Identity()}});
  Eigen::MatrixXd pa(2, 2), pb(2, 2);
  pa << 0.9, 0.9, 0.9, 0.9;
  pb << 0.6, 0.6, 0.6, 0.6;
  Member a = member({1, 2}, {1.0, 1.0}, pa, &classes, 0), b = member({11, 12}, {1.0, 1.0}, pb, &classes, 0);
  a.plan.problem.max_targets = 1;
  link(a);
  link(b);
  const std::vector<MemberPlan> members{{0, &a.inputs, &a.plan}, {1, &b.inputs, &b.plan}};
  for (const WtaSolver solver : {WtaSolver::Greedy, WtaSolver::Exact}) {
    RegimentParams params;
    params.solver = solver;
    const std::vector<std::vector<int>> got = joint_assignment(members, pic, params);
    ASSERT_EQ(got.size(), 2u);
    // A engages one target, B the other.
    int a_shots = 0, b_shots = 0, a_target = -1, b_target = -1;
    for (int j : got[0]) if (j >= 0) { ++a_shots; a_target = j; }
    for (int j : got[1]) if (j >= 0) { ++b_shots; b_target = j; }
    EXPECT_EQ(a_shots, 1) << to_string(solver);
    EXPECT_EQ(b_shots, 1) << to_string(solver);
    EXPECT_NE(a_target, b_target) << to_string(solver);  // local indices: 0 = T1/T11, 1 = T2/T12
  }
  // Brute force over A's one weapon (A has one target channel, one round per target) and B's two.
  WtaProblem within;
  within.value = {1.0, 1.0};
  within.max_per_target = {1, 1};
  within.pk = Eigen::MatrixXd(3, 2);
  within.pk << 0.9, 0.9, 0.6, 0.6, 0.6, 0.6;
  EXPECT_NEAR(wta_surviving_value(within, wta_brute_force(within)), 0.5, 1e-12);
}

}  // namespace
}  // namespace skyshield

namespace skyshield {
namespace {

TEST(Regiment, RoomIsTheLargestMembersAndEachMemberKeepsItsOwn) {
  // One object held by both battalions. A cannot look again after this shot (salvo room 2: its
  // doctrine's salvo when there is no time to look), B can (room 1). A: one weapon, Pk 0.1;
  // B: two weapons, Pk 0.9 each. The regiment may put two rounds on it (A's room), but B at most one:
  // the best within the rooms is B's one round and A's: surviving 1 x 0.1 x 0.9 = 0.09 (hand
  // computed; B's two rounds, 0.01, would exceed B's room). Under the old rule (the smaller room,
  // 1) only B's round flew: 0.1.
  const std::vector<InterceptorClass> classes(1);
  AirPicture pic;
  pic.update({{0, 1, kNorth, 1e4 * Mat3::Identity()}, {1, 11, kNorth, 1e4 * Mat3::Identity()}});
  Eigen::MatrixXd pa(1, 1), pb(2, 1);
  pa << 0.1;
  pb << 0.9, 0.9;
  Member a = member({1}, {1.0}, pa, &classes, 0), b = member({11}, {1.0}, pb, &classes, 0);
  a.plan.problem.max_per_target = {2};
  link(a);
  link(b);
  const std::vector<MemberPlan> members{{0, &a.inputs, &a.plan}, {1, &b.inputs, &b.plan}};
  EXPECT_EQ(joint_problem(members, pic).max_per_target, (std::vector<int>{2}));
  for (const WtaSolver solver : {WtaSolver::Greedy, WtaSolver::Exact}) {
    RegimentParams params;
    params.solver = solver;
    const std::vector<std::vector<int>> got = joint_assignment(members, pic, params);
    EXPECT_EQ(got[0], (std::vector<int>{0})) << to_string(solver);
    int b_shots = 0;
    for (int j : got[1]) b_shots += j >= 0 ? 1 : 0;
    EXPECT_EQ(b_shots, 1) << to_string(solver);
  }
}

}  // namespace
}  // namespace skyshield

namespace skyshield {
namespace {

// The joint plan against battalions in turn on the same decision: with the in-turn baseline (the
// default) the joint plan never leaves more value surviving than the in-turn plan, over 300 random
// two-battalion decisions (3 objects held by both, 2-3 weapons each, random Pk, values and rooms;
// no channel limits, so no share is cut). Without the baseline the pure joint solve is measured too:
// with the exact solver it is never worse either (the exact optimum), so the baseline matters for
// ties and for the approximate solvers; the greedy solver is worse than in turn on some draws.
TEST(Regiment, JointIsNeverWorseThanBattalionsInTurnOnTheDecision) {
  const std::vector<InterceptorClass> classes(1);
  AirPicture pic;
  pic.update({{0, 1, kNorth, 1e4 * Mat3::Identity()}, {1, 11, kNorth, 1e4 * Mat3::Identity()},
              {0, 2, kNorth + Vec3(50e3, 0, 0), 1e4 * Mat3::Identity()}, {1, 12, kNorth + Vec3(50e3, 0, 0), 1e4 * Mat3::Identity()},
              {0, 3, kNorth + Vec3(0, 50e3, 0), 1e4 * Mat3::Identity()}, {1, 13, kNorth + Vec3(0, 50e3, 0), 1e4 * Mat3::Identity()}});
  Rng rng(20261206);
  int greedy_worse = 0;
  for (int trial = 0; trial < 300; ++trial) {
    const int na = 2 + static_cast<int>(rng.uniform() * 2.0), nb = 2 + static_cast<int>(rng.uniform() * 2.0);
    Eigen::MatrixXd pa(na, 3), pb(nb, 3);
    for (Eigen::Index i = 0; i < pa.size(); ++i) pa(i) = rng.uniform() < 0.2 ? 0.0 : rng.uniform();
    for (Eigen::Index i = 0; i < pb.size(); ++i) pb(i) = rng.uniform() < 0.2 ? 0.0 : rng.uniform();
    const std::vector<double> values{0.5 + rng.uniform(), 0.5 + rng.uniform(), 0.5 + rng.uniform()};
    Member a = member({1, 2, 3}, values, pa, &classes, 0), b = member({11, 12, 13}, values, pb, &classes, 0);
    for (int& r : a.plan.problem.max_per_target) r = 1 + static_cast<int>(rng.uniform() * 2.0);
    b.plan.problem.max_per_target = a.plan.problem.max_per_target;
    link(a);
    link(b);
    const std::vector<MemberPlan> members{{0, &a.inputs, &a.plan}, {1, &b.inputs, &b.plan}};
    std::vector<std::vector<int>> target_of;
    const WtaProblem p = joint_problem(members, pic, &target_of);
    auto joint_rows = [&](const std::vector<std::vector<int>>& got) {
      std::vector<int> rows;
      for (std::size_t k = 0; k < got.size(); ++k)
        for (int j : got[k]) rows.push_back(j >= 0 ? target_of[k][static_cast<std::size_t>(j)] : -1);
      return rows;
    };
    for (const WtaSolver solver : {WtaSolver::Greedy, WtaSolver::Exact}) {
      RegimentParams params;
      params.solver = solver;
      const double in_turn = wta_surviving_value(p, in_turn_assignment(members, pic, params));
      EXPECT_LE(wta_surviving_value(p, joint_rows(joint_assignment(members, pic, params))), in_turn + 1e-12)
          << "trial " << trial << " " << to_string(solver);
      params.in_turn_baseline = false;
      const double pure = wta_surviving_value(p, joint_rows(joint_assignment(members, pic, params)));
      if (solver == WtaSolver::Exact) EXPECT_LE(pure, in_turn + 1e-9) << "trial " << trial;
      else greedy_worse += pure > in_turn + 1e-12;
    }
  }
  EXPECT_GT(greedy_worse, 0);  // the baseline is not idle: measured on these draws
}

}  // namespace
}  // namespace skyshield
