#pragma once
// The command-post tests' notional battery: one medium-range class flown by the kinematic flyout
// (50 m/s^2 boost to 2,000 m/s over 10 s, 120 km reach, 5 m to 30 km) on n four-tube launchers at the
// base (-25, 135).
#include <memory>
#include <vector>

#include "weapons/flyout/kinematic_flyout.hpp"
#include "weapons/interceptor_class.hpp"
#include "weapons/launcher.hpp"

namespace skyshield::test {

inline InterceptorClass kinematic_medium_range() {
  InterceptorClass c;
  c.max_range_m = 120e3;
  c.max_altitude_m = 30e3;
  c.min_altitude_m = 5.0;
  c.flyout = std::make_shared<KinematicFlyout>(KinematicProfile{50.0, 2000.0, 10.0, c.max_range_m});
  return c;
}

inline std::vector<Launcher> launchers_at_base(int n) {
  std::vector<Launcher> out;
  for (int i = 0; i < n; ++i) {
    LauncherConfig lc;
    lc.site = Geodetic{-25.0, 135.0, 0.0};
    lc.interceptor_class = 0;
    lc.tubes = 4;
    out.emplace_back(lc);
  }
  return out;
}

}  // namespace skyshield::test
