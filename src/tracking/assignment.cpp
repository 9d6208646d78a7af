#include "tracking/assignment.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>

namespace skyshield {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Shortest augmenting path for a dense nr x nc problem with nr <= nc and a feasible complete
// row assignment (Crouse 2016, Algorithm 1; the same scheme as SciPy's linear_sum_assignment).
// Infinite entries are infeasible. Returns col4row.
// Row-major: the searches below run along rows.
using RowMajorMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

std::vector<int> shortest_augmenting_path(const RowMajorMatrix& c) {
  const int nr = static_cast<int>(c.rows()), nc = static_cast<int>(c.cols());
  std::vector<double> u(nr, 0.0), v(nc, 0.0), spc(nc);
  std::vector<int> path(nc, -1), col4row(nr, -1), row4col(nc, -1), remaining(nc);
  std::vector<char> sr(nr), sc(nc);
  for (int cur = 0; cur < nr; ++cur) {
    double min_val = 0.0;
    int n_rem = nc;
    for (int it = 0; it < nc; ++it) remaining[it] = nc - it - 1;
    std::fill(sr.begin(), sr.end(), 0);
    std::fill(sc.begin(), sc.end(), 0);
    std::fill(spc.begin(), spc.end(), kInf);
    int sink = -1, i = cur;
    while (sink == -1) {
      sr[i] = 1;
      int index = -1;
      double lowest = kInf;
      for (int it = 0; it < n_rem; ++it) {
        const int j = remaining[it];
        const double r = min_val + c(i, j) - u[i] - v[j];
        if (r < spc[j]) {
          path[j] = i;
          spc[j] = r;
        }
        if (spc[j] < lowest || (spc[j] == lowest && row4col[j] == -1)) {
          lowest = spc[j];
          index = it;
        }
      }
      min_val = lowest;
      if (min_val == kInf || index < 0) return {};  // infeasible (cannot happen with the dummy columns)
      const int j = remaining[index];
      if (row4col[j] == -1) sink = j;
      else i = row4col[j];
      sc[j] = 1;
      remaining[index] = remaining[--n_rem];
    }
    u[cur] += min_val;
    for (int r = 0; r < nr; ++r)
      if (sr[r] && r != cur) u[r] += min_val - spc[col4row[r]];
    for (int j = 0; j < nc; ++j)
      if (sc[j]) v[j] -= min_val - spc[j];
    int j = sink;
    while (true) {
      const int r = path[j];
      row4col[j] = r;
      std::swap(col4row[r], j);
      if (r == cur) break;
    }
  }
  return col4row;
}

}  // namespace

std::vector<int> solve_assignment_sparse(int nc, const std::vector<SparseRow>& rows) {
  const int nr = static_cast<int>(rows.size());
  std::vector<int> result(static_cast<std::size_t>(nr), -1);
  if (nr == 0 || nc == 0) return result;
  // Costs shifted to be non-negative (Dijkstra needs non-negative reduced costs from the start);
  // each row also gets a private dummy column (index nc + row) dearer than any set of real pairs,
  // so that the number of real pairs is maximised first, as in the dense solver.
  double lo = kInf, span = 1.0;
  for (const SparseRow& r : rows)
    for (const auto& [j, c] : r) lo = std::min(lo, c);
  if (lo == kInf) return result;
  for (const SparseRow& r : rows)
    for (const auto& [j, c] : r) span += c - lo;
  const double dummy = 2.0 * span;
  const int ncols = nc + nr;
  std::vector<double> u(static_cast<std::size_t>(nr), 0.0), v(static_cast<std::size_t>(ncols), 0.0), dist(static_cast<std::size_t>(ncols), kInf);
  std::vector<int> path(static_cast<std::size_t>(ncols), -1), col4row(static_cast<std::size_t>(nr), -1), row4col(static_cast<std::size_t>(ncols), -1);
  std::vector<char> done(static_cast<std::size_t>(ncols), 0);
  std::vector<int> touched, scanned_rows;
  using Entry = std::pair<double, int>;   // (distance, column): ties broken by the lower column
  std::vector<Entry> heap;
  for (int cur = 0; cur < nr; ++cur) {
    for (int j : touched) dist[j] = kInf, done[j] = 0, path[j] = -1;
    touched.clear();
    scanned_rows.clear();
    heap.clear();
    auto relax = [&](int i, double base) {
      auto edge = [&](int j, double c) {
        const double r = base + c - u[i] - v[j];
        if (done[j] || r >= dist[j]) return;
        if (dist[j] == kInf) touched.push_back(j);
        dist[j] = r;
        path[j] = i;
        heap.emplace_back(r, j);
        std::push_heap(heap.begin(), heap.end(), std::greater<>());
      };
      for (const auto& [j, c] : rows[i]) edge(j, c - lo);
      edge(nc + i, dummy);
    };
    relax(cur, 0.0);
    int sink = -1;
    double min_val = 0.0;
    while (!heap.empty()) {
      std::pop_heap(heap.begin(), heap.end(), std::greater<>());
      const auto [d, j] = heap.back();
      heap.pop_back();
      if (done[j] || d > dist[j]) continue;
      done[j] = 1;
      if (row4col[j] == -1) {
        sink = j;
        min_val = d;
        break;
      }
      scanned_rows.push_back(row4col[j]);
      relax(row4col[j], d);
    }
    if (sink < 0) return result;   // cannot happen: the row's own dummy column is always free
    u[cur] += min_val;
    for (int r : scanned_rows) u[r] += min_val - dist[col4row[r]];
    for (int j : touched)
      if (done[j]) v[j] -= min_val - dist[j];
    for (int j = sink;;) {
      const int r = path[j];
      row4col[j] = r;
      std::swap(col4row[r], j);
      if (r == cur) break;
    }
  }
  for (int i = 0; i < nr; ++i) result[i] = col4row[i] < nc ? col4row[i] : -1;
  return result;
}

