// The command post's crowd bound (c2/command_post.hpp, kMaxFireControlThreats): of a swarm of
// eligible threats only the most urgent by the threat evaluation's priority go through fire control
// in one decision. Reference: the same decision by a command post shown only those tracks, chosen
// here independently by sorting evaluate_threats' priorities (c2/threat_evaluation.hpp).
#include <gtest/gtest.h>

#include "kinematic_battery.hpp"

#include <algorithm>
#include <functional>
#include <random>

#include "c2/command_post.hpp"
#include "c2/threat_evaluation.hpp"
#include "weapons/flyout/kinematic_flyout.hpp"

namespace skyshield {
namespace {

const std::vector<DefendedAsset> kAssets{{"base", Geodetic{-25.0, 135.0, 0.0}, 10.0, 3000.0}};

struct Swarm {
  std::vector<InterceptorClass> classes;
  std::vector<Launcher> launchers;
  std::vector<Track> tracks;

  explicit Swarm(int n) {
    classes.push_back(test::kinematic_medium_range());
    launchers = test::launchers_at_base(4);
    std::mt19937 gen(27);
    std::uniform_real_distribution<double> range(20e3, 110e3), bearing(0.0, 6.283185307179586), speed(150.0, 300.0);
    for (int k = 0; k < n; ++k) {   // inbound cruise missiles from every direction
      const double r = range(gen), b = bearing(gen), v = speed(gen);
      Track t;
      t.id = 1000 + 7 * k;
      t.status = TrackStatus::Confirmed;
      t.score = 100.0;  // ample evidence (doctrine fire_control_min_score)
      t.classified = ThreatClass::CruiseMissile;
      t.x << r * std::sin(b), r * std::cos(b), 100, -v * std::sin(b), -v * std::cos(b), 0, 0, 0, 0;
      tracks.push_back(t);
    }
  }
  CommandPostInputs inputs(const std::vector<Track>& picture) {
    CommandPostInputs in;
    in.tracks = &picture;
    in.classes = &classes;
    in.launchers = launcher_status(launchers, in.t);
    in.launchers_enu.assign(launchers.size(), Vec3::Zero());
    in.free_target_channels = 10;
    in.free_missile_channels = 20;
    return in;
  }
};

TEST(CommandPostCap, ASwarmGoesThroughFireControlMostUrgentFirst) {
  const int n = 1000;
  Swarm s(n);
  CommandPost cp(kAssets, {Vec3::Zero()}, DoctrineParams{});
  const std::vector<FireOrder> got = cp.decide(s.inputs(s.tracks));
  EXPECT_EQ(cp.last_dropped(), n - static_cast<int>(kMaxFireControlThreats));
  EXPECT_EQ(cp.last_assessment().size(), static_cast<std::size_t>(n));   // all evaluated (cheap)
  ASSERT_FALSE(got.empty());

  // Independent choice of the most urgent: sort the evaluation's priorities (ties: picture order).
  const std::vector<ThreatAssessment> a = evaluate_threats(s.tracks, kAssets, {Vec3::Zero()});
  std::vector<std::size_t> order(a.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return a[x].priority > a[y].priority; });
  order.resize(kMaxFireControlThreats);
  std::sort(order.begin(), order.end());
  std::vector<Track> urgent;
  for (std::size_t k : order) urgent.push_back(s.tracks[k]);

  Swarm ref_swarm(n);
  CommandPost ref(kAssets, {Vec3::Zero()}, DoctrineParams{});
  const std::vector<FireOrder> want = ref.decide(ref_swarm.inputs(urgent));
  EXPECT_EQ(ref.last_dropped(), 0);
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t k = 0; k < got.size(); ++k) {
    EXPECT_EQ(got[k].track_id, want[k].track_id) << k;
    EXPECT_EQ(got[k].launcher_index, want[k].launcher_index) << k;
    EXPECT_EQ(got[k].pip_enu, want[k].pip_enu) << k;
    EXPECT_EQ(got[k].expected_pk, want[k].expected_pk) << k;
  }
}

TEST(CommandPostCap, UnderTheCapNothingIsLeftOut) {
  Swarm s(static_cast<int>(kMaxFireControlThreats));
  CommandPost cp(kAssets, {Vec3::Zero()}, DoctrineParams{});
  EXPECT_FALSE(cp.decide(s.inputs(s.tracks)).empty());
  EXPECT_EQ(cp.last_dropped(), 0);
}

TEST(CommandPostCap, EngagementsKeepTheirOrderWhenTracksAreDropped) {
  // The per-track engagement index (an O(1) look-up) must keep the list's order and contents.
  // (Without fire_control_hold_near_lost, which keeps a dropped track's engagement while its round
  // flies: c2_lost_engagement_test.cpp.)
  Swarm s(6);
  DoctrineParams d;
  d.fire_control_hold_near_lost = false;
  CommandPost cp(kAssets, {Vec3::Zero()}, d);
  const std::vector<FireOrder> o = cp.decide(s.inputs(s.tracks));
  ASSERT_FALSE(o.empty());
  std::vector<int> before;
  for (const EngagementState& e : cp.engagements()) before.push_back(e.track_id);
  ASSERT_EQ(before.size(), 6u);   // every eligible track, in evaluation order
  cp.drop_track(before[1]);
  cp.drop_track(before[4]);
  cp.drop_track(12345);   // unknown: nothing happens
  cp.mark_killed(before[5]);
  cp.report_outcome(o[0].track_id, false);
  std::vector<int> after;
  for (const EngagementState& e : cp.engagements()) after.push_back(e.track_id);
  EXPECT_EQ(after, (std::vector<int>{before[0], before[2], before[3], before[5]}));
  for (const EngagementState& e : cp.engagements()) {
    EXPECT_EQ(e.assessed_killed, e.track_id == before[5]);
    if (e.track_id == o[0].track_id) {
      EXPECT_EQ(e.in_flight, 0);
    }
  }
}

}  // namespace
}  // namespace skyshield
