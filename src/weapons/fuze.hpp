#pragma once
// Proximity fuze. Between two sub-step boundaries the missile and its target are taken to move in
// straight lines: relative position r0 at the sub-step's start, constant relative velocity v. The
// closest approach inside one sub-step (no tunnelling at high closing speeds) is closest_approach();
// ProximityFuze carries the search across sub-step boundaries: it functions only once the range has
// stopped closing, at the true closest point of the piecewise-straight relative path, not at the
// sub-step in which the lethal radius was first entered.
#include "core/vec.hpp"

namespace skyshield {

struct ClosestApproach {
  double t = 0.0;         // time after the step's start, in [0, dt]
  double distance = 0.0;  // m
};

ClosestApproach closest_approach(const Vec3& r0, const Vec3& v_rel, double dt);

struct FuzeEvent {
  enum class Kind { None, Function, Passed } kind = Kind::None;
  double t = 0.0;          // time after the sub-step's start of the closest approach
  double distance = 0.0;   // m, the closest approach (the miss distance)
};

class ProximityFuze {
 public:
  explicit ProximityFuze(double lethal_radius_m) : lethal_radius_m_(lethal_radius_m) {}
  // One sub-step of straight relative motion r(t) = r0 + v_rel t, t in [0, h]. Function: the range's
  // minimum lies inside the lethal radius and has been reached (the range stops closing before the
  // sub-step's end). Passed: it has been reached outside the lethal radius, near the target.
  FuzeEvent step(const Vec3& r0, const Vec3& v_rel, double h);
  // Smallest range seen so far (1e300 before any sub-step).
  double best_m() const { return best_m_; }

 private:
  double lethal_radius_m_;
  double best_m_ = 1e300;
};

}  // namespace skyshield
