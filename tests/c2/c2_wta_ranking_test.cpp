// The exchange search's kept ranking (c2/wta_ranking.hpp) against brute force: after random changes
// to random targets' scores (some targets stop or start qualifying), updating only the changed targets
// gives the same leading pairs as sorting every pair.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "c2/wta_ranking.hpp"

namespace skyshield {
namespace {

std::vector<std::pair<double, int>> brute_force(const std::vector<double>& score, const std::vector<char>& qualifies) {
  std::vector<std::pair<double, int>> all;
  for (std::size_t t = 0; t < score.size(); ++t)
    if (qualifies[t]) all.emplace_back(score[t], static_cast<int>(t));
  std::sort(all.begin(), all.end());
  return all;
}

TEST(WtaRanking, UpdatedRankingLeadsLikeAFullSort) {
  std::mt19937_64 rng(7);
  constexpr int kKeep = 16, kNeed = 7;
  int updates = 0;
  for (int trial = 0; trial < 200; ++trial) {
    const int nt = 5 + static_cast<int>(rng() % 60);
    std::vector<double> score(static_cast<std::size_t>(nt));
    std::vector<char> qualifies(static_cast<std::size_t>(nt));
    // Scores from a small set of values, so that ties (broken by target) are common.
    const auto draw = [&](int t) {
      score[static_cast<std::size_t>(t)] = -static_cast<double>(rng() % 25);
      qualifies[static_cast<std::size_t>(t)] = rng() % 5 != 0;
    };
    for (int t = 0; t < nt; ++t) draw(t);
    const auto fn = [&](int t, double& c) {
      c = score[static_cast<std::size_t>(t)];
      return qualifies[static_cast<std::size_t>(t)] != 0;
    };
    RankedTargets r;
    r.rank_all(nt, kKeep, fn);
    for (int round = 0; round < 30; ++round) {
      std::vector<int> changed;
      std::vector<char> is_changed(static_cast<std::size_t>(nt), 0);
      const int n = static_cast<int>(rng() % 6);
      for (int k = 0; k < n; ++k) {
        const int t = static_cast<int>(rng() % static_cast<unsigned>(nt));
        if (!is_changed[static_cast<std::size_t>(t)]) changed.push_back(t);
        is_changed[static_cast<std::size_t>(t)] = 1;
        draw(t);
      }
      r.rank_changed(nt, kKeep, kNeed, changed, is_changed, fn);
      const auto all = brute_force(score, qualifies);
      const std::size_t lead = std::min<std::size_t>(all.size(), kNeed);
      ASSERT_GE(r.best.size(), lead) << "trial " << trial << " round " << round;
      for (std::size_t i = 0; i < r.best.size(); ++i) ASSERT_EQ(r.best[i], all[i]) << "trial " << trial << " round " << round << " pair " << i;
      if (!r.truncated) {
        EXPECT_EQ(all.size(), r.best.size()) << "an untruncated list holds every pair";
      }
      ++updates;
    }
  }
  EXPECT_EQ(updates, 200 * 30);
}

}  // namespace
}  // namespace skyshield
