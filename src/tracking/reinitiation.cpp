#include "tracking/reinitiation.hpp"

#include <cmath>
#include <limits>

namespace skyshield {

int reinitiation_miss_limit(double pd, double alpha) {
  if (pd <= 0.0 || alpha <= 0.0) return std::numeric_limits<int>::max();   // no evidence from misses
  if (pd >= 1.0 || alpha >= 1.0) return 1;
  // The smallest k with k ln(1 - pd) <= ln alpha; the tolerance keeps an exact power (0.1^3 = 1e-3)
  // from being rounded up by the logarithms' last bit.
  const double k = std::log(alpha) / std::log(1.0 - pd);
  return std::max(1, static_cast<int>(std::ceil(k - 1e-9)));
}

}  // namespace skyshield
