// Engagements that outlive their track (c2/lost_engagement.hpp): the constant-velocity prediction
// and gate against hand computations, and the command post holding a new track near an engagement
// whose track was dropped while its round flies, until the round's outcome.
#include <gtest/gtest.h>

#include "kinematic_battery.hpp"

#include "c2/command_post.hpp"
#include "c2/lost_engagement.hpp"

namespace skyshield {
namespace {

TEST(LostEngagement, PredictionAndGateAreTheHandComputedValues) {
  Track tr;
  tr.t = 0.0;
  tr.x << 0, 0, 0, 100, 0, 0, 0, 0, 0;
  tr.P = Mat9::Zero();
  tr.P.block<3, 3>(0, 0) = 100.0 * Mat3::Identity();
  tr.P.block<3, 3>(0, 3) = 10.0 * Mat3::Identity();
  tr.P.block<3, 3>(3, 0) = 10.0 * Mat3::Identity();
  tr.P.block<3, 3>(3, 3) = 4.0 * Mat3::Identity();
  const EngagedEstimate e = engaged_estimate(tr);
  Vec3 p;
  Mat3 P;
  predict_engaged(e, 10.0, p, P);
  // By hand: p = 100 m/s x 10 s; P = 100 + 10 (10 + 10) + 100 x 4 = 700 per axis.
  EXPECT_NEAR((p - Vec3(1000.0, 0.0, 0.0)).norm(), 0.0, 1e-9);
  EXPECT_NEAR(P(0, 0), 700.0, 1e-9);
  EXPECT_NEAR(P(1, 1), 700.0, 1e-9);
  EXPECT_NEAR(P(0, 1), 0.0, 1e-12);
  // A candidate at t = 10 s, 60 m off the prediction in x and 30 m in z, position variance 200
  // per axis, floor 10 m per track (200): S = 700 + 200 + 200 = 1100 per axis;
  // d' S^-1 d = (3600 + 900) / 1100 = 4.0909.
  Track c;
  c.t = 10.0;
  c.x << 1060, 0, 30, 0, 0, 0, 0, 0, 0;
  c.P = Mat9::Identity() * 200.0;
  EXPECT_NEAR(engaged_distance2(e, c, 10.0), 4500.0 / 1100.0, 1e-9);
  EXPECT_EQ(engaged_distance2(EngagedEstimate{}, c, 10.0), std::numeric_limits<double>::infinity());
}

struct Post {
  std::vector<InterceptorClass> classes{test::kinematic_medium_range()};
  std::vector<Launcher> launchers = test::launchers_at_base(3);
  std::vector<Track> tracks;
  CommandPost cp;

  explicit Post(DoctrineParams d) : cp({{"base", Geodetic{-25.0, 135.0, 0.0}, 10.0, 3000.0}}, {Vec3::Zero()}, d) {}
  static Track missile(int id, double t, double north_m) {   // a cruise missile inbound at 250 m/s
    Track tr;
    tr.id = id;
    tr.t = t;
    tr.status = TrackStatus::Confirmed;
    tr.score = 100.0;
    tr.classified = ThreatClass::CruiseMissile;
    tr.x << 0, north_m, 100, 0, -250, 0, 0, 0, 0;
    tr.P = Mat9::Identity() * 50.0 * 50.0;
    return tr;
  }
  std::vector<FireOrder> decide(double t) {
    CommandPostInputs in;
    in.t = t;
    in.tracks = &tracks;
    in.classes = &classes;
    in.launchers = launcher_status(launchers, t);
    in.launchers_enu.assign(launchers.size(), Vec3::Zero());
    in.free_target_channels = 10;
    in.free_missile_channels = 20;
    return cp.decide(in);
  }
};

TEST(LostEngagement, ANewTrackOnTheObjectOfALostTrackIsHeldWhileItsRoundFlies) {
  // Track 10 is engaged at t = 0 (70 km north, inbound at 250 m/s) and dropped by the tracker at
  // t = 4 s while its round flies; at t = 5 s track 30 appears where track 10 would be (70 km -
  // 1.25 km), track 31 10 km behind it (far outside the gate). With the rule, only 31 is engaged
  // until the round's outcome is reported; then 30 is. Without it, 30 draws a second round at once.
  for (bool hold : {true, false}) {
    DoctrineParams d;
    d.fire_control_hold_near_lost = hold;
    Post s(d);
    s.tracks = {Post::missile(10, 0.0, 70e3)};
    const std::vector<FireOrder> first = s.decide(0.0);
    ASSERT_EQ(first.size(), 1u);
    EXPECT_EQ(first[0].track_id, 10);
    s.tracks.clear();
    s.cp.drop_track(10);
    s.tracks = {Post::missile(30, 5.0, 70e3 - 1250.0), Post::missile(31, 5.0, 80e3)};
    std::vector<int> engaged;
    for (const FireOrder& o : s.decide(5.0)) engaged.push_back(o.track_id);
    if (!hold) {
      EXPECT_EQ(engaged, (std::vector<int>{30, 31}));
      continue;
    }
    EXPECT_EQ(engaged, (std::vector<int>{31})) << "30 lies on the lost track's path: held";
    s.cp.report_outcome(10, false);   // the round missed (or its outcome is known): engage 30
    s.tracks = {Post::missile(30, 6.0, 70e3 - 1500.0)};
    const std::vector<FireOrder> then = s.decide(6.0);
    ASSERT_EQ(then.size(), 1u);
    EXPECT_EQ(then[0].track_id, 30);
    EXPECT_TRUE(std::none_of(s.cp.engagements().begin(), s.cp.engagements().end(), [](const EngagementState& e) { return e.track_id == 10; }))
        << "the lost engagement ends with its round";
  }
}

}  // namespace
}  // namespace skyshield
