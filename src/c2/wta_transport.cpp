#include "c2/wta_transport.hpp"

#include <algorithm>

#include "c2/linear_assignment.hpp"

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
  // Cost of a unit of type i in column c (negated benefit), one table row per type.
  const int nw = static_cast<int>(p.pk.rows());
  std::vector<double> table(static_cast<std::size_t>(nw) * m);
  for (int i = 0; i < nw; ++i)
    for (int c = 0; c < m; ++c) {
      const int j = c / k_slots, k = c % k_slots;
      const double pk = p.pk(i, j);
      double q = 1.0;
      for (int s = 0; s < k; ++s) q *= 1.0 - pk;
      table[static_cast<std::size_t>(i) * m + c] = -p.value[static_cast<std::size_t>(j)] * pk * q;
    }
  const LinearAssignment lap = solve_linear_assignment(
      n, m, [&](int r) { return &table[static_cast<std::size_t>(type[static_cast<std::size_t>(r)]) * m]; }, stop);
  if (!lap.complete) {
    out.complete = false;
    return out;
  }
  for (int r = 0; r < n; ++r) {
    const int j = lap.col4row[static_cast<std::size_t>(r)] / k_slots;
    if (p.pk(type[static_cast<std::size_t>(r)], j) > 0.0) out.assignment[static_cast<std::size_t>(r)] = j;
  }
  // Dual price of a unit: -u (column duals are <= 0 and 0 on free columns, costs <= 0, so -u >= 0).
  std::vector<int> units(static_cast<std::size_t>(nw), 0);
  for (int r = 0; r < n; ++r) {
    out.price[static_cast<std::size_t>(type[static_cast<std::size_t>(r)])] += std::max(0.0, -lap.u[static_cast<std::size_t>(r)]);
    ++units[static_cast<std::size_t>(type[static_cast<std::size_t>(r)])];
  }
  for (int i = 0; i < nw; ++i)
    if (units[static_cast<std::size_t>(i)] > 0) out.price[static_cast<std::size_t>(i)] /= units[static_cast<std::size_t>(i)];
  return out;
}

}  // namespace skyshield
