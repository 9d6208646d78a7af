#include "c2/linear_assignment.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace skyshield {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// A square linear assignment problem whose rows are views into cost tables (weapons of one type share a row).
struct SquareLap {
  int dim = 0;
  std::vector<const double*> row;  // row i's costs, dim of them
  std::vector<int> col4row, row4col;
  std::vector<double> v;            // column duals; row duals are c(i, col4row[i]) - v
};

// Column reduction and reduction transfer (Jonker & Volgenant 1987, Computing 38(4), section 3): every
// column's dual is its cheapest row's cost, that row takes it if free, and each row holding one column
// passes its slack to it. Returns the free rows. Keeps: every assigned row is on a column of least
// reduced cost (c - v), which the later phases rely on.
std::vector<int> column_reduction(SquareLap& lap) {
  const int n = lap.dim;
  std::vector<int> matches(static_cast<std::size_t>(n), 0);
  for (int j = n - 1; j >= 0; --j) {
    int imin = 0;
    double low = lap.row[0][j];
    for (int i = 1; i < n; ++i)
      if (lap.row[static_cast<std::size_t>(i)][j] < low) low = lap.row[static_cast<std::size_t>(i)][j], imin = i;
    lap.v[static_cast<std::size_t>(j)] = low;
    auto& taken = lap.col4row[static_cast<std::size_t>(imin)];
    if (++matches[static_cast<std::size_t>(imin)] == 1) {
      taken = j;
      lap.row4col[static_cast<std::size_t>(j)] = imin;
    } else if (low < lap.v[static_cast<std::size_t>(taken)]) {
      lap.row4col[static_cast<std::size_t>(taken)] = -1;
      taken = j;
      lap.row4col[static_cast<std::size_t>(j)] = imin;
    }
  }
  std::vector<int> free_rows;
  for (int i = 0; i < n; ++i) {
    if (matches[static_cast<std::size_t>(i)] == 0) {
      free_rows.push_back(i);
    } else if (matches[static_cast<std::size_t>(i)] == 1) {
      const int j1 = lap.col4row[static_cast<std::size_t>(i)];
      double slack = kInf;
      for (int j = 0; j < n; ++j)
        if (j != j1) slack = std::min(slack, lap.row[static_cast<std::size_t>(i)][j] - lap.v[static_cast<std::size_t>(j)]);
      if (slack < kInf) lap.v[static_cast<std::size_t>(j1)] -= slack;  // one column: nothing to pass
    }  // a row cheapest in several columns keeps its cheapest; the others stay free
  }
  return free_rows;
}

// Augmenting row reduction (Jonker & Volgenant 1987, section 3): each free row bids for its least
// reduced-cost column, lowering that column's dual to its second least, and the row it displaces bids
// next (an auction without epsilon). Two passes as in the paper, each bounded (rounding can make a
// bid move a dual by nothing); the rows still free go to the augmentation. Returns them.
std::vector<int> augmenting_row_reduction(SquareLap& lap, std::vector<int> free_rows) {
  const int n = lap.dim;
  if (n < 2) return free_rows;
  for (int pass = 0; pass < 2; ++pass) {
    const int previous = static_cast<int>(free_rows.size());
    int k = 0, kept = 0;
    long long steps = 0;
    const long long max_steps = 8LL * n + 64;
    while (k < previous) {
      if (++steps > max_steps) {
        while (k < previous) free_rows[static_cast<std::size_t>(kept++)] = free_rows[static_cast<std::size_t>(k++)];
        break;
      }
      const int i = free_rows[static_cast<std::size_t>(k++)];
      const double* row = lap.row[static_cast<std::size_t>(i)];
      double umin = row[0] - lap.v[0], usub = kInf;
      int j1 = 0, j2 = -1;
      for (int j = 1; j < n; ++j) {
        const double h = row[j] - lap.v[static_cast<std::size_t>(j)];
        if (h < usub) {
          if (h >= umin) {
            usub = h;
            j2 = j;
          } else {
            usub = umin;
            umin = h;
            j2 = j1;
            j1 = j;
          }
        }
      }
      int i0 = lap.row4col[static_cast<std::size_t>(j1)];
      const bool lowers = umin < usub;
      if (lowers) {
        lap.v[static_cast<std::size_t>(j1)] -= usub - umin;
      } else if (i0 >= 0) {  // a tie: take the second column instead of displacing
        j1 = j2;
        i0 = lap.row4col[static_cast<std::size_t>(j2)];
      }
      if (i0 >= 0) lap.col4row[static_cast<std::size_t>(i0)] = -1;
      lap.col4row[static_cast<std::size_t>(i)] = j1;
      lap.row4col[static_cast<std::size_t>(j1)] = i;
      if (i0 >= 0) {
        if (lowers) free_rows[static_cast<std::size_t>(--k)] = i0;  // the displaced row bids at once
        else free_rows[static_cast<std::size_t>(kept++)] = i0;
      }
    }
    free_rows.resize(static_cast<std::size_t>(kept));
  }
  return free_rows;
}

