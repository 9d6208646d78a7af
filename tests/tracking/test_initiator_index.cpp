// The initiators' index (tracking/initiator_index.hpp) against brute force: near() against the
// pairing gate's quick reject evaluated pair by pair (two_point_distance2 returns infinity exactly
// when it rejects), due() against a scan of every initiator's reach time.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "tracking/initiator_index.hpp"
#include "tracking/track_initiation.hpp"

namespace skyshield {
namespace {

struct Point {
  Vec3 z;
  Mat3 R;
  double t;
};

Point random_point(std::mt19937_64& rng, double t_max) {
  std::uniform_real_distribution<double> pos(-150e3, 150e3), alt(0.0, 30e3), sigma(20.0, 3000.0), when(0.0, t_max);
  Point p;
  p.z = Vec3(pos(rng), pos(rng), alt(rng));
  p.R = Mat3::Zero();
  for (int i = 0; i < 3; ++i) p.R(i, i) = std::pow(sigma(rng), 2);
  p.t = when(rng);
  return p;
}

// Reference: initiator k is near when some detection j is not surely apart from it, i.e.
// two_point_distance2 is finite (track_initiation.hpp: infinity exactly when the quick reject holds).
TEST(InitiatorIndex, NearFindsEveryPairTheQuickRejectKeeps) {
  std::mt19937_64 rng(7);
  const double gate = 27.7, sigma_v = 990.0, cv_q = 10.0, t = 40.0;
  std::size_t kept = 0, rejected = 0;   // over all trials: both must occur, or the test shows nothing
  for (int trial = 0; trial < 20; ++trial) {
    InitiatorIndex index;
    std::vector<Point> inits;
    const double noreach[4] = {0, 0, 0, 0};
    for (int k = 0; k < 300; ++k) {
      inits.push_back(random_point(rng, t));
      index.add(inits.back().z, inits.back().t, inits.back().R.trace(), noreach);
    }
    std::vector<Vec3> det;
    std::vector<double> det_trace;
    std::vector<Mat3> det_R;
    for (int j = 0; j < 1 + trial % 5; ++j) {
      const Point d = random_point(rng, t);
      det.push_back(d.z);
      det_R.push_back(d.R);
      det_trace.push_back(d.R.trace());
    }
    std::vector<int> expected;
    for (int k = 0; k < static_cast<int>(inits.size()); ++k) {
      const Point& c = inits[static_cast<std::size_t>(k)];
      for (std::size_t j = 0; j < det.size(); ++j)
        if (std::isfinite(two_point_distance2(det[j] - c.z, c.R, det_R[j], t - c.t, sigma_v, cv_q, gate))) {
          expected.push_back(k);
          break;
        }
    }
    std::vector<int> got;
    index.near(det, det_trace, t, gate, sigma_v, cv_q, got);
    EXPECT_TRUE(std::is_sorted(got.begin(), got.end()));
    EXPECT_EQ(got, expected) << "trial " << trial;
    kept += expected.size();
    rejected += inits.size() - expected.size();
  }
  EXPECT_GT(kept, 100u);
  EXPECT_GT(rejected, 100u);
}

// Reference: a scan of every initiator's current reach time for the radar.
TEST(InitiatorIndex, DueReturnsExactlyTheInitiatorsASweepMayReach) {
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> when(0.0, 100.0);
  InitiatorIndex index(2);
  std::vector<double> reach;   // radar 1's reach time per initiator
  for (int k = 0; k < 200; ++k) {
    const double r[2] = {Initiator::kNoReach, when(rng)};
    reach.push_back(r[1]);
    index.add(Vec3::Zero(), 0.0, 1.0, r);
  }
  for (double t1 = 5.0; t1 < 200.0; t1 += 5.0) {
    std::vector<int> expected, got;
    for (int k = 0; k < static_cast<int>(reach.size()); ++k)
      if (reach[static_cast<std::size_t>(k)] <= t1) expected.push_back(k);
    index.due(1, t1, got);
    std::sort(got.begin(), got.end());
    EXPECT_EQ(got, expected) << "t1 " << t1;
    // Each one popped goes back with a later reach time, as the tracker puts them back.
    for (const int k : got) {
      reach[static_cast<std::size_t>(k)] = t1 + when(rng);
      index.again(1, k, reach[static_cast<std::size_t>(k)]);
    }
  }
  // Radar 0 knows nothing of any: every one is due at once.
  std::vector<int> all;
  index.due(0, -1e299, all);
  EXPECT_EQ(all.size(), reach.size());
  index.clear();
  EXPECT_EQ(index.size(), 0u);
  std::vector<int> none;
  index.due(1, 1e300, none);
  EXPECT_TRUE(none.empty());
}

}  // namespace
}  // namespace skyshield
