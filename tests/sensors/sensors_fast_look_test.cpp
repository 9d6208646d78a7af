// The fast model's sensor side (scenario/fidelity.hpp): radars without false alarms, looking over
// 0.5 s slices instead of 0.05 s ones. References: a rotating beam passes over a fixed direction once
// per rotation whatever the slicing (brute force: 0.05 s slices); a detection of a target moving at a
// constant velocity v measures it where it was at the slice's start, p(t1) - v (t1 - t0) (exact for
// straight flight), within its stated range sigma.
#include <gtest/gtest.h>

#include <cmath>

#include "core/units.hpp"
#include "sensors/radar.hpp"
#include "radar_test_support.hpp"

namespace skyshield {
namespace {

TEST(FastLook, NoFalseAlarmsWhenSwitchedOff) {
  RadarParams p = rotating();
  p.pfa = 1e-4;   // hundreds of false alarms per rotation with them on (FalseAlarmRateMatchesResolutionCells)
  Radar on(0, p, kSite, Rng(5)), off(0, p, kSite, Rng(5));
  off.set_false_alarms(false);
  EXPECT_TRUE(on.false_alarms());
  EXPECT_FALSE(off.false_alarms());
  EXPECT_GT(sweep(on, {}, 80).batch_detections, 100);
  EXPECT_EQ(sweep(off, {}, 80).batch_detections, 0);
  // With a target: exactly its detections.
  const std::vector<TruthView> tv{target(off.frame(), Vec3(30e3, 40e3, 3000.0), 1000.0)};
  const Tally t = sweep(off, tv, 80 * 3);
  EXPECT_EQ(t.opportunities, 3);
  EXPECT_EQ(t.batch_detections, t.detections);
}

// Opportunities over `rotations` rotations of 4 s in slices of `slice_s`.
int opportunities(double slice_s, int rotations, const Vec3& enu) {
  Radar r(0, rotating(), kSite, Rng(3));
  r.set_false_alarms(false);
  const std::vector<TruthView> tv{target(r.frame(), enu, 1000.0)};
  std::vector<DetectionRecord> log;
  const int slices = static_cast<int>(std::lround(4.0 * rotations / slice_s));
  for (int k = 0; k < slices; ++k) r.look(slice_s * k, slice_s * (k + 1), tv, {}, &log);
  return static_cast<int>(log.size());
}

TEST(FastLook, HalfSecondSlicesGiveOneOpportunityPerRotationLikeFineOnes) {
  // Targets all round the compass, including on slice boundaries (north, and 45 deg = 0.5 s of a 4 s rotation).
  for (double az_deg = 0.0; az_deg < 360.0; az_deg += 22.5) {
    SCOPED_TRACE(az_deg);
    const double a = az_deg * kDegToRad;
    const Vec3 enu(50e3 * std::sin(a), 50e3 * std::cos(a), 3000.0);
    EXPECT_EQ(opportunities(0.05, 5, enu), opportunities(0.5, 5, enu));
    EXPECT_EQ(opportunities(0.5, 5, enu), 5);
  }
}

TEST(FastLook, AWideSliceMeasuresTheTargetWhereItWasAtTheSliceStart) {
  Radar r(0, rotating(), kSite, Rng(9));
  r.set_false_alarms(false);
  const Vec3 v_enu(-250.0, 0.0, 0.0);   // crossing westward at 250 m/s
  const Vec3 start(20e3, 55e3, 3000.0);  // about 20 deg east of north at t0
  int measured = 0;
  for (int k = 0; k < 8; ++k) {  // one rotation in 0.5 s slices; the target is seen in the first
    const double t0 = 0.5 * k, t1 = t0 + 0.5;
    TruthView tv = target(r.frame(), start + v_enu * t1, 1000.0);  // the truth at t1, as the engine gives it
    tv.vel_ecef = r.frame().vector_to_ecef(v_enu);
    const MeasurementBatch b = r.look(t0, t1, std::vector<TruthView>{tv}, {}, nullptr);
    for (const Measurement& m : b.detections) {
      ++measured;
      EXPECT_EQ(m.t, t0);
      const double truth_range = (start + v_enu * t0).norm();
      EXPECT_NEAR(m.rae.range_m, truth_range, 5.0 * m.sigma_range_m + 1.0);
    }
  }
  EXPECT_EQ(measured, 1);
}

}  // namespace
}  // namespace skyshield
