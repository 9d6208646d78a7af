#include "sensors/rcs_fluctuation.hpp"

#include <algorithm>
#include <cmath>

namespace skyshield {

namespace {
// Gamma of integer shape n and mean 1: the mean of n unit exponentials (-ln U, U uniform on (0, 1]).
double gamma_mean_one(int n, Rng& rng) {
  double s = 0.0;
  for (int i = 0; i < n; ++i) s -= std::log(1.0 - rng.uniform());
  return s / n;
}
}  // namespace

double rcs_fluctuation_factor(Swerling sw, int looks, Rng& rng) {
  const int n = std::max(1, looks);
  switch (sw) {
    case Swerling::Case0: return 1.0;
    case Swerling::Case1: return gamma_mean_one(1, rng);
    case Swerling::Case2: return gamma_mean_one(n, rng);
    case Swerling::Case3: return gamma_mean_one(2, rng);
    case Swerling::Case4: return gamma_mean_one(2 * n, rng);
  }
  return 1.0;
}

}  // namespace skyshield
