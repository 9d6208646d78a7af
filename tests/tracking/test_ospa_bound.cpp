// The crowd bound of OSPA / GOSPA (tracking/ospa.hpp): past OspaBounds::max_near_pairs candidate
// pairs each truth pairs only with its k nearest tracks within the cut-off, a feasible injection, so
// the result is an upper bound of the exact value. The reference is the definition itself
// (Schuhmacher, Vo & Vo 2008, eq. (3); Rahmathullah et al. 2017, eq. (1)) solved on the dense matrix
// of min(c, d)^p by the exact dense assignment (tracking/assignment.hpp), independent of the sparse
// near-pair path under test.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "tracking/assignment.hpp"
#include "tracking/ospa.hpp"
#include "tracking/track_quality.hpp"

namespace skyshield {
namespace {

struct Exact {
  double ospa = 0.0, gospa = 0.0;
};

Exact dense_reference(const std::vector<Vec3>& x, const std::vector<Vec3>& y, const OspaParams& prm) {
  const std::vector<Vec3>& small = x.size() <= y.size() ? x : y;
  const std::vector<Vec3>& large = x.size() <= y.size() ? y : x;
  Eigen::MatrixXd cost(static_cast<Eigen::Index>(small.size()), static_cast<Eigen::Index>(large.size()));
  for (std::size_t i = 0; i < small.size(); ++i)
    for (std::size_t j = 0; j < large.size(); ++j)
      cost(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) =
          std::pow(std::min(prm.cutoff_m, (small[i] - large[j]).norm()), prm.order);
  const double sum = assignment_cost(cost, solve_assignment_dense(cost));
  const double cp = std::pow(prm.cutoff_m, prm.order);
  const double n = static_cast<double>(large.size()), diff = n - static_cast<double>(small.size());
  return {std::pow((sum + cp * diff) / n, 1.0 / prm.order), std::pow(sum + cp / prm.alpha * diff, 1.0 / prm.order)};
}

// A crowd: every point within a few hundred metres of one spot, the cut-off wider than the crowd.
std::vector<Vec3> crowd(std::mt19937& gen, int n, double half_width_m) {
  std::uniform_real_distribution<double> u(-half_width_m, half_width_m);
  std::vector<Vec3> s;
  for (int i = 0; i < n; ++i) s.emplace_back(u(gen), u(gen), 0.2 * u(gen));
  return s;
}

TEST(OspaBound, CrowdedSetsThroughTheBoundGiveAnUpperBoundOfTheExactValue) {
  std::mt19937 gen(27);
  int strictly_above = 0;
  for (int trial = 0; trial < 20; ++trial) {
    const int nx = 30 + trial, ny = 60 - trial;   // both orders of cardinality
    const std::vector<Vec3> x = crowd(gen, nx, 300.0), y = crowd(gen, ny, 300.0);
    const OspaParams prm{400.0 + 20.0 * trial, 1.0 + trial % 3, trial % 2 ? 2.0 : 1.0};
    const Exact want = dense_reference(x, y, prm);
    // Forced through the bound by a low cap (nx * ny candidate pairs > 100), k = 1..4 nearest tracks.
    const SetDistances got = set_distances(x, y, prm, OspaBounds{100, 1 + trial % 4});
    ASSERT_TRUE(got.gospa.upper_bound) << trial;
    EXPECT_GE(got.ospa, want.ospa * (1 - 1e-12)) << trial;
    EXPECT_GE(got.gospa.distance, want.gospa * (1 - 1e-12)) << trial;
    strictly_above += got.gospa.distance > want.gospa * (1 + 1e-9);
    // Still a consistent split (the three parts sum to d^p) and a consistent count.
    const GospaResult& g = got.gospa;
    EXPECT_NEAR(std::pow(g.distance, prm.order), g.localisation + g.missed + g.false_tracks,
                1e-9 * std::pow(g.distance, prm.order));
    EXPECT_EQ(g.assigned + g.missed_count, nx);
    EXPECT_EQ(g.assigned + g.false_count, ny);
    // The default cap lists every pair here: exact, unflagged.
    const SetDistances exact = set_distances(x, y, prm);
    EXPECT_FALSE(exact.gospa.upper_bound);
    EXPECT_NEAR(exact.ospa, want.ospa, 1e-9 * want.ospa) << trial;
    EXPECT_NEAR(exact.gospa.distance, want.gospa, 1e-9 * want.gospa) << trial;
  }
  EXPECT_GT(strictly_above, 0);   // with k = 1 the restriction does bite: not a vacuous check
}

TEST(OspaBound, SeparatePairsThroughTheBoundFindTheExactValue) {
  // Each truth has a single track within c (pairs 5 km apart, c = 1 km, some tracks beyond c of
  // every truth): the optimum is every near pair, which the bounded path must find too.
  std::mt19937 gen(5);
  std::uniform_real_distribution<double> off(-300.0, 300.0);
  for (int trial = 0; trial < 10; ++trial) {
    std::vector<Vec3> x, y;
    for (int k = 0; k < 40; ++k) {
      const Vec3 c(5000.0 * k, 1000.0 * trial, 0.0);
      x.push_back(c);
      if (k % 5 != 0) y.push_back(c + Vec3(off(gen), off(gen), off(gen)));
      if (k % 7 == 0) y.push_back(c + Vec3(0.0, 2000.0, 0.0));   // beyond c: a false track
    }
    const OspaParams prm{1000.0, 1.0 + trial % 2, 2.0};
    const Exact want = dense_reference(x, y, prm);
    const SetDistances got = set_distances(x, y, prm, OspaBounds{10, 2});
    ASSERT_TRUE(got.gospa.upper_bound);
    EXPECT_NEAR(got.ospa, want.ospa, 1e-9 * want.ospa) << trial;
    EXPECT_NEAR(got.gospa.distance, want.gospa, 1e-9 * want.gospa) << trial;
  }
}

TEST(OspaBound, CoincidentTruthsAreStillMatched) {
  // 500 truths at one point (a raid's copies on one route) and 300 tracks within 10 m of it: every
  // truth's k nearest tracks are the same k, so the completion in cubes of side c / 2 must pair the
  // rest. Exact: all 300 tracks matched, at their distances from the point.
  std::mt19937 gen(3);
  const std::vector<Vec3> x(500, Vec3(100.0, 200.0, 300.0));
  std::vector<Vec3> y = crowd(gen, 300, 5.0);
  for (Vec3& p : y) p += x[0];
  const OspaParams prm{1000.0, 2.0, 2.0};
  const Exact want = dense_reference(x, y, prm);
  const SetDistances got = set_distances(x, y, prm, OspaBounds{100, 4});
  ASSERT_TRUE(got.gospa.upper_bound);
  EXPECT_EQ(got.gospa.assigned, 300);
  EXPECT_GE(got.gospa.distance, want.gospa * (1 - 1e-12));
  EXPECT_GE(got.ospa, want.ospa * (1 - 1e-12));
  // Every track is matched in both: the same pairs' distances to one point, so equal up to rounding.
  EXPECT_NEAR(got.gospa.distance, want.gospa, 1e-9 * want.gospa);
}

TEST(OspaBound, AThousandsStrongCrowdAtTheDefaultCapIsFlaggedAndCounted) {
  // 2,500 truths and 2,500 tracks within 100 m, c = 5 km: 6.25 million near pairs > the default
  // cap of 4 million, so the bound applies (16 pairs a truth instead of 2,500).
  std::mt19937 gen(9);
  std::vector<LabelledPoint> truth, tracks;
  for (const Vec3& p : crowd(gen, 2500, 100.0)) truth.push_back({static_cast<int>(truth.size()), p});
  for (const Vec3& p : crowd(gen, 2500, 100.0)) tracks.push_back({static_cast<int>(tracks.size()), p});
  TrackQuality q(OspaParams{5000.0, 2.0, 2.0});
  const TrackQualitySample s = q.add(0.0, truth, tracks);
  EXPECT_TRUE(s.gospa.upper_bound);
  EXPECT_EQ(s.gospa.assigned, 2500);   // everything within c of everything: a full matching exists
  EXPECT_LE(s.ospa, 200.0 * std::sqrt(1.04));   // no pair is farther apart than the crowd's diagonal
  EXPECT_EQ(q.summary().upper_bound_samples, 1);
}

}  // namespace
}  // namespace skyshield
