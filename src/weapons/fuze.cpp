#include "weapons/fuze.hpp"

#include <algorithm>

namespace skyshield {

ClosestApproach closest_approach(const Vec3& r0, const Vec3& v_rel, double dt) {
  const double vv = v_rel.squaredNorm();
  double t = 0.0;
  if (vv > 1e-18) t = std::clamp(-r0.dot(v_rel) / vv, 0.0, dt);
  return {t, (r0 + t * v_rel).norm()};
}

FuzeEvent ProximityFuze::step(const Vec3& r0, const Vec3& v_rel, double h) {
  const ClosestApproach ca = closest_approach(r0, v_rel, h);
  best_m_ = std::min(best_m_, ca.distance);
  // Still closing at the sub-step's end: the minimum lies in a later sub-step (it may be inside the
  // lethal radius already, but functioning now would judge the kill at the entry distance).
  const Vec3 r1 = r0 + v_rel * h;
  if (ca.t >= h && r1.dot(v_rel) < 0.0) return {};
  if (ca.distance <= lethal_radius_m_) return {FuzeEvent::Kind::Function, ca.t, ca.distance};
  // Passed the target: the range opens at the end of the sub-step, near it.
  if (r1.dot(v_rel) > 0.0 && r0.norm() < 20.0 * lethal_radius_m_ + v_rel.norm() * h)
    return {FuzeEvent::Kind::Passed, ca.t, ca.distance};
  return {};
}

}  // namespace skyshield
