// JPDA marginals against the single-target PDAF closed form (Bar-Shalom, Willett & Tian 2011,
// eq. 3.4.3-x: beta_i = L_i / (1 - Pd Pg + sum L), beta_0 = (1 - Pd Pg) / (...)) and against the
// seven joint events of two tracks and two detections written out by hand; gating clusters and the
// detection grid against brute force.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/rng.hpp"
#include "tracking/gating.hpp"
#include "tracking/jpda.hpp"

namespace skyshield {
namespace {

TEST(Jpda, OneTrackIsThePdaf) {
  Eigen::MatrixXd L(1, 3);
  L << 2.0, 0.5, 0.0;   // third detection outside the gate
  const double pdpg = 0.9 * 0.999;
  Eigen::MatrixXd beta;
  ASSERT_TRUE(jpda_marginals(L, pdpg, 1000, beta));
  const double den = 1.0 - pdpg + 2.5;
  EXPECT_NEAR(beta(0, 0), (1.0 - pdpg) / den, 1e-12);
  EXPECT_NEAR(beta(0, 1), 2.0 / den, 1e-12);
  EXPECT_NEAR(beta(0, 2), 0.5 / den, 1e-12);
  EXPECT_EQ(beta(0, 3), 0.0);
}

TEST(Jpda, TwoTracksTwoDetectionsByHand) {
  Eigen::MatrixXd L(2, 2);
  L << 3.0, 1.0, 0.5, 2.0;
  const double m = 1.0 - 0.8;
  Eigen::MatrixXd beta;
  ASSERT_TRUE(jpda_marginals(L, 0.8, 1000, beta));
  // Events (track 1 gets, track 2 gets): (-,-) (1,-) (2,-) (-,1) (-,2) (1,2) (2,1).
  const double e00 = m * m, e10 = 3.0 * m, e20 = 1.0 * m, e01 = m * 0.5, e02 = m * 2.0, e12 = 3.0 * 2.0, e21 = 1.0 * 0.5;
  const double c = e00 + e10 + e20 + e01 + e02 + e12 + e21;
  EXPECT_NEAR(beta(0, 0), (e00 + e01 + e02) / c, 1e-12);
  EXPECT_NEAR(beta(0, 1), (e10 + e12) / c, 1e-12);
  EXPECT_NEAR(beta(0, 2), (e20 + e21) / c, 1e-12);
  EXPECT_NEAR(beta(1, 0), (e00 + e10 + e20) / c, 1e-12);
  EXPECT_NEAR(beta(1, 1), (e01 + e21) / c, 1e-12);
  EXPECT_NEAR(beta(1, 2), (e02 + e12) / c, 1e-12);
}

TEST(Jpda, RefusesClustersBeyondTheEventLimit) {
  const Eigen::MatrixXd L = Eigen::MatrixXd::Ones(6, 6);   // 7^6 = 117,649 > 1,000 bound
  Eigen::MatrixXd beta;
  EXPECT_FALSE(jpda_marginals(L, 0.9, 1000, beta));
}

TEST(Gating, ClustersAreTheConnectedComponents) {
  // Tracks 0-1 share detection 1; track 2 alone with detection 3; track 3 has nothing.
  const std::vector<GatePair> pairs{{0, 0}, {2, 3}, {1, 1}, {0, 1}, {1, 2}};
  const auto c = gate_clusters(pairs, 4, 4);
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0], (std::vector<int>{0, 2, 3, 4}));
  EXPECT_EQ(c[1], (std::vector<int>{1}));
}

TEST(Gating, GridFindsEveryPointABruteForceSearchFinds) {
  Rng rng(9);
  std::vector<Vec3> pts;
  for (int i = 0; i < 2000; ++i) pts.emplace_back(rng.uniform(-1e5, 1e5), rng.uniform(-1e5, 1e5), rng.uniform(0, 1e4));
  const DetectionGrid grid(pts, 3000.0);
  std::vector<int> near;
  for (int q = 0; q < 500; ++q) {
    const Vec3 c(rng.uniform(-1.1e5, 1.1e5), rng.uniform(-1.1e5, 1.1e5), 0.0);
    const double r = rng.uniform(10.0, 20000.0);
    grid.query(c, r, near);
    for (int i = 0; i < 2000; ++i) {
      const double dx = pts[i].x() - c.x(), dy = pts[i].y() - c.y();
      if (dx * dx + dy * dy <= r * r) {
        EXPECT_TRUE(std::binary_search(near.begin(), near.end(), i)) << q << " " << i;
      }
    }
  }
}

}  // namespace
}  // namespace skyshield
