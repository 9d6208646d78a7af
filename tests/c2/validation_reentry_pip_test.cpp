// Issue 26, defect 4 (docs/validation/fire_control.md, ctest label `validation`): the predicted
// intercept point of a decelerating re-entry vehicle, tracked by the battalion tracker from noisy
// radar measurements, against the project's ballistic flight model (world/ballistic/flight.hpp).
// Uses only the fire-control interface that predates the drag estimate, so that it runs on the old
// code too (where it fails: the drag-free PIP is 5.1 km off).
#include <gtest/gtest.h>

#include <cstdio>

#include "c2/fire_control.hpp"
#include "reentry_scene.hpp"
#include "weapons/flyout/kinematic_flyout.hpp"

namespace skyshield {
namespace {
using namespace reentry_scene;

TEST(FireControlValidation, PipOfADeceleratingReentryVehicle) {
  // Issue 26, defect 4: the predicted intercept point of the MRBM's warhead, tracked down to 29 km,
  // for an intercept ~10 s later. Drag-free prediction (gravity only) is ~4.8 km off here (3.4 km in
  // the run); the PIP must now be within 1.5 km of where the flight model's truth is at the
  // intercept time (measured: 1.08 km, against 5.05 km on the old, drag-free code; limited by the few seconds of dense air the estimate has seen
  // and by the track's own velocity lag, ~330 m even with the true beta).
  const LocalFrame frame(kSite);
  Tracked tk = track_reentry_vehicle(frame);
  const Track& tr = tk.track;
  ASSERT_EQ(tr.status, TrackStatus::Confirmed);
  // An interceptor class whose kinematic flyout meets the RV ~10 s after launch from a launcher
  // under its path (launched at the track time).
  InterceptorClass c;
  c.min_range_m = 0.0;
  c.max_altitude_m = 100e3;
  c.max_flight_time_s = 100.0;
  c.flyout = std::make_shared<KinematicFlyout>(KinematicProfile{5000.0, 5000.0, 1.0, 200e3});
  const Vec3 launcher(0.0, -5e3, 0.0);
  const InterceptSolution s = solve_intercept(tr, true, c, launcher, tr.t, kSite.alt_m, 1e9);
  ASSERT_NEAR(s.intercept_time_s - tr.t, 10.0, 2.0);
  BallisticFlight truth = tk.rv;
  truth.step(s.intercept_time_s - truth.time());
  const double error = (s.pip_enu - frame.to_enu(truth.pos())).norm();
  std::printf("PIP error %.0f m at %.1f s after the track time\n", error, s.intercept_time_s - tr.t);
  EXPECT_LT(error, 1500.0) << "PIP error at " << s.intercept_time_s - tr.t << " s";
}

}  // namespace
}  // namespace skyshield
