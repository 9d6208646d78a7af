// The sweep reach (tracking/sweep_reach.hpp): a track is left alone by a radar's batches that end
// before it. References: the candidate test itself, applied by brute force to every batch the reach
// skips (it must reject the track in every one), and the analytic time for a rotating beam to come
// round to a fixed point (angle / angular rate).
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

#include "core/units.hpp"
#include "sensors/radar.hpp"
#include "tracking/sweep_reach.hpp"

namespace skyshield {
namespace {

constexpr double kStep = 0.05;
constexpr double kCvQ = 0.5;   // the default constant-velocity process noise scale is of this order

RadarParams rotating() {
  RadarParams p;
  p.scan = ScanKind::Rotating;
  p.scan_period_s = 10.0;
  p.instrumented_range_m = 150e3;
  p.min_elevation_deg = -2.0;
  p.max_elevation_deg = 60.0;
  return p;
}

RadarParams sector() {
  RadarParams p = rotating();
  p.scan = ScanKind::Sector;
  p.scan_period_s = 2.0;
  p.sector_center_deg = 30.0;
  p.sector_width_deg = 120.0;
  return p;
}

// The tracker's candidate test for a batch with coverage c at t0 (tracking/tracker.cpp), by its
// definition: the cheap prediction inside the looked-at volume grown by three sigmas in angle.
bool candidate(const Coverage& c, double t0, const TrackSummary& h, double q) {
  const double dt = t0 - h.t;
  const Vec3 pos = h.p + dt * h.v + 0.5 * dt * dt * h.a;
  const double trace = h.trace_pp + 2.0 * dt * h.trace_pv + dt * dt * h.trace_vv + q * std::abs(dt * dt * dt);
  const RangeAzEl rae = range_az_el_from_enu(pos);
  const double margin = 3.0 * std::sqrt(std::max(0.0, trace) / 3.0) / std::max(rae.range_m, 1.0);
  return rae.range_m <= c.max_range_m && c.covers(rae, margin);
}

struct Tally {
  long long skipped_batches = 0, reaches = 0, violations = 0;
  long long in_slice = 0;   // reaches of tracks inside the batch's own azimuth slice (rejected by range or elevation)
};

// Random tracks against one radar: every batch ending before the reach must reject the track.
Tally brute_force(const RadarParams& params, std::uint32_t seed, int tracks) {
  Radar radar(0, params, Geodetic{50.0, 20.0, 100.0}, Rng(seed));
  std::mt19937_64 g(seed);
  std::uniform_real_distribution<double> u(-1.0, 1.0);
  std::uniform_real_distribution<double> u01(0.0, 1.0);
  Tally tally;
  for (int n = 0; n < tracks; ++n) {
    TrackSummary h;
    h.p = Vec3(180e3 * u(g), 180e3 * u(g), 20e3 * u01(g));
    const double speed = (n % 3 == 0) ? 3000.0 : 600.0;
    h.v = speed * Vec3(u(g), u(g), 0.3 * u(g));
    h.a = 30.0 * Vec3(u(g), u(g), u(g));
    // Covariance traces from a firm track (tens of metres) to a one-hit clutter track (1 km/s).
    const double scale = std::pow(10.0, 4.0 * u01(g));
    h.trace_pp = 3.0 * std::pow(20.0 * scale, 2);
    h.trace_vv = 3.0 * std::pow(std::min(1000.0, scale), 2);
    h.trace_pv = 0.3 * u(g) * std::sqrt(h.trace_pp * h.trace_vv);
    const long long k0 = static_cast<long long>(u01(g) * 400.0);
    const double t0 = k0 * kStep;
    h.t = t0 - 3.0 * u01(g);
    const MeasurementBatch b0 = radar.look(t0, t0 + kStep, {}, {}, nullptr);
    const double dt = t0 - h.t;
    Vec3 enu = h.p + dt * h.v + 0.5 * dt * dt * h.a;   // radar frame = tracker frame here
    const double from = b0.coverage.sweep_from_rad, width = b0.coverage.sweep_width_rad();
    if (n % 4 == 1) {
      // Inside the batch's own azimuth slice, within range but above its 60 degree ceiling (62-70
      // degrees at 20 km), slow and firm: rejected by elevation only, so any reach is the azimuth's
      // (the range rule gives none).
      const double az = from + (0.2 + 0.6 * u01(g)) * width, el = (62.0 + 8.0 * u01(g)) * kPi / 180.0;
      enu = Vec3(20e3 * std::sin(az), 20e3 * std::cos(az), 20e3 * std::tan(el));
      h.v = 20.0 * Vec3(u(g), u(g), u(g));
      h.a = Vec3::Zero();
      h.trace_pp = 3.0 * 30.0 * 30.0, h.trace_vv = 3.0 * 5.0 * 5.0, h.trace_pv = 0.0;
      h.p = enu - dt * h.v;
    }
    const bool inside = clockwise_rad(from, std::atan2(enu.x(), enu.y())) < width;
    // The tracker asks for the reach of a track only when the batch rejected it (tracker_candidates.cpp).
    if (candidate(b0.coverage, t0, h, kCvQ)) continue;
    const double reach = sweep_reach_time(b0.coverage, t0, t0 + kStep, enu, h, kCvQ);
    if (!(reach > t0 + kStep)) continue;
    ++tally.reaches;
    tally.in_slice += inside;
    for (long long k = k0 + 1; (k + 1) * kStep < reach && k < k0 + 2000; ++k) {
      const MeasurementBatch b = radar.look(k * kStep, (k + 1) * kStep, {}, {}, nullptr);
      ++tally.skipped_batches;
      if (candidate(b.coverage, k * kStep, h, kCvQ)) {
        ++tally.violations;
        ADD_FAILURE() << "track " << n << " skipped at t0 = " << k * kStep << " s but a candidate (reach " << reach << " s)";
      }
    }
  }
  return tally;
}

TEST(SweepReach, RotatingRadarNeverSkipsABatchThatTakesTheTrack) {
  const Tally t = brute_force(rotating(), 11, 3000);
  EXPECT_EQ(t.violations, 0);
  EXPECT_GT(t.in_slice, 100);
  // The reach is not empty: most tracks are skipped for many batches.
  EXPECT_GT(t.reaches, 1000);
  EXPECT_GT(t.skipped_batches, 50 * t.reaches);
}

TEST(SweepReach, SectorScanNeverSkipsABatchThatTakesTheTrack) {
  const Tally t = brute_force(sector(), 12, 3000);
  EXPECT_EQ(t.violations, 0);
  EXPECT_GT(t.in_slice, 100);
  EXPECT_GT(t.reaches, 1000);
  EXPECT_GT(t.skipped_batches, 10 * t.reaches);
}

TEST(SweepReach, FixedPointIsReachedWhenTheBeamComesRound) {
  // A rotating beam (10 s per turn) whose slice ends at north, and a motionless point with no
  // uncertainty due east: the leading edge gets there a quarter turn later, 2.5 s (angle / rate).
  Radar radar(0, rotating(), Geodetic{50.0, 20.0, 100.0}, Rng(1));
  const double t0 = 10.0 - kStep, t1 = 10.0;   // the slice [-1.8 deg, 0 deg) of the second turn
  const MeasurementBatch b = radar.look(t0, t1, {}, {}, nullptr);
  TrackSummary h;
  h.p = Vec3(50e3, 0.0, 1e3);
  h.v = h.a = Vec3::Zero();
  h.t = t0;
  const double reach = sweep_reach_time(b.coverage, t0, t1, h.p, h, 0.0);
  EXPECT_NEAR(reach, t1 + 2.5, 1e-6);
  // Beyond the radar's range and closing at 1 km/s from 30 km out: out of reach for up to 30 s.
  h.p = Vec3(0.0, 180e3, 1e3);
  h.v = Vec3(0.0, -1000.0, 0.0);
  const double far = sweep_reach_time(b.coverage, t0, t1, h.p, h, 0.0);
  EXPECT_GT(far, t0 + 29.0);
  EXPECT_LE(far, t0 + 30.0);
  // With dwells in the batch nothing is said (a dwell may look anywhere).
  MeasurementBatch d = b;
  d.coverage.dwells.push_back({60e3, 0.5, 0.1});
  EXPECT_EQ(sweep_reach_time(d.coverage, t0, t1, Vec3(50e3, 0.0, 1e3), h, 0.0), -std::numeric_limits<double>::infinity());
}

}  // namespace
}  // namespace skyshield
