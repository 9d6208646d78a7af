// Exact rectangular assignment against (a) a textbook example with a known optimum and (b) a
// brute-force search over every assignment on random small matrices, with forbidden entries.
#include <gtest/gtest.h>

#include <random>

#include "tracking/assignment.hpp"

namespace skyshield {
namespace {

int count_assigned(const std::vector<int>& a) {
  int n = 0;
  for (int j : a) n += j >= 0;
  return n;
}

TEST(Assignment, SolvesTheSciPyDocumentationExample) {
  // scipy.optimize.linear_sum_assignment documentation: cost [[4,1,3],[2,0,5],[3,2,2]] -> rows
  // (0,1,2) to columns (1,0,2), total 5.
  Eigen::MatrixXd c(3, 3);
  c << 4, 1, 3, 2, 0, 5, 3, 2, 2;
  const std::vector<int> a = solve_assignment(c);
  EXPECT_EQ(a, (std::vector<int>{1, 0, 2}));
  EXPECT_DOUBLE_EQ(assignment_cost(c, a), 5.0);
}

TEST(Assignment, MatchesBruteForceOnRandomRectangularMatricesWithForbiddenPairs) {
  std::mt19937 gen(2024);
  std::uniform_real_distribution<double> cost(-5.0, 20.0);
  std::uniform_int_distribution<int> dim(1, 6);
  std::bernoulli_distribution forbid(0.3);
  for (int trial = 0; trial < 1500; ++trial) {
    const int nr = dim(gen), nc = dim(gen);
    Eigen::MatrixXd c(nr, nc);
    for (int i = 0; i < nr; ++i)
      for (int j = 0; j < nc; ++j) c(i, j) = forbid(gen) ? kForbidden : cost(gen);
    const std::vector<int> fast = solve_assignment(c);
    const std::vector<int> brute = solve_assignment_brute_force(c);
    ASSERT_EQ(count_assigned(fast), count_assigned(brute)) << "trial " << trial;
    EXPECT_NEAR(assignment_cost(c, fast), assignment_cost(c, brute), 1e-9) << "trial " << trial;
    std::vector<int> seen(nc, 0);
    for (int i = 0; i < nr; ++i) {
      if (fast[i] < 0) continue;
      EXPECT_LT(c(i, fast[i]), kForbidden);
      EXPECT_EQ(++seen[fast[i]], 1);
    }
  }
}

TEST(Assignment, PrefersMoreAssignmentsOverLowerCost) {
  // Taking the cheap pair (0,0) would leave row 1 with nothing; the maximum-cardinality optimum
  // pairs (0,1) and (1,0).
  Eigen::MatrixXd c(2, 2);
  c << 0.0, 100.0, 50.0, kForbidden;
  EXPECT_EQ(solve_assignment(c), (std::vector<int>{1, 0}));
}

TEST(Assignment, HandlesEmptyAndAllForbidden) {
  EXPECT_TRUE(solve_assignment(Eigen::MatrixXd(0, 3)).empty());
  EXPECT_EQ(solve_assignment(Eigen::MatrixXd(2, 0)), (std::vector<int>{-1, -1}));
  EXPECT_EQ(solve_assignment(Eigen::MatrixXd::Constant(2, 2, kForbidden)), (std::vector<int>{-1, -1}));
}

TEST(Assignment, SparseSolverMatchesBruteForceAndTheDenseSolver) {
  // Small random sparse problems against brute force (1,000 cases), then large ones (up to 300 x 300,
  // about 3 % of pairs allowed) against the dense solver: same number of pairs, same total cost.
  std::mt19937 gen(77);
  std::uniform_real_distribution<double> cost(-5.0, 20.0);
  for (int trial = 0; trial < 1100; ++trial) {
    const bool large = trial >= 1000;
    std::uniform_int_distribution<int> dim(large ? 50 : 1, large ? 300 : 6);
    const int nr = dim(gen), nc = dim(gen);
    std::bernoulli_distribution allow(large ? 0.03 : 0.5);
    Eigen::MatrixXd c = Eigen::MatrixXd::Constant(nr, nc, kForbidden);
    std::vector<SparseRow> rows(static_cast<std::size_t>(nr));
    for (int i = 0; i < nr; ++i)
      for (int j = 0; j < nc; ++j)
        if (allow(gen)) {
          c(i, j) = cost(gen);
          rows[static_cast<std::size_t>(i)].emplace_back(j, c(i, j));
        }
    const std::vector<int> sparse = solve_assignment_sparse(nc, rows);
    std::vector<char> used(static_cast<std::size_t>(nc), 0);
    for (int i = 0; i < nr; ++i) {
      const int j = sparse[static_cast<std::size_t>(i)];
      if (j < 0) continue;
      ASSERT_LT(c(i, j), kForbidden) << trial;
      ASSERT_FALSE(used[static_cast<std::size_t>(j)]) << trial;
      used[static_cast<std::size_t>(j)] = 1;
    }
    const std::vector<int> reference = large ? solve_assignment_dense(c) : solve_assignment_brute_force(c);
    ASSERT_EQ(count_assigned(sparse), count_assigned(reference)) << trial;
    ASSERT_NEAR(assignment_cost(c, sparse), assignment_cost(c, reference), 1e-9 * (1.0 + std::abs(assignment_cost(c, reference)))) << trial;
  }
}

}  // namespace
}  // namespace skyshield
