#include "tracking/reinitiation.hpp"

#include <cmath>
#include <limits>

#include <Eigen/Cholesky>

namespace skyshield {

int reinitiation_miss_limit(double pd, double alpha) {
  if (pd <= 0.0 || alpha <= 0.0) return std::numeric_limits<int>::max();   // no evidence from misses
  if (pd >= 1.0 || alpha >= 1.0) return 1;
  // The smallest k with k ln(1 - pd) <= ln alpha; the tolerance keeps an exact power (0.1^3 = 1e-3)
  // from being rounded up by the logarithms' last bit.
  const double k = std::log(alpha) / std::log(1.0 - pd);
  return std::max(1, static_cast<int>(std::ceil(k - 1e-9)));
}

double reinitiation_distance2(const Vec3& a, const Mat3& Pa, const Vec3& b, const Mat3& Pb, double min_sigma_m) {
  const Vec3 d = a - b;
  const Mat3 S = Pa + Pb + 2.0 * min_sigma_m * min_sigma_m * Mat3::Identity();
  const Eigen::LDLT<Mat3> f(S);
  if (f.info() != Eigen::Success) return std::numeric_limits<double>::infinity();
  return d.dot(f.solve(d));
}

}  // namespace skyshield
