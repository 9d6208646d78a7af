// Horizon, coverage and the scanning radar. References: the 4/3-earth horizon d = sqrt(2 k R h)
// (Skolnik, Introduction to Radar Systems, 3rd ed., sec. 8.2; "4.12 sqrt(h) km" rule), the binomial
// distribution of detections with the Pd of sensors/detection, and the Poisson count of false alarms.
#include <gtest/gtest.h>

#include <cmath>

#include "core/units.hpp"
#include "sensors/detection.hpp"
#include "sensors/horizon.hpp"
#include "sensors/radar.hpp"
#include "sensors/radar_equation.hpp"
#include "radar_test_support.hpp"

namespace skyshield {
namespace {

TEST(Horizon, MatchesTheFourThirdsEarthRule) {
  const double kR = 4.0 / 3.0 * 6371008.8;
  for (double h : {10.0, 40.0, 300.0, 8000.0})
    EXPECT_NEAR(horizon_distance_m(h) / std::sqrt(2.0 * kR * h), 1.0, 1e-3) << h;
  // "4.12 sqrt(h[m]) km" rule of thumb (Skolnik): 10 m -> 13.0 km.
  EXPECT_NEAR(horizon_distance_m(10.0), 4.12e3 * std::sqrt(10.0), 30.0);
  EXPECT_DOUBLE_EQ(radar_horizon_range_m(10.0, 40.0), horizon_distance_m(10.0) + horizon_distance_m(40.0));
  EXPECT_DOUBLE_EQ(horizon_distance_m(-5.0), 0.0);
}

TEST(Horizon, TargetJustInsideAndOutside) {
  const Geodetic antenna{kSite.lat_deg, kSite.lon_deg, 10.0};
  const double d = radar_horizon_range_m(10.0, 40.0);
  Geodetic in = geodesic_direct(antenna, 30.0, d - 200.0);
  Geodetic out = geodesic_direct(antenna, 30.0, d + 200.0);
  in.alt_m = out.alt_m = 40.0;
  EXPECT_TRUE(above_radar_horizon(antenna, in));
  EXPECT_FALSE(above_radar_horizon(antenna, out));
}

TEST(Coverage, SweepWrapsThroughNorthAndHonoursLimits) {
  Coverage c;
  c.sweep_from_rad = 350 * kDegToRad;
  c.sweep_to_rad = 10 * kDegToRad;
  c.max_range_m = 100e3;
  c.min_el_rad = 0.0;
  c.max_el_rad = 1.0;
  EXPECT_TRUE(c.covers({50e3, 355 * kDegToRad, 0.1}));
  EXPECT_TRUE(c.covers({50e3, 5 * kDegToRad, 0.1}));
  EXPECT_FALSE(c.covers({50e3, 15 * kDegToRad, 0.1}));
  EXPECT_TRUE(c.covers({50e3, 15 * kDegToRad, 0.1}, 6 * kDegToRad));   // with a margin
  EXPECT_FALSE(c.covers({150e3, 5 * kDegToRad, 0.1}));                // beyond range
  EXPECT_FALSE(c.covers({50e3, 5 * kDegToRad, 1.2}));                 // above the top
  c.dwells.push_back({80e3, 90 * kDegToRad, 0.2});
  c.dwell_half_beam_rad = 0.5 * kDegToRad;
  EXPECT_TRUE(c.covers({60e3, 90.3 * kDegToRad, 0.2}));
  EXPECT_FALSE(c.covers({60e3, 91 * kDegToRad, 0.2}));
}

TEST(Radar, OneOpportunityPerRotation) {
  Radar r(0, rotating(), kSite, Rng(1));
  const std::vector<TruthView> tv{target(r.frame(), Vec3(30e3, 40e3, 3000.0), 1000.0)};
  const Tally t = sweep(r, tv, 80 * 5);  // 5 rotations of 4 s
  EXPECT_EQ(t.opportunities, 5);
  EXPECT_EQ(t.detections, 5);          // SNR far above threshold
  EXPECT_EQ(t.batch_detections, 5);
}

TEST(Radar, NothingBeyondRangeOrBelowTheHorizon) {
  Radar r(0, rotating(), kSite, Rng(2));
  const std::vector<TruthView> far{target(r.frame(), Vec3(0.0, 250e3, 30e3), 1e4)};
  EXPECT_EQ(sweep(r, far, 160).opportunities, 0);
  // 150 km out at 50 m above the ground is far below the horizon of an antenna 110 m up (~43 + 29 km);
  // the ground lies d^2 / 2R below the antenna's tangent plane.
  const std::vector<TruthView> low{target(r.frame(), Vec3(0.0, 150e3, -60.0 - 150e3 * 150e3 / (2 * 6.371e6)), 1e4)};
  // ... and 80 km out at 3 km it is seen.
  const std::vector<TruthView> seen{target(r.frame(), Vec3(0.0, 80e3, 3000.0), 1e4)};
  EXPECT_EQ(sweep(r, seen, 80).opportunities, 1);
  EXPECT_EQ(sweep(r, low, 160).opportunities, 0);
}

TEST(Radar, DetectionFrequencyMatchesPd) {
  RadarParams p = rotating();
  p.scan_period_s = 0.1;  // two slices per rotation: many looks
  Radar r(0, p, kSite, Rng(3));
  // Place the target where the single-look SNR is ~13 dB, so Pd is well inside (0, 1).
  const double range = radar_equation_range(radar_terms(p, 1.0), db_to_linear(13.0));
  const std::vector<TruthView> tv{target(r.frame(), Vec3(0.0, range, 0.0), 1.0)};
  const Tally t = sweep(r, tv, 8000);
  ASSERT_EQ(t.opportunities, 4000);
  const double pd = detection_probability(Swerling::Case1, radar_snr(p, 1.0, range), p.pfa);
  EXPECT_NEAR(t.pd, pd, 0.02);  // the logged Pd (range differs slightly through the ENU/height geometry)
  const double sd = std::sqrt(t.pd * (1 - t.pd) / t.opportunities);
  EXPECT_NEAR(static_cast<double>(t.detections) / t.opportunities, t.pd, 4 * sd);
}

TEST(Radar, SectorRadarSeesOutsideItsSectorOnlyInADwell) {
  RadarParams p = rotating();
  p.scan = ScanKind::Sector;
  p.sector_center_deg = 0.0;
  p.sector_width_deg = 90.0;
  p.scan_period_s = 1.0;
  p.target_channels = 2;
  Radar r(0, p, kSite, Rng(4));
  const Vec3 east(80e3, 0.0, 4000.0);  // azimuth 90 deg: outside [-45, 45]
  const std::vector<TruthView> tv{target(r.frame(), east, 100.0)};
  EXPECT_EQ(sweep(r, tv, 100).opportunities, 0);
  const std::vector<Vec3> dwell{r.frame().to_ecef(east)};
  EXPECT_EQ(sweep(r, tv, 100, dwell).opportunities, 100);  // one dwell per slice given
  const std::vector<TruthView> north{target(r.frame(), Vec3(0.0, 80e3, 4000.0), 100.0)};
  EXPECT_EQ(sweep(r, north, 100).opportunities, 5);        // once per 1 s frame
}

TEST(Radar, FalseAlarmRateMatchesResolutionCells) {
  RadarParams p = rotating();
  p.pfa = 1e-4;
  Radar r(0, p, kSite, Rng(5));
  // Per rotation: range cells x azimuth beams x elevation beams (radar.cpp's count).
  const double cells = (p.instrumented_range_m / p.range_resolution_m) * (360.0 / p.beamwidth_az_deg) *
                       std::max(1.0, (p.max_elevation_deg - p.min_elevation_deg) / p.beamwidth_el_deg);
  const int rotations = 3;
  const Tally t = sweep(r, {}, 80 * rotations);
  const double expected = p.pfa * cells * rotations;
  EXPECT_NEAR(t.batch_detections, expected, 5.0 * std::sqrt(expected));
}

TEST(Radar, SameSeedSameBatches) {
  RadarParams p = rotating();
  p.pfa = 1e-5;
  Radar a(0, p, kSite, Rng(9)), b(0, p, kSite, Rng(9));
  const std::vector<TruthView> tv{target(a.frame(), Vec3(30e3, 40e3, 3000.0), 0.5)};
  for (int k = 0; k < 200; ++k) {
    const MeasurementBatch x = a.look(0.05 * k, 0.05 * (k + 1), tv, {}, nullptr);
    const MeasurementBatch y = b.look(0.05 * k, 0.05 * (k + 1), tv, {}, nullptr);
    ASSERT_EQ(x.detections.size(), y.detections.size());
    for (std::size_t i = 0; i < x.detections.size(); ++i) EXPECT_EQ(x.detections[i].rae.range_m, y.detections[i].rae.range_m);
  }
}

}  // namespace
}  // namespace skyshield
