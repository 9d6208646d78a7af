#pragma once
// Closest approach between two objects moving in straight lines over one step (no tunnelling at
// high closing speeds): relative position r0 at the step's start and constant relative velocity v.
#include "core/vec.hpp"

namespace skyshield {

struct ClosestApproach {
  double t = 0.0;         // time after the step's start, in [0, dt]
  double distance = 0.0;  // m
};

ClosestApproach closest_approach(const Vec3& r0, const Vec3& v_rel, double dt);

}  // namespace skyshield