std::vector<int> solve_assignment(const Eigen::MatrixXd& cost) {
  // Large and sparse: the sparse solver (identical optimum; far fewer columns scanned).
  if (cost.rows() * cost.cols() > kDenseMaxEntries) {
    long long allowed = 0;
    for (Eigen::Index i = 0; i < cost.rows(); ++i)
      for (Eigen::Index j = 0; j < cost.cols(); ++j) allowed += cost(i, j) < kForbidden;
    if (matrix_goes_sparse(cost.rows() * cost.cols(), allowed)) {
      std::vector<SparseRow> rows(static_cast<std::size_t>(cost.rows()));
      for (Eigen::Index i = 0; i < cost.rows(); ++i)
        for (Eigen::Index j = 0; j < cost.cols(); ++j)
          if (cost(i, j) < kForbidden) rows[static_cast<std::size_t>(i)].emplace_back(static_cast<int>(j), cost(i, j));
      return solve_assignment_sparse(static_cast<int>(cost.cols()), rows);
    }
  }
  return solve_assignment_dense(cost);
}

std::vector<int> solve_assignment(int nc, const std::vector<SparseRow>& rows) {
  if (static_cast<long long>(rows.size()) * nc > kDenseMaxEntries) return solve_assignment_sparse(nc, rows);
  Eigen::MatrixXd cost = Eigen::MatrixXd::Constant(static_cast<Eigen::Index>(rows.size()), nc, kForbidden);
  for (std::size_t i = 0; i < rows.size(); ++i)
    for (const auto& [j, c] : rows[i]) cost(static_cast<Eigen::Index>(i), j) = c;
  return solve_assignment_dense(cost);
}

std::vector<int> solve_assignment_dense(const Eigen::MatrixXd& cost) {
  const bool transposed = cost.rows() > cost.cols();
  const Eigen::MatrixXd c = transposed ? Eigen::MatrixXd(cost.transpose()) : cost;
  const int nr = static_cast<int>(c.rows()), nc = static_cast<int>(c.cols());
  std::vector<int> result(cost.rows(), -1);
  if (nr == 0 || nc == 0) return result;
  // Each row gets a private dummy column whose cost exceeds any sum of real costs, so the optimum
  // first maximises the number of real pairs and then minimises their total cost.
  double span = 1.0;
  for (int i = 0; i < nr; ++i)
    for (int j = 0; j < nc; ++j)
      if (c(i, j) < kForbidden) span += std::abs(c(i, j));
  const double dummy = 2.0 * span;
  RowMajorMatrix padded = RowMajorMatrix::Constant(nr, nc + nr, kInf);
  for (int i = 0; i < nr; ++i) {
    for (int j = 0; j < nc; ++j)
      if (c(i, j) < kForbidden) padded(i, j) = c(i, j);
    padded(i, nc + i) = dummy;
  }
  const std::vector<int> col4row = shortest_augmenting_path(padded);
  for (int i = 0; i < nr; ++i) {
    const int j = col4row[i] < nc ? col4row[i] : -1;
    if (j < 0) continue;
    if (transposed) result[j] = i;
    else result[i] = j;
  }
  return result;
}

std::vector<int> solve_assignment_brute_force(const Eigen::MatrixXd& cost) {
  const int nr = static_cast<int>(cost.rows()), nc = static_cast<int>(cost.cols());
  std::vector<int> cur(nr, -1), best(nr, -1);
  std::vector<char> used(nc, 0);
  int best_n = -1;
  double best_cost = kInf;
  std::function<void(int, int, double)> rec = [&](int row, int n, double total) {
    if (row == nr) {
      if (n > best_n || (n == best_n && total < best_cost)) best_n = n, best_cost = total, best = cur;
      return;
    }
    cur[row] = -1;
    rec(row + 1, n, total);
    for (int j = 0; j < nc; ++j) {
      if (used[j] || cost(row, j) >= kForbidden) continue;
      used[j] = 1;
      cur[row] = j;
      rec(row + 1, n + 1, total + cost(row, j));
      used[j] = 0;
      cur[row] = -1;
    }
  };
  rec(0, 0, 0.0);
  return best;
}

double assignment_cost(const Eigen::MatrixXd& cost, const std::vector<int>& row_to_col) {
  double total = 0.0;
  for (std::size_t i = 0; i < row_to_col.size(); ++i)
    if (row_to_col[i] >= 0) total += cost(static_cast<Eigen::Index>(i), row_to_col[i]);
  return total;
}

}  // namespace skyshield
