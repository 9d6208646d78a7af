#pragma once
// The linear assignment problem, rows <= columns: each row to a distinct column, least total cost.
// Jonker & Volgenant's method (1987, Computing 38(4), "A shortest augmenting path algorithm for dense
// and sparse linear assignment problems"): column reduction and reduction transfer, two passes of
// augmenting row reduction (an auction without epsilon), then a shortest augmenting path (Dijkstra on
// reduced costs) for each row still free. Rectangular problems are squared with rows of zero cost.
// Exact (a dual solution certifies it) and deterministic; O(n^3) at worst, far less on random costs.
// Rows may share one cost array (weapons of one type): ties are broken by index, never at random.
#include <functional>
#include <vector>

namespace skyshield {

struct LinearAssignment {
  std::vector<int> col4row;  // row -> column
  // Duals: u[i] + v[j] <= c(i, j) for every pair, with equality on the assignment; v <= 0 and v = 0 on
  // every column left free (the rectangular problem's dual), so sum(u) + sum(v) is the optimum.
  std::vector<double> u, v;
  bool complete = true;  // false when `stop` ended it early (then the vectors are empty)
};

// `row(i)` points at row i's `cols` costs (finite). `stop` is polled once per augmentation.
// Throws std::invalid_argument when rows > cols.
LinearAssignment solve_linear_assignment(int rows, int cols, const std::function<const double*(int)>& row,
                                         const std::function<bool()>& stop = [] { return false; });

}  // namespace skyshield