// Shortest augmenting path from one free row (Dijkstra on reduced costs, Jonker & Volgenant 1987,
// section 3), then the column duals of the scanned columns and the path's assignments are updated.
void augment(SquareLap& lap, int free_row, std::vector<double>& d, std::vector<int>& pred, std::vector<int>& cols) {
  const int n = lap.dim;
  const double* r0 = lap.row[static_cast<std::size_t>(free_row)];
  for (int j = 0; j < n; ++j) {
    d[static_cast<std::size_t>(j)] = r0[j] - lap.v[static_cast<std::size_t>(j)];
    pred[static_cast<std::size_t>(j)] = free_row;
    cols[static_cast<std::size_t>(j)] = j;
  }
  // cols[0, low): scanned; [low, up): at the current minimum, to scan; [up, n): the rest.
  int low = 0, up = 0, last = 0, end = -1;
  double dmin = 0.0;
  while (end < 0) {
    if (up == low) {  // a new minimum distance: gather the columns at it
      last = low - 1;
      dmin = d[static_cast<std::size_t>(cols[static_cast<std::size_t>(up++)])];
      for (int k = up; k < n; ++k) {
        const int j = cols[static_cast<std::size_t>(k)];
        const double h = d[static_cast<std::size_t>(j)];
        if (h <= dmin) {
          if (h < dmin) {
            up = low;
            dmin = h;
          }
          cols[static_cast<std::size_t>(k)] = cols[static_cast<std::size_t>(up)];
          cols[static_cast<std::size_t>(up++)] = j;
        }
      }
      for (int k = low; k < up; ++k)
        if (lap.row4col[static_cast<std::size_t>(cols[static_cast<std::size_t>(k)])] < 0) {
          end = cols[static_cast<std::size_t>(k)];
          break;
        }
    }
    if (end >= 0) break;
    const int j1 = cols[static_cast<std::size_t>(low++)];
    const int i = lap.row4col[static_cast<std::size_t>(j1)];
    const double* row = lap.row[static_cast<std::size_t>(i)];
    const double h = row[j1] - lap.v[static_cast<std::size_t>(j1)] - dmin;
    for (int k = up; k < n; ++k) {
      const int j = cols[static_cast<std::size_t>(k)];
      const double dist = row[j] - lap.v[static_cast<std::size_t>(j)] - h;
      if (dist < d[static_cast<std::size_t>(j)]) {
        pred[static_cast<std::size_t>(j)] = i;
        if (dist == dmin) {
          if (lap.row4col[static_cast<std::size_t>(j)] < 0) {
            end = j;
            break;
          }
          cols[static_cast<std::size_t>(k)] = cols[static_cast<std::size_t>(up)];
          cols[static_cast<std::size_t>(up++)] = j;
        }
        d[static_cast<std::size_t>(j)] = dist;
      }
    }
  }
  for (int k = 0; k <= last; ++k) {
    const int j = cols[static_cast<std::size_t>(k)];
    lap.v[static_cast<std::size_t>(j)] += d[static_cast<std::size_t>(j)] - dmin;
  }
  for (int j = end;;) {
    const int i = pred[static_cast<std::size_t>(j)];
    lap.row4col[static_cast<std::size_t>(j)] = i;
    std::swap(lap.col4row[static_cast<std::size_t>(i)], j);
    if (i == free_row) break;
  }
}

}  // namespace

LinearAssignment solve_linear_assignment(int rows, int cols, const std::function<const double*(int)>& row,
                                         const std::function<bool()>& stop) {
  LinearAssignment out;
  if (rows <= 0 || cols <= 0) return out;
  if (rows > cols) throw std::invalid_argument("solve_linear_assignment: more rows than columns");
  // Square: cols - rows rows of zero cost stand for the columns left free (their total is constant, so
  // the optimum over the real rows is the rectangular problem's).
  const std::vector<double> zeros(static_cast<std::size_t>(cols), 0.0);
  SquareLap lap;
  lap.dim = cols;
  lap.row.resize(static_cast<std::size_t>(cols), zeros.data());
  for (int r = 0; r < rows; ++r) lap.row[static_cast<std::size_t>(r)] = row(r);
  lap.col4row.assign(static_cast<std::size_t>(cols), -1);
  lap.row4col.assign(static_cast<std::size_t>(cols), -1);
  lap.v.assign(static_cast<std::size_t>(cols), 0.0);
  if (stop()) {
    out.complete = false;
    return out;
  }
  const std::vector<int> free_rows = augmenting_row_reduction(lap, column_reduction(lap));
  std::vector<double> d(static_cast<std::size_t>(cols));
  std::vector<int> pred(static_cast<std::size_t>(cols)), order(static_cast<std::size_t>(cols));
  for (int r : free_rows) {
    if (stop()) {
      out.complete = false;
      return out;
    }
    augment(lap, r, d, pred, order);
  }
  // The rectangular problem's duals: the square one's shifted by the largest column dual (the zero rows
  // sit on columns of largest dual, which become 0; every other column's is below).
  const double shift = *std::max_element(lap.v.begin(), lap.v.end());
  out.col4row.assign(lap.col4row.begin(), lap.col4row.begin() + rows);
  out.v.resize(static_cast<std::size_t>(cols));
  for (int j = 0; j < cols; ++j) out.v[static_cast<std::size_t>(j)] = lap.v[static_cast<std::size_t>(j)] - shift;
  out.u.resize(static_cast<std::size_t>(rows));
  for (int r = 0; r < rows; ++r) {
    const int c = out.col4row[static_cast<std::size_t>(r)];
    out.u[static_cast<std::size_t>(r)] = lap.row[static_cast<std::size_t>(r)][c] - out.v[static_cast<std::size_t>(c)];
  }
  return out;
}

}  // namespace skyshield
