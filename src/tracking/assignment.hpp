#pragma once
// Rectangular linear assignment (minimum total cost, each row to at most one column and each
// column to at most one row), solved exactly by the shortest-augmenting-path method
// (Jonker & Volgenant 1987; Crouse 2016, "On implementing 2D rectangular assignment algorithms").
// Entries >= kForbidden may not be assigned.
#include <Eigen/Core>
#include <vector>

namespace skyshield {

inline constexpr double kForbidden = 1e18;

// Returns for each row the assigned column, or -1. Rows may stay unassigned only when every
// column they could take is forbidden or taken; the total cost of assigned pairs is minimal
// among assignments of maximum cardinality.
// Large sparse matrices (most entries forbidden, as in a dense cluster of gated tracks and
// detections) go to solve_assignment_sparse.
std::vector<int> solve_assignment(const Eigen::MatrixXd& cost);
// The dense solver whatever the matrix.
std::vector<int> solve_assignment_dense(const Eigen::MatrixXd& cost);

// The same problem given as per-row lists of allowed (column, cost) pairs: the same shortest
// augmenting paths, with Dijkstra over the allowed pairs only (binary heap), so a search touches
// only the columns it can reach instead of every column of the matrix.
using SparseRow = std::vector<std::pair<int, double>>;
std::vector<int> solve_assignment_sparse(int cols, const std::vector<SparseRow>& rows);
// Allowed pairs as rows: the dense solver for small problems (rows x cols <= kDenseMaxEntries), the
// sparse one above.
inline constexpr long long kDenseMaxEntries = 4096;
// solve_assignment(cost)'s choice: the sparse solver for a matrix of `entries` of which `allowed` are
// not forbidden.
inline bool matrix_goes_sparse(long long entries, long long allowed) { return entries > kDenseMaxEntries && allowed * 8 < entries; }
std::vector<int> solve_assignment(int cols, const std::vector<SparseRow>& rows);

// Exhaustive search over all assignments (for tests on small matrices).
std::vector<int> solve_assignment_brute_force(const Eigen::MatrixXd& cost);

double assignment_cost(const Eigen::MatrixXd& cost, const std::vector<int>& row_to_col);

}  // namespace skyshield
