// Engagement on remote tracks (c2/network/remote_track.hpp, c2/command_post.hpp): the guide of a
// track, the track carried into another battalion's frame, and the seeker-basket refusal.
#include <gtest/gtest.h>

#include <cmath>

#include "c2/command_post.hpp"
#include "c2/network/remote_track.hpp"
#include "kinematic_battery.hpp"

namespace skyshield {
namespace {

const Geodetic kBase{-25.0, 135.0, 100.0};

BattalionStatus unit(int index, const Geodetic& at, bool fire_control) {
  BattalionStatus s;
  s.index = index;
  s.frame = LocalFrame(at);
  s.fire_control_up = fire_control;
  return s;
}

TEST(RemoteTrack, GuideIsAnotherMemberWithFireControl) {
  const Vec3 p = ecef_from_geodetic(Geodetic{-24.5, 135.0, 7000.0});
  AirPicture pic;
  // The same object held by battalions 0, 1 and 2; battalion 1 has lost its engagement radar.
  pic.update({{0, 7, p, 1e4 * Mat3::Identity()}, {1, 3, p, 1e4 * Mat3::Identity()}, {2, 9, p, 1e4 * Mat3::Identity()}});
  const std::vector<BattalionStatus> all{unit(0, kBase, false), unit(1, kBase, false), unit(2, kBase, true)};
  const std::optional<RemoteGuide> g = remote_guide(pic, all, 1, 3);
  ASSERT_TRUE(g.has_value());
  EXPECT_EQ(g->battalion, 2);  // battalion 0 holds it too, but cannot guide
  EXPECT_EQ(g->track_id, 9);
  EXPECT_FALSE(remote_guide(pic, all, 1, 4).has_value());  // not in the picture
  const std::vector<BattalionStatus> none{unit(0, kBase, false), unit(1, kBase, false), unit(2, kBase, false)};
  EXPECT_FALSE(remote_guide(pic, none, 1, 3).has_value());
}

TEST(RemoteTrack, CarriedIntoAnotherFrameThroughEcef) {
  // Brute force reference: every quantity through ECEF with the frames' own conversions.
  const LocalFrame from(kBase), to(Geodetic{-24.2, 136.1, 300.0});  // ~120 km apart: frames turn ~1 deg
  Track t;
  t.id = 5;
  t.t = 12.0;
  t.x << 10e3, 80e3, 7e3, -120.0, -230.0, 5.0, 0.5, -1.0, 0.2;
  Mat9 A = Mat9::Random();
  t.P = A * A.transpose() + Mat9::Identity();
  const Track r = track_in_frame(t, from, to);
  EXPECT_EQ(r.id, 5);
  EXPECT_EQ(r.t, 12.0);
  EXPECT_LT((to.to_ecef(r.position()) - from.to_ecef(t.position())).norm(), 1e-6);
  EXPECT_LT((to.vector_to_ecef(r.velocity()) - from.vector_to_ecef(t.velocity())).norm(), 1e-9);
  EXPECT_LT((to.vector_to_ecef(r.acceleration()) - from.vector_to_ecef(t.acceleration())).norm(), 1e-12);
  // The variance along any direction is the same seen from either frame: u^T P u for the direction
  // u (from-frame) and its image through ECEF in the to-frame.
  for (int k = 0; k < 9; ++k) {
    Vec9 u = Vec9::Zero();
    u(k) = 1.0;
    Vec9 w;
    for (int b = 0; b < 3; ++b) w.segment<3>(3 * b) = to.vector_to_enu(from.vector_to_ecef(u.segment<3>(3 * b)));
    EXPECT_NEAR(w.dot(r.P * w), u.dot(t.P * u), 1e-9 * t.P.norm()) << k;
  }
}

// A cruise missile 60 km north, inbound, on a remote track of isotropic position error sigma.
std::vector<FireOrder> decide_on_remote(double sigma_m, bool remote, std::vector<RefusedShot>* refusals = nullptr) {
  std::vector<InterceptorClass> classes{test::kinematic_medium_range()};
  classes[0].seeker_range_m = 15e3;
  classes[0].seeker_basket_m = 5e3;
  std::vector<Launcher> launchers = test::launchers_at_base(2);
  std::vector<Track> tracks(1);
  tracks[0].id = 10;
  tracks[0].status = TrackStatus::Confirmed;
  tracks[0].score = 100.0;  // ample evidence (doctrine fire_control_min_score)
  tracks[0].classified = ThreatClass::CruiseMissile;
  tracks[0].x << 0, 60e3, 100, 0, -250, 0, 0, 0, 0;
  tracks[0].P = Mat9::Identity();
  tracks[0].P.block<3, 3>(0, 0) = sigma_m * sigma_m * Mat3::Identity();
  CommandPost cp({{"base", Geodetic{-25.0, 135.0, 0.0}, 10.0, 3000.0}}, {Vec3::Zero()}, DoctrineParams{});
  CommandPostInputs in;
  in.tracks = &tracks;
  in.classes = &classes;
  in.launchers = launcher_status(launchers, 0.0);
  in.launchers_enu.assign(launchers.size(), Vec3::Zero());
  in.free_target_channels = 10;
  in.free_missile_channels = 10;
  if (remote) in.remote = {10};
  std::vector<FireOrder> o = cp.decide(in);
  if (refusals) *refusals = cp.last_refusals();
  return o;
}

TEST(RemoteTrack, RefusedWhenTheSeekerBasketCannotHoldTheTarget) {
  // Isotropic error sigma across the line of sight: the miss in the plane is Rayleigh,
  // P(inside r) = 1 - exp(-r^2 / (2 sigma^2)) (Papoulis, Probability, Random Variables and
  // Stochastic Processes, the Rayleigh distribution). With the default 0.9 and r = 5 km the largest
  // sigma accepted is r / sqrt(2 ln 10) = 2,329.95 m.
  const double limit = 5e3 / std::sqrt(2.0 * std::log(10.0));
  EXPECT_NEAR(limit, 2329.95, 0.01);
  EXPECT_FALSE(decide_on_remote(0.95 * limit, true).empty());
  std::vector<RefusedShot> refusals;
  EXPECT_TRUE(decide_on_remote(1.05 * limit, true, &refusals).empty());
  ASSERT_EQ(refusals.size(), 1u);
  EXPECT_EQ(refusals[0].reason, Refusal::RemoteAccuracy);
  EXPECT_STREQ(to_string(refusals[0].reason), "remote_accuracy");
  // The same track from the battalion's own radars: no basket rule (its Pk is lower, not zero).
  EXPECT_FALSE(decide_on_remote(1.05 * limit, false).empty());
}

}  // namespace
}  // namespace skyshield
