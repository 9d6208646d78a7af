// Reserve valuation of the regiment's joint assignment (c2/network/reserve.hpp): a hand-computed
// case through joint_assignment, and the rebalancing against the exhaustive optimum of its objective
// over every assignment with the same shots per target (brute force on small random cases).
#include <gtest/gtest.h>

#include <functional>

#include "c2/network/regiment.hpp"
#include "c2/network/reserve.hpp"
#include "core/rng.hpp"

namespace skyshield {
namespace {

const Vec3 kNorth(-4.0e6, 4.3e6, -2.4e6);

struct Member {
  ThreatAssessment assessment;
  ShotPlan plan;
  CommandPostInputs inputs;
};

TEST(Reserve, TheShotGoesToTheBattalionWithRoundsToSpare) {
  // One object seen by both battalions (one system track). A's one ready launcher: Pk 0.8, A holds
  // 2 rounds; B's: Pk 0.75, B holds 20. One round on the target. Value only, A fires: surviving
  // value 0.2 against 0.25. With reserve_weight 1 the round costs 1 x 1 / s: J(A fires) = 0.2 + 1/2
  // = 0.7, J(B fires) = 0.25 + 1/20 = 0.30, J(both) is not allowed (one round per target), so B
  // fires (hand computation from the objective in c2/network/reserve.hpp).
  const std::vector<InterceptorClass> classes(1);
  AirPicture pic;
  pic.update({{0, 1, kNorth, 1e4 * Mat3::Identity()}, {1, 11, kNorth, 1e4 * Mat3::Identity()}});
  Member a, b;
  for (auto [m, track, pk, rounds] : {std::tuple{&a, 1, 0.8, 2}, std::tuple{&b, 11, 0.75, 20}}) {
    m->assessment.track_id = track;
    m->assessment.priority = 1.0;
    m->plan.any = true;
    m->plan.threats = {&m->assessment};
    m->plan.weapons = {0};
    m->plan.problem.value = {1.0};
    m->plan.problem.pk = Eigen::MatrixXd::Constant(1, 1, pk);
    m->plan.problem.max_per_target = {1};
    m->inputs.classes = &classes;
    m->inputs.launchers = {{0, rounds, true, 5.0}};
  }
  const std::vector<MemberPlan> members{{0, &a.inputs, &a.plan}, {1, &b.inputs, &b.plan}};
  RegimentParams params;
  params.solver = WtaSolver::Exact;
  EXPECT_EQ(joint_assignment(members, pic, params), (std::vector<std::vector<int>>{{0}, {-1}}));
  params.reserve_weight = 1.0;
  EXPECT_EQ(joint_assignment(members, pic, params), (std::vector<std::vector<int>>{{-1}, {0}}));
  params.reserve_weight = 0.05;  // 0.2 + 0.025 = 0.225 < 0.25 + 0.0025: A keeps it
  EXPECT_EQ(joint_assignment(members, pic, params), (std::vector<std::vector<int>>{{0}, {-1}}));
}

// Every assignment with `count[j]` shots on target j and within each member's channels: the minimum
// of the reserve objective (exhaustive enumeration).
double brute_force_minimum(const WtaProblem& p, const ReserveRows& rows, double w, const std::vector<int>& count) {
  const std::size_t n = static_cast<std::size_t>(p.pk.rows());
  std::vector<int> x(n, -1);
  double best = 1e300;
  std::function<void(std::size_t)> walk = [&](std::size_t i) {
    if (i == n) {
      std::vector<int> c(p.value.size(), 0);
      for (int j : x) if (j >= 0) ++c[static_cast<std::size_t>(j)];
      if (c != count) return;
      for (std::size_t m = 0; m < rows.stock.size(); ++m) {
        int weapons = 0;
        std::vector<int> targets;
        for (std::size_t k = 0; k < n; ++k)
          if (rows.member_of_row[k] == static_cast<int>(m) && x[k] >= 0) {
            ++weapons;
            if (std::find(targets.begin(), targets.end(), x[k]) == targets.end()) targets.push_back(x[k]);
          }
        if (rows.max_weapons[m] >= 0 && weapons > rows.max_weapons[m]) return;
        if (rows.max_targets[m] >= 0 && static_cast<int>(targets.size()) > rows.max_targets[m]) return;
      }
      best = std::min(best, reserve_objective(p, rows, w, x));
      return;
    }
    for (int j = -1; j < static_cast<int>(p.value.size()); ++j) {
      if (j >= 0 && p.pk(static_cast<Eigen::Index>(i), j) <= 0.0) continue;
      x[i] = j;
      walk(i + 1);
    }
    x[i] = -1;
  };
  walk(0);
  return best;
}

TEST(Reserve, RebalancingReachesTheBruteForceOptimumOnSmallCases) {
  // 300 random cases: two members, 2-3 weapons each, 1-3 targets, stocks 1-20, channels unlimited or
  // 1-2, weight 0.5-3.5; the start is a random assignment within the channels. The rebalancing must
  // not raise the objective, keeps the shots per target, and is compared with the brute-force minimum
  // over every assignment with those shots per target within the channels.
  Rng rng = Rng::stream(7, "reserve_test", 0);
  int optimal = 0, cases = 0;
  for (int c = 0; c < 300; ++c) {
    const int wa = 2 + static_cast<int>(rng.uniform() * 2), wb = 2 + static_cast<int>(rng.uniform() * 2);
    const int targets = 1 + static_cast<int>(rng.uniform() * 3);
    WtaProblem p;
    p.pk = Eigen::MatrixXd::Zero(wa + wb, targets);
    for (Eigen::Index i = 0; i < p.pk.rows(); ++i)
      for (Eigen::Index j = 0; j < targets; ++j) p.pk(i, j) = rng.uniform() < 0.2 ? 0.0 : 0.3 + 0.65 * rng.uniform();
    for (int j = 0; j < targets; ++j) p.value.push_back(0.5 + rng.uniform());
    ReserveRows rows;
    rows.member_of_row.assign(static_cast<std::size_t>(wa), 0);
    rows.member_of_row.insert(rows.member_of_row.end(), static_cast<std::size_t>(wb), 1);
    for (int m = 0; m < 2; ++m) {
      rows.stock.push_back(1 + static_cast<int>(rng.uniform() * 20));
      rows.max_weapons.push_back(rng.uniform() < 0.5 ? -1 : 1 + static_cast<int>(rng.uniform() * 2));
      rows.max_targets.push_back(rng.uniform() < 0.5 ? -1 : 1 + static_cast<int>(rng.uniform() * 2));
    }
    const double w = 0.5 + 3.0 * rng.uniform();
    // A random start within the channels: each weapon on a random reachable target or idle.
    std::vector<int> x(static_cast<std::size_t>(wa + wb), -1);
    for (std::size_t i = 0; i < x.size(); ++i) {
      const int j = static_cast<int>(rng.uniform() * (targets + 1)) - 1;
      if (j < 0 || p.pk(static_cast<Eigen::Index>(i), j) <= 0.0) continue;
      std::vector<int> trial = x;
      trial[i] = -1;
      // keep it only if the member's channels allow it
      int weapons = 0;
      std::vector<int> ts{j};
      for (std::size_t k = 0; k < x.size(); ++k)
        if (rows.member_of_row[k] == rows.member_of_row[i] && x[k] >= 0) {
          ++weapons;
          if (std::find(ts.begin(), ts.end(), x[k]) == ts.end()) ts.push_back(x[k]);
        }
      const std::size_t m = static_cast<std::size_t>(rows.member_of_row[i]);
      if ((rows.max_weapons[m] >= 0 && weapons + 1 > rows.max_weapons[m]) ||
          (rows.max_targets[m] >= 0 && static_cast<int>(ts.size()) > rows.max_targets[m]))
        continue;
      x[i] = j;
    }
    std::vector<int> count(static_cast<std::size_t>(targets), 0);
    for (int j : x) if (j >= 0) ++count[static_cast<std::size_t>(j)];
    const double start = reserve_objective(p, rows, w, x);
    std::vector<int> y = x;
    rebalance_for_reserve(p, rows, w, y);
    std::vector<int> after(static_cast<std::size_t>(targets), 0);
    for (int j : y) if (j >= 0) ++after[static_cast<std::size_t>(j)];
    EXPECT_EQ(after, count) << "case " << c;
    const double got = reserve_objective(p, rows, w, y);
    EXPECT_LE(got, start + 1e-12) << "case " << c;
    const double best = brute_force_minimum(p, rows, w, count);
    EXPECT_GE(got, best - 1e-12) << "case " << c;  // the brute force is the minimum
    ++cases;
    if (got <= best + 1e-9) ++optimal;
  }
  // A local search (moves of one shot to a free weapon, swaps of two weapons' targets), not an exact
  // solver: measured optimal on 292 of these 300 cases; the other 8 need a chain of three moves
  // through a member at its channel limit, or a shot moved and a swap at once. At least 95 % must be.
  RecordProperty("optimal", optimal);
  std::printf("rebalancing optimal on %d of %d cases\n", optimal, cases);
  EXPECT_GE(optimal, cases * 95 / 100);
}

}  // namespace
}  // namespace skyshield
