#include "c2/wta_transport.hpp"

#include <algorithm>
#include <limits>

namespace skyshield {

WtaSlotAssignment wta_slot_assignment(const WtaProblem& p, int slots) {
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
  // Kuhn-Munkres, shortest augmenting paths with potentials, rows added one at a time: O(n^2 m).
  constexpr double kInf = std::numeric_limits<double>::infinity();
  std::vector<double> u(static_cast<std::size_t>(n) + 1, 0.0), v(static_cast<std::size_t>(m) + 1, 0.0), minv(static_cast<std::size_t>(m) + 1);
  std::vector<int> match(static_cast<std::size_t>(m) + 1, 0), way(static_cast<std::size_t>(m) + 1, 0);  // column -> row (1-based)
  std::vector<char> used(static_cast<std::size_t>(m) + 1);
  for (int r = 1; r <= n; ++r) {
    match[0] = r;
    int j0 = 0;
    std::fill(minv.begin(), minv.end(), kInf);
    std::fill(used.begin(), used.end(), 0);
    do {
      used[j0] = 1;
      const int r0 = match[j0];
      const double* row = &table[static_cast<std::size_t>(type[r0 - 1]) * m];
      double delta = kInf;
      int j1 = 0;
      for (int j = 1; j <= m; ++j) {
        if (used[j]) continue;
        const double cur = row[j - 1] - u[r0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (int j = 0; j <= m; ++j) {
        if (used[j]) {
          u[match[j]] += delta;
          v[j] -= delta;
        } else {
          minv[j] -= delta;
        }
      }
      j0 = j1;
    } while (match[j0] != 0);
    do {
      const int j1 = way[j0];
      match[j0] = match[j1];
      j0 = j1;
    } while (j0 != 0);
  }
  std::vector<int> units(static_cast<std::size_t>(nw), 0);
  for (int c = 1; c <= m; ++c) {
    const int r = match[c];
    if (r == 0) continue;
    const int j = (c - 1) / k_slots;
    if (p.pk(type[r - 1], j) > 0.0) out.assignment[static_cast<std::size_t>(r - 1)] = j;
  }
  // Dual price of a unit: -u (every column left free has v = 0 and cost <= 0, so -u >= 0).
  for (int r = 1; r <= n; ++r) {
    out.price[type[r - 1]] += std::max(0.0, -u[r]);
    ++units[type[r - 1]];
  }
  for (int i = 0; i < nw; ++i)
    if (units[i] > 0) out.price[i] /= units[i];
  return out;
}

}  // namespace skyshield
