#include "weapons/fuze.hpp"

#include <algorithm>

namespace skyshield {

ClosestApproach closest_approach(const Vec3& r0, const Vec3& v_rel, double dt) {
  const double vv = v_rel.squaredNorm();
  double t = 0.0;
  if (vv > 1e-18) t = std::clamp(-r0.dot(v_rel) / vv, 0.0, dt);
  return {t, (r0 + t * v_rel).norm()};
}

}  // namespace skyshield
