// Vertical coverage. References: the range equation solved for range (sensors/radar_equation, itself checked
// against MATLAB radareqrng), the 4/3-earth horizon sum sqrt(2kRha) + sqrt(2kRh) in its exact arc form,
// the tangent-ray dip angle acos(kR / (kR + ha)) (Skolnik 3rd ed. sec. 8.2), and the fourth-root law
// R ~ sigma^(1/4) of the range equation.
#include <gtest/gtest.h>

#include <cmath>

#include "core/units.hpp"
#include "radar_test_support.hpp"
#include "sensors/horizon.hpp"
#include "sensors/radar_equation.hpp"
#include "sensors/vertical_coverage.hpp"

namespace skyshield {
namespace {

RadarParams coverage_radar() {
  RadarParams p = rotating();
  p.pfa = 1e-6;
  p.instrumented_range_m = 1000e3;
  p.min_elevation_deg = -2.0;
  p.max_elevation_deg = 40.0;
  return p;
}

TEST(VerticalCoverage, GeometryOfTheEffectiveEarth) {
  const double re = 4.0 / 3.0 * kEarthMeanRadius, ha = 30.0;
  // Along the tangent ray to the horizon the target on the ground sits at the dip angle below horizontal.
  const double d = horizon_distance_m(ha);
  EXPECT_NEAR(effective_earth_elevation_rad(ha, 0.0, d), -std::acos(re / (re + ha)), 1e-9);
  // Short range: flat-earth slant range and elevation.
  EXPECT_NEAR(effective_earth_slant_range_m(ha, 1030.0, 1000.0), std::hypot(1000.0, 1000.0), 0.1);
  EXPECT_NEAR(effective_earth_elevation_rad(ha, 1030.0, 1000.0), kPi / 4, 1e-4);
}

TEST(VerticalCoverage, RangeEquationLimitsHighTargets) {
  const RadarParams p = coverage_radar();
  const SquareLawDetector det(p.pfa, 1);
  const double r = radar_equation_range(radar_terms(p, 1.0), det.required_snr(Swerling::Case1, 0.9));
  const GroundInterval g = detection_interval(p, det, 10.0, 1.0, Swerling::Case1, 0.9, 10000.0);
  ASSERT_FALSE(g.empty());
  EXPECT_NEAR(effective_earth_slant_range_m(10.0, 10000.0, g.max_m), r, 1.0);
  // Fourth-root law: 16 times the RCS doubles the slant range.
  const GroundInterval g16 = detection_interval(p, det, 10.0, 16.0, Swerling::Case1, 0.9, 10000.0);
  EXPECT_NEAR(effective_earth_slant_range_m(10.0, 10000.0, g16.max_m) / r, 2.0, 1e-5);
}

TEST(VerticalCoverage, HorizonLimitsLowTargets) {
  const RadarParams p = coverage_radar();
  const SquareLawDetector det(p.pfa, 1);
  const GroundInterval g = detection_interval(p, det, 30.0, 1e4, Swerling::Case0, 0.5, 30.0);
  EXPECT_NEAR(g.max_m, radar_horizon_range_m(30.0, 30.0), 1.0);   // ~45 km for two 30 m heights
  EXPECT_NEAR(g.max_m, 2 * std::sqrt(2 * 4.0 / 3.0 * kEarthMeanRadius * 30.0), 10.0);
}

TEST(VerticalCoverage, ConeOfSilenceAboveTheUpperElevation) {
  const RadarParams p = coverage_radar();
  const SquareLawDetector det(p.pfa, 1);
  const GroundInterval g = detection_interval(p, det, 10.0, 100.0, Swerling::Case1, 0.9, 20000.0);
  ASSERT_GT(g.min_m, 0.0);
  EXPECT_NEAR(effective_earth_elevation_rad(10.0, 20000.0, g.min_m), 40.0 * kDegToRad, 1e-4);
  EXPECT_NEAR(g.min_m / (19990.0 / std::tan(40.0 * kDegToRad)), 1.0, 0.005);   // flat earth within 0.5 % at 24 km
}

TEST(VerticalCoverage, CurveIsMonotoneInRcs) {
  const RadarParams p = coverage_radar();
  const CoverageCurve small = vertical_coverage(p, 10.0, "small", 0.1, Swerling::Case1, 0.9, 20e3, 40);
  const CoverageCurve big = vertical_coverage(p, 10.0, "big", 10.0, Swerling::Case1, 0.9, 20e3, 40);
  for (std::size_t i = 0; i < small.ground.size(); ++i) EXPECT_LE(small.ground[i].max_m, big.ground[i].max_m + 1.0);
}

}  // namespace
}  // namespace skyshield
