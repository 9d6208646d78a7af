// The target's predicted path (c2/target_path.hpp): straight and drag-free paths against their
// closed forms, and the drag-aware path against a brute-force 1 ms integration of the analytic
// acceleration a = -g z - rho(h) |v| v k / 2 (k = 1/beta; US-1976 density at h = up + d^2/2R + origin).
#include <gtest/gtest.h>

#include <cmath>

#include "c2/target_path.hpp"
#include "core/atmosphere.hpp"
#include "core/units.hpp"

namespace skyshield {
namespace {

TEST(TargetPath, StraightAndDragFreePathsAreTheirClosedForms) {
  const Vec3 p(10e3, 80e3, 30e3), v(-100.0, -2000.0, -1200.0);
  const TargetPath straight(p, v, 50.0, false, 1e-3, 150.0);
  const TargetPath vacuum(p, v, 50.0, true, 0.0, 150.0);
  for (double dt : {-3.0, 0.0, 0.1, 7.3, 40.0}) {
    EXPECT_LT((straight.position_at(50.0 + dt) - (p + v * dt)).norm(), 1e-9);
    EXPECT_LT((vacuum.position_at(50.0 + dt) - (p + v * dt - Vec3(0.0, 0.0, 0.5 * kStandardGravity * dt * dt))).norm(), 1e-9);
  }
}

TEST(TargetPath, DragAwarePathMatchesABruteForceIntegration) {
  const double k = 1.0 / 3500.0, origin_alt = 150.0;
  const Vec3 p0(5e3, 60e3, 40e3), v0(0.0, -2500.0, -1800.0);
  auto accel = [&](const Vec3& p, const Vec3& v) -> Vec3 {
    const double h = p.z() + std::hypot(p.x(), p.y()) * std::hypot(p.x(), p.y()) / (2.0 * kMeanEarthRadius) + origin_alt;
    return Vec3(0.0, 0.0, -kStandardGravity) - 0.5 * us1976(h).density_kg_m3 * k * v.norm() * v;
  };
  const TargetPath path(p0, v0, 0.0, true, k, origin_alt);
  Vec3 p = p0, v = v0;
  double t = 0.0;
  for (double check : {0.6, 5.0, 10.0, 17.3}) {
    while (t < check - 1e-9) {  // semi-implicit Euler at 0.1 ms: brute force
      const double h = std::min(1e-4, check - t);
      v += accel(p, v) * h;
      p += v * h;
      t += h;
    }
    EXPECT_LT((path.position_at(check) - p).norm(), 1.0) << "at " << check << " s";
  }
  // The drag really acts: a drag-free path is far off by then.
  EXPECT_GT((TargetPath(p0, v0, 0.0, true, 0.0, origin_alt).position_at(17.3) - p).norm(), 500.0);
}

TEST(TargetPath, NonFiniteTimesDoNotReadOutsideTheSamples) {
  const TargetPath path(Vec3(0.0, 0.0, 30e3), Vec3(0.0, 1000.0, -1000.0), 0.0, true, 1e-3, 0.0);
  EXPECT_FALSE(path.position_at(std::nan("")).allFinite());
  EXPECT_TRUE(path.position_at(1e6).allFinite());
}

}  // namespace
}  // namespace skyshield
