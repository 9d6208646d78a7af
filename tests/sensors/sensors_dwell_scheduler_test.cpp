// Track-dwell scheduling against a brute-force reference: over every subset of a small request set,
// the chosen one is the lexicographic best (guided tracks, then priority, then lower track id) of the
// subsets that fit the channels.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "sensors/dwell_scheduler.hpp"

namespace skyshield {
namespace {

TEST(DwellScheduler, GuidedFirstThenMostUrgent) {
  const std::vector<DwellRequest> req = {
      {1, Vec3::Zero(), 5.0, false}, {2, Vec3::Zero(), 0.5, true}, {3, Vec3::Zero(), 9.0, false},
      {4, Vec3::Zero(), 0.0, false},   // not threatening, not guided: never
      {5, Vec3::Zero(), 5.0, false},
  };
  const auto got = schedule_dwells(req, 3);
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].track_id, 2);   // guided, however low its priority
  EXPECT_EQ(got[1].track_id, 3);
  EXPECT_EQ(got[2].track_id, 1);   // tie with 5 broken by id
  EXPECT_EQ(schedule_dwells(req, 10).size(), 4u);
  EXPECT_TRUE(schedule_dwells(req, 0).empty());
}

TEST(DwellScheduler, MatchesBruteForceOnRandomSets) {
  std::mt19937 gen(3);
  for (int trial = 0; trial < 200; ++trial) {
    const int n = 1 + static_cast<int>(gen() % 7), channels = static_cast<int>(gen() % 5);
    std::vector<DwellRequest> req;
    for (int i = 0; i < n; ++i) req.push_back({i, Vec3::Zero(), static_cast<double>(gen() % 4), gen() % 3 == 0});
    // Brute force: the score of a subset is its sorted key vector; the best eligible subset of the largest
    // possible size wins.
    auto key = [](const DwellRequest& r) { return std::make_tuple(!r.guiding, -r.priority, r.track_id); };
    std::vector<int> best;
    for (int mask = 0; mask < (1 << n); ++mask) {
      std::vector<int> pick;
      bool eligible = true;
      for (int i = 0; i < n; ++i)
        if (mask >> i & 1) {
          eligible = eligible && (req[i].guiding || req[i].priority > 0.0);
          pick.push_back(i);
        }
      if (!eligible || static_cast<int>(pick.size()) > channels) continue;
      std::sort(pick.begin(), pick.end(), [&](int a, int b) { return key(req[a]) < key(req[b]); });
      auto better = [&](const std::vector<int>& a, const std::vector<int>& b) {
        if (a.size() != b.size()) return a.size() > b.size();
        for (std::size_t i = 0; i < a.size(); ++i)
          if (key(req[a[i]]) != key(req[b[i]])) return key(req[a[i]]) < key(req[b[i]]);
        return false;
      };
      if (best.empty() || better(pick, best)) best = pick;
    }
    const auto got = schedule_dwells(req, channels);
    ASSERT_EQ(got.size(), best.size());
    for (std::size_t i = 0; i < got.size(); ++i) EXPECT_EQ(got[i].track_id, req[best[i]].track_id);
  }
}

// Cued search (BMD): a cue on a ballistic object takes a channel only when the guided engagements
// and the threats leave one free; cues among themselves by track id.
TEST(DwellScheduler, CuesTakeOnlyTheChannelsLeftFree) {
  std::vector<DwellRequest> req{{5, Vec3::Zero(), 0.0, false, true}, {3, Vec3::Zero(), 0.0, false, true},
                                {9, Vec3::Zero(), 2.0, false, false}, {7, Vec3::Zero(), 0.0, true, false},
                                {4, Vec3::Zero(), 0.0, false, false}};   // 4: no threat, no cue: never
  auto ids = [](const std::vector<DwellRequest>& v) {
    std::vector<int> out;
    for (const DwellRequest& r : v) out.push_back(r.track_id);
    return out;
  };
  EXPECT_EQ(ids(schedule_dwells(req, 10)), std::vector<int>({7, 9, 3, 5}));
  EXPECT_EQ(ids(schedule_dwells(req, 3)), std::vector<int>({7, 9, 3}));
  EXPECT_EQ(ids(schedule_dwells(req, 2)), std::vector<int>({7, 9}));
}

}  // namespace
}  // namespace skyshield
