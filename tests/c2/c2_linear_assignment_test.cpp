// The linear assignment solver (c2/linear_assignment.hpp) against two independent references:
// brute force over every injective row -> column map on small problems, and LP duality on large ones
// (a feasible dual with equal objective certifies optimality: u_i + v_j <= c_ij everywhere, equality on
// the assignment, v <= 0 and v = 0 on free columns; Burkard, Dell'Amico & Martello, "Assignment
// Problems", SIAM 2009, section 4.1).
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <set>
#include <vector>

#include "c2/linear_assignment.hpp"

namespace skyshield {
namespace {

struct Matrix {
  int rows, cols;
  std::vector<double> c;
  const double* row(int i) const { return &c[static_cast<std::size_t>(i) * cols]; }
};

LinearAssignment solve(const Matrix& m) {
  return solve_linear_assignment(m.rows, m.cols, [&](int i) { return m.row(i); });
}

double total(const Matrix& m, const std::vector<int>& col4row) {
  double s = 0.0;
  for (int i = 0; i < m.rows; ++i) s += m.row(i)[col4row[static_cast<std::size_t>(i)]];
  return s;
}

// Least total over every injective map, by recursion over rows.
double brute_force(const Matrix& m, int i, std::vector<char>& used) {
  if (i == m.rows) return 0.0;
  double best = 1e300;
  for (int j = 0; j < m.cols; ++j)
    if (!used[static_cast<std::size_t>(j)]) {
      used[static_cast<std::size_t>(j)] = 1;
      best = std::min(best, m.row(i)[j] + brute_force(m, i + 1, used));
      used[static_cast<std::size_t>(j)] = 0;
    }
  return best;
}

void expect_valid_and_certified(const Matrix& m, const LinearAssignment& a, double tol) {
  ASSERT_TRUE(a.complete);
  ASSERT_EQ(a.col4row.size(), static_cast<std::size_t>(m.rows));
  std::set<int> cols(a.col4row.begin(), a.col4row.end());
  EXPECT_EQ(cols.size(), static_cast<std::size_t>(m.rows));  // distinct columns
  std::vector<char> taken(static_cast<std::size_t>(m.cols), 0);
  for (int c : a.col4row) taken[static_cast<std::size_t>(c)] = 1;
  for (int i = 0; i < m.rows; ++i) {
    EXPECT_NEAR(a.u[static_cast<std::size_t>(i)] + a.v[static_cast<std::size_t>(a.col4row[static_cast<std::size_t>(i)])],
                m.row(i)[a.col4row[static_cast<std::size_t>(i)]], tol);
    for (int j = 0; j < m.cols; ++j)
      EXPECT_LE(a.u[static_cast<std::size_t>(i)] + a.v[static_cast<std::size_t>(j)], m.row(i)[j] + tol) << i << "," << j;
  }
  for (int j = 0; j < m.cols; ++j) {
    EXPECT_LE(a.v[static_cast<std::size_t>(j)], tol);
    if (!taken[static_cast<std::size_t>(j)]) {
      EXPECT_NEAR(a.v[static_cast<std::size_t>(j)], 0.0, tol);
    }
  }
  const double dual = std::accumulate(a.u.begin(), a.u.end(), 0.0) + std::accumulate(a.v.begin(), a.v.end(), 0.0);
  EXPECT_NEAR(dual, total(m, a.col4row), tol * (m.rows + m.cols));
}

Matrix random_matrix(std::mt19937_64& rng, int rows, int cols, bool integers, int distinct_rows) {
  Matrix m{rows, cols, std::vector<double>(static_cast<std::size_t>(rows) * cols)};
  std::uniform_real_distribution<double> real(-100.0, 0.0);
  std::uniform_int_distribution<int> small(-3, 0);  // many ties
  std::vector<double> base(static_cast<std::size_t>(distinct_rows) * cols);
  for (double& x : base) x = integers ? small(rng) : real(rng);
  for (int i = 0; i < rows; ++i)  // rows repeat the first `distinct_rows` ones (weapon copies)
    std::copy_n(&base[static_cast<std::size_t>(i % distinct_rows) * cols], cols, &m.c[static_cast<std::size_t>(i) * cols]);
  return m;
}

TEST(LinearAssignment, MatchesBruteForceOnSmallProblems) {
  std::mt19937_64 rng(20261206);
  for (int trial = 0; trial < 400; ++trial) {
    const int cols = 1 + trial % 7, rows = 1 + static_cast<int>(rng() % static_cast<std::uint64_t>(cols));
    const bool integers = trial % 3 == 0;
    const int distinct = trial % 4 == 1 ? std::max(1, rows / 2) : rows;
    const Matrix m = random_matrix(rng, rows, cols, integers, distinct);
    const LinearAssignment a = solve(m);
    std::vector<char> used(static_cast<std::size_t>(cols), 0);
    EXPECT_NEAR(total(m, a.col4row), brute_force(m, 0, used), 1e-9) << "trial " << trial;
    expect_valid_and_certified(m, a, 1e-9);
  }
}

TEST(LinearAssignment, DualCertifiesLargeProblems) {
  std::mt19937_64 rng(7);
  // Square and rectangular, continuous and tied costs, and rows in copies (as weapon types with mi = 2, 3).
  for (const auto& [rows, cols, integers, distinct] :
       {std::tuple{200, 200, false, 200}, {150, 300, false, 150}, {300, 300, false, 150}, {300, 300, true, 100},
        {240, 400, true, 80}, {90, 90, false, 30}}) {
    const Matrix m = random_matrix(rng, rows, cols, integers, distinct);
    expect_valid_and_certified(m, solve(m), 1e-7);
  }
}

TEST(LinearAssignment, AllCostsEqualTerminates) {
  const Matrix m{50, 60, std::vector<double>(50 * 60, -1.0)};
  const LinearAssignment a = solve(m);
  expect_valid_and_certified(m, a, 1e-12);
  EXPECT_DOUBLE_EQ(total(m, a.col4row), -50.0);
}

TEST(LinearAssignment, StopEndsEarlyAndMoreRowsThanColumnsIsRefused) {
  std::mt19937_64 rng(3);
  const Matrix m = random_matrix(rng, 20, 20, false, 20);
  const LinearAssignment a = solve_linear_assignment(20, 20, [&](int i) { return m.row(i); }, [] { return true; });
  EXPECT_FALSE(a.complete);
  EXPECT_TRUE(a.col4row.empty());
  EXPECT_THROW(solve_linear_assignment(3, 2, [&](int i) { return m.row(i); }), std::invalid_argument);
}

}  // namespace
}  // namespace skyshield
