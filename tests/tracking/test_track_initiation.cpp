// Two-point track initiation (tracking/track_initiation.hpp) against the analytic gate, and the
// tracker with it against the one-point tracker on the same detections.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "tracking/track_initiation.hpp"
#include "tracking/tracker.hpp"

#include "full_circle_look.hpp"

namespace skyshield {
namespace {

using test::full_circle_look;

// Reference: with R0 = R = s^2 I the innovation covariance of the one-point CV track is the scalar
// (2 s^2 + sv^2 dt^2 + q dt^3 / 3) I (BLK eq. 6.2.2-12 for the CWNA position variance q dt^3 / 3),
// so the squared Mahalanobis distance is |d|^2 over it, worked by hand here.
TEST(TwoPointInitiation, GateIsTheAnalyticMahalanobisDistance) {
  const double s = 50.0, sv = 1000.0, q = 10.0, dt = 4.0, gate = 16.27;
  const Mat3 R = s * s * Mat3::Identity();
  const double var = 2.0 * s * s + sv * sv * dt * dt + q * dt * dt * dt / 3.0;   // 16,005,213.3 m^2
  const Vec3 d(3000.0, -2000.0, 500.0);
  EXPECT_NEAR(two_point_distance2(d, R, R, dt, sv, q, gate), d.squaredNorm() / var, 1e-9);
  // Far outside: not worked out (infinity), and never inside the gate.
  EXPECT_TRUE(std::isinf(two_point_distance2(Vec3(40e3, 0, 0), R, R, dt, sv, q, gate)));
  // An elongated R (cross-range noise): the gate follows the full matrix, not its trace.
  Mat3 Rl = R;
  Rl(1, 1) = 2000.0 * 2000.0;
  const Vec3 dy(0.0, 4000.0, 0.0);
  EXPECT_NEAR(two_point_distance2(dy, R, Rl, dt, sv, q, gate), 4000.0 * 4000.0 / (var - s * s + 2000.0 * 2000.0),   // S_yy = s^2 + 2000^2 + spread
              1e-9);
}

TEST(TwoPointInitiation, RevisitAndExpectedMisses) {
  Coverage c;
  EXPECT_EQ(revisit_period_s(c), 0.0);   // sweep rate not known
  c.sweep_rate_rad_s = 2.0 * std::numbers::pi / 10.0;   // a 10 s rotation, frame width not given
  EXPECT_NEAR(revisit_period_s(c), 10.0, 1e-12);
  c.frame_width_rad = 1.0;                               // a 1 rad sector at 0.5 rad/s: 2 s frames
  c.sweep_rate_rad_s = 0.5;
  EXPECT_NEAR(revisit_period_s(c), 2.0, 1e-12);
  c.known = false;
  EXPECT_EQ(revisit_period_s(c), 0.0);
  EXPECT_EQ(expected_misses(10.2, 10.0), 0);   // the next revisit
  EXPECT_EQ(expected_misses(29.7, 10.0), 2);   // two revisits missed
  EXPECT_EQ(expected_misses(29.7, 0.0), 0);
}

TrackerParams params(Initiation i) {
  TrackerParams p;
  p.track_management = TrackManagement::MOfN;
  p.initiation = i;
  return p;
}

// A lone false alarm starts a one-point track, never a two-point one.
TEST(TwoPointInitiation, LoneFalseAlarmStartsNoTrack) {
  const LocalFrame frame{Geodetic{-25.0, 135.0, 150.0}};
  Tracker one(frame, params(Initiation::OnePoint)), two(frame, params(Initiation::TwoPoint));
  for (Tracker* tr : {&one, &two}) {
    tr->process(full_circle_look(frame, 0.0, {{100e3, 1.0, 0.05}}));
    for (int k = 1; k <= 4; ++k) tr->process(full_circle_look(frame, 4.0 * k, {}));
  }
  EXPECT_EQ(one.stats().started, 1);
  EXPECT_EQ(two.stats().started, 0);
  EXPECT_EQ(two.stats().initiators, 1);
  EXPECT_TRUE(two.tracks().empty());
}

// Two detections 4 s apart pair when their offset is inside the gate (10 km: d^2 / var = 1e8 /
// 16.0e6 = 6.2 < 16.27 with R ~ (100 m)^2 cross-range at 100 km), not when it is outside (30 km: 56).
TEST(TwoPointInitiation, PairsOnlyInsideTheKinematicGate) {
  const LocalFrame frame{Geodetic{-25.0, 135.0, 150.0}};
  const double az_near = 1.0 + 10e3 / 100e3, az_far = 1.0 + 30e3 / 100e3;
  Tracker near(frame, params(Initiation::TwoPoint)), far(frame, params(Initiation::TwoPoint));
  near.process(full_circle_look(frame, 0.0, {{100e3, 1.0, 0.05}}));
  near.process(full_circle_look(frame, 4.0, {{100e3, az_near, 0.05}}));
  far.process(full_circle_look(frame, 0.0, {{100e3, 1.0, 0.05}}));
  far.process(full_circle_look(frame, 4.0, {{100e3, az_far, 0.05}}));
  EXPECT_EQ(near.stats().started, 1);
  EXPECT_EQ(far.stats().started, 0);
  EXPECT_EQ(far.stats().initiators, 2);
}

// A target flying at 250 m/s, seen every 4 s: the two-point tracker confirms it at the same look as
// the one-point tracker (3 of 5), with the same estimate (the same filter operations).
TEST(TwoPointInitiation, ConfirmsAtTheSameLookWithTheSameEstimate) {
  const LocalFrame frame{Geodetic{-25.0, 135.0, 150.0}};
  Tracker one(frame, params(Initiation::OnePoint)), two(frame, params(Initiation::TwoPoint));
  const double r0 = 120e3, az = 0.5, el = 0.05;
  for (int k = 0; k < 6; ++k) {
    const double t = 4.0 * k;
    const RangeAzEl z{r0 - 250.0 * t, az, el};
    one.process(full_circle_look(frame, t, {z}));
    two.process(full_circle_look(frame, t, {z}));
  }
  ASSERT_EQ(one.tracks().size(), 1u);
  ASSERT_EQ(two.tracks().size(), 1u);
  EXPECT_EQ(one.tracks()[0].status, TrackStatus::Confirmed);
  EXPECT_EQ(two.tracks()[0].status, TrackStatus::Confirmed);
  EXPECT_EQ(one.stats().confirmed, 1);
  EXPECT_EQ(two.stats().confirmed, 1);
  // The confirmation event comes at the same time.
  double t_one = -1.0, t_two = -1.0;
  for (const TrackEvent& e : one.take_events()) if (e.kind == TrackEvent::Kind::Confirmed) t_one = e.t;
  for (const TrackEvent& e : two.take_events()) if (e.kind == TrackEvent::Kind::Confirmed) t_two = e.t;
  EXPECT_EQ(t_one, 8.0);
  EXPECT_EQ(t_two, 8.0);
  EXPECT_LT((one.tracks()[0].position() - two.tracks()[0].position()).norm(), 1e-6);
  EXPECT_LT((one.tracks()[0].velocity() - two.tracks()[0].velocity()).norm(), 1e-6);
  EXPECT_EQ(one.tracks()[0].first_t, two.tracks()[0].first_t);
}

// Two objects 3 km apart, one moving 5 km across the line of sight in 4 s, the other still: the
// moving one's second detection is nearer the still one's first. Every pair in the gate starts a
// track, so both true pairs are tracks (velocities (a2 - a1) / 4 s and ~0); pairing each detection
// with its nearest free initiator paired them the wrong way round (a warhead's second detection
// taken by its booster's initiator in bmd.yaml).
TEST(TwoPointInitiation, EveryPairInTheGateStartsATrack) {
  const LocalFrame frame{Geodetic{-25.0, 135.0, 150.0}};
  Tracker two(frame, params(Initiation::TwoPoint));
  const double r = 100e3, el = 0.0;
  two.process(full_circle_look(frame, 0.0, {{r, 1.00, el}, {r, 1.03, el}}));
  two.process(full_circle_look(frame, 4.0, {{r, 1.05, el}, {r, 1.03, el}}));
  auto enu = [&](double az) { return Vec3(r * std::sin(az), r * std::cos(az), 0.0); };   // el = 0
  const Vec3 v_moving = (enu(1.05) - enu(1.00)) / 4.0;   // 1,250 m/s
  bool moving = false, still = false;
  for (const Track& tr : two.tracks()) {
    moving = moving || ((tr.velocity() - v_moving).norm() < 100.0 && (tr.position() - enu(1.05)).norm() < 500.0);
    still = still || (tr.velocity().norm() < 100.0 && (tr.position() - enu(1.03)).norm() < 500.0);
  }
  EXPECT_TRUE(moving);
  EXPECT_TRUE(still);
  EXPECT_EQ(two.stats().started, 4);   // a1-a2, a1-b2, b1-a2, b1-b2: all four offsets are in the gate
}

}  // namespace
}  // namespace skyshield
