#pragma once
// What fire control needs to know of an interceptor's flyout: the time it takes to reach a point
// (given in a local east-north-up frame, relative to the launcher) and whether it gets there with
// enough speed left to intercept. Two models: the physics tabulated (flyout_table.hpp, what scenarios use) and a
// kinematic profile with a range clamp (kinematic_flyout.hpp, for analytic tests of fire control).
#include "core/vec.hpp"

namespace skyshield {

struct FlyoutPoint {
  double time_s = 0.0;      // time of flight (extrapolated beyond the reach when not reachable)
  double speed_mps = 0.0;   // speed on arrival
  bool reachable = false;
};

class FlyoutModel {
 public:
  virtual ~FlyoutModel() = default;
  virtual FlyoutPoint to(const Vec3& from_launcher_enu) const = 0;
  // Greatest ground range reachable at any height.
  virtual double reach_m() const = 0;
};

}  // namespace skyshield
