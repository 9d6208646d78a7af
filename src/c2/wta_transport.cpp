#include "c2/wta_transport.hpp"

#include <algorithm>
#include <limits>

namespace skyshield {

WtaSlotAssignment wta_slot_assignment(const WtaProblem& p, int slots, const std::function<bool()>& stop) {
  const std::vector<int> type = wta_unit_types(p);
  const int n = static_cast<int>(type.size()), nt = static_cast<int>(p.value.size());
  WtaSlotAssignment out;
  out.assignment.assign(static_cast<std::size_t>(n), -1);
  out.price.assign(static_cast<std::size_t>(p.pk.rows()), 0.0);
  if (n == 0 || nt == 0) return out;
  const int k_slots = std::max(slots, (n + nt - 1) / nt);
  const int m = nt * k_slots;  // column c = j * K + k
  // Cost of unit r in column c (negated benefit); rows of one type share it.
  const auto cost = [&](int r, int c) {
    const int i = type[static_cast<std::size_t>(r)], j = c / k_slots, k = c % k_slots;
    const double pk = p.pk(i, j);
    double q = 1.0;
    for (int s = 0; s < k; ++s) q *= 1.0 - pk;
    return -p.value[static_cast<std::size_t>(j)] * pk * q;
  };
  // Precomputed per (type, column) to keep the inner loop a table lookup.
  const int nw = static_cast<int>(p.pk.rows());
  std::vector<double> table(static_cast<std::size_t>(nw) * m);
  std::vector<int> first_row(static_cast<std::size_t>(nw), -1);
  for (int r = 0; r < n; ++r)
    if (first_row[type[r]] < 0) first_row[type[r]] = r;
  for (int i = 0; i < nw; ++i)
    if (first_row[i] >= 0)
      for (int c = 0; c < m; ++c) table[static_cast<std::size_t>(i) * m + c] = cost(first_row[i], c);
  // Shortest augmenting paths with potentials, one row at a time (Kuhn-Munkres as in Jonker &
  // Volgenant 1987; the rectangular form of Crouse 2016, IEEE TAES 52(4)): O(n^2 m).
  constexpr double kInf = std::numeric_limits<double>::infinity();
  std::vector<double> u(static_cast<std::size_t>(n), 0.0), v(static_cast<std::size_t>(m), 0.0), spc(static_cast<std::size_t>(m));
  std::vector<int> row4col(static_cast<std::size_t>(m), -1), col4row(static_cast<std::size_t>(n), -1), path(static_cast<std::size_t>(m), -1);
  std::vector<int> remaining(static_cast<std::size_t>(m)), scanned_rows, scanned_cols;
  for (int cur = 0; cur < n; ++cur) {
    if (stop()) {
      out.complete = false;
      return out;
    }
    std::fill(spc.begin(), spc.end(), kInf);
    for (int j = 0; j < m; ++j) remaining[static_cast<std::size_t>(j)] = m - 1 - j;
    int left = m, i = cur, sink = -1;
    double min_val = 0.0;
    scanned_rows.clear();
    scanned_cols.clear();
    while (sink < 0) {
      scanned_rows.push_back(i);
      const double* row = &table[static_cast<std::size_t>(type[static_cast<std::size_t>(i)]) * m];
      const double base = min_val - u[static_cast<std::size_t>(i)];
      double lowest = kInf;
      int index = -1;
      for (int k = 0; k < left; ++k) {
        const int j = remaining[static_cast<std::size_t>(k)];
        const double r = base + row[j] - v[static_cast<std::size_t>(j)];
        if (r < spc[static_cast<std::size_t>(j)]) {
          path[static_cast<std::size_t>(j)] = i;
          spc[static_cast<std::size_t>(j)] = r;
        }
        if (spc[static_cast<std::size_t>(j)] < lowest || (spc[static_cast<std::size_t>(j)] == lowest && row4col[static_cast<std::size_t>(j)] < 0)) {
          lowest = spc[static_cast<std::size_t>(j)];
          index = k;
        }
      }
      min_val = lowest;
      const int j = remaining[static_cast<std::size_t>(index)];
      if (row4col[static_cast<std::size_t>(j)] < 0) sink = j;
      else i = row4col[static_cast<std::size_t>(j)];
      scanned_cols.push_back(j);
      remaining[static_cast<std::size_t>(index)] = remaining[static_cast<std::size_t>(--left)];
    }
    u[static_cast<std::size_t>(cur)] += min_val;
    for (int r : scanned_rows)
      if (r != cur) u[static_cast<std::size_t>(r)] += min_val - spc[static_cast<std::size_t>(col4row[static_cast<std::size_t>(r)])];
    for (int j : scanned_cols) v[static_cast<std::size_t>(j)] -= min_val - spc[static_cast<std::size_t>(j)];
    for (int j = sink;;) {
      const int r = path[static_cast<std::size_t>(j)];
      row4col[static_cast<std::size_t>(j)] = r;
      std::swap(col4row[static_cast<std::size_t>(r)], j);
      if (r == cur) break;
    }
  }
  std::vector<int> units(static_cast<std::size_t>(nw), 0);
  for (int r = 0; r < n; ++r) {
    const int j = col4row[static_cast<std::size_t>(r)] / k_slots;
    if (p.pk(type[static_cast<std::size_t>(r)], j) > 0.0) out.assignment[static_cast<std::size_t>(r)] = j;
  }
  // Dual price of a unit: -u (every column left free has v = 0 and cost <= 0, so -u >= 0).
  for (int r = 0; r < n; ++r) {
    out.price[type[static_cast<std::size_t>(r)]] += std::max(0.0, -u[static_cast<std::size_t>(r)]);
    ++units[type[static_cast<std::size_t>(r)]];
  }
  for (int i = 0; i < nw; ++i)
    if (units[i] > 0) out.price[i] /= units[i];
  return out;
}

}  // namespace skyshield
