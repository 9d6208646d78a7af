#pragma once
// Piecewise-linear interpolation in a table of (x, y) points sorted by x, held constant beyond
// both ends (the usual convention for aerodynamic tables: Cd against Mach, Pk against miss).
#include <span>
#include <utility>

namespace skyshield {

using TablePoint = std::pair<double, double>;

inline double interpolate_clamped(std::span<const TablePoint> table, double x) {
  if (table.empty()) return 0.0;
  if (x <= table.front().first) return table.front().second;
  for (std::size_t i = 1; i < table.size(); ++i)
    if (x <= table[i].first) {
      const auto [x0, y0] = table[i - 1];
      const auto [x1, y1] = table[i];
      return x1 > x0 ? y0 + (y1 - y0) * (x - x0) / (x1 - x0) : y1;
    }
  return table.back().second;
}

}  // namespace skyshield
