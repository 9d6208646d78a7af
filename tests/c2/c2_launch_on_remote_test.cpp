// launch_on_remote's network logic (c2/network/remote_track.hpp): which system tracks a battalion may
// fire on before its own radars hold them, and which of its tracks are engaged under another number.
// References are hand-built air pictures: each expected set is read off the picture by hand.
#include <gtest/gtest.h>

#include <algorithm>

#include "c2/network/deconfliction.hpp"
#include "c2/network/remote_track.hpp"

namespace skyshield {
namespace {

const Geodetic kBase{-25.0, 135.0, 100.0};

BattalionStatus unit(int index, bool fire_control) {
  BattalionStatus s;
  s.index = index;
  s.frame = LocalFrame(kBase);
  s.fire_control_up = fire_control;
  return s;
}

// Two objects 100 km apart: A held by battalions 0 and 1, B by battalion 0 only.
AirPicture two_objects() {
  const Vec3 a = ecef_from_geodetic(Geodetic{-24.5, 135.0, 7000.0});
  const Vec3 b = ecef_from_geodetic(Geodetic{-24.5, 136.0, 7000.0});
  AirPicture pic;
  pic.update({{0, 1, a, 1e4 * Mat3::Identity()}, {0, 2, b, 1e4 * Mat3::Identity()}, {1, 5, a, 1e4 * Mat3::Identity()}});
  return pic;
}

TEST(LaunchOnRemote, RemoteNumbersNameSystemTracksAboveAnyTrackerNumber) {
  EXPECT_TRUE(is_remote_track_id(remote_track_id(1)));
  EXPECT_FALSE(is_remote_track_id(12345));
  EXPECT_EQ(system_of_remote_track(remote_track_id(42)), 42);
  const AirPicture pic = two_objects();
  EXPECT_EQ(system_of(pic, 1, 5), pic.system_id(0, 1));             // its own number
  EXPECT_EQ(system_of(pic, 1, remote_track_id(pic.system_id(0, 2))), pic.system_id(0, 2));  // a remote number
}

TEST(LaunchOnRemote, OnlySystemTracksNoneOfItsRadarsHoldsWithAGuide) {
  const AirPicture pic = two_objects();
  const std::vector<BattalionStatus> all{unit(0, true), unit(1, true)};
  // Battalion 1 holds A itself: only B, guided by battalion 0's track 2.
  const auto l = launchable_remote(pic, all, 1);
  ASSERT_EQ(l.size(), 1u);
  EXPECT_EQ(l[0].first, pic.system_id(0, 2));
  EXPECT_EQ(l[0].second.battalion, 0);
  EXPECT_EQ(l[0].second.track_id, 2);
  // Battalion 0 holds both: nothing to launch on remotely.
  EXPECT_TRUE(launchable_remote(pic, all, 0).empty());
  // The guide without fire control cannot guide.
  EXPECT_TRUE(launchable_remote(pic, {unit(0, false), unit(1, true)}, 1).empty());
}

TEST(LaunchOnRemote, TracksEngagedUnderAnotherNumberAreHeldBack) {
  const AirPicture pic = two_objects();
  const int sys_a = pic.system_id(0, 1), sys_b = pic.system_id(0, 2);
  // Battalion 1 engages A under its remote number (launched before its radar held A): its own track 5
  // of A is held back. Battalion 0 engages B: battalion 1's remote number of B is held back.
  const std::vector<std::pair<int, int>> engaged{{1, remote_track_id(sys_a)}, {0, 2}};
  const std::vector<int> remote_ids{remote_track_id(sys_b)};
  const std::vector<int> out = engaged_under_other_number(1, pic, engaged, remote_ids);
  std::vector<int> expected{5, remote_track_id(sys_b)};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(out, expected);
  // Nobody engages anything: nothing held back.
  EXPECT_TRUE(engaged_under_other_number(1, pic, {}, remote_ids).empty());
}

TEST(LaunchOnRemote, DeconflictionSeesAnEngagementUnderARemoteNumber) {
  // Battalion 1 engages B under its remote number: battalion 0, which holds B as track 2, holds fire.
  const AirPicture pic = two_objects();
  const std::vector<Engagement> e{{1, remote_track_id(pic.system_id(0, 2)), std::nullopt, std::nullopt, 0.0}};
  EXPECT_EQ(engaged_elsewhere(0, {}, pic, e, 0.0), std::vector<int>{2});
}

}  // namespace
}  // namespace skyshield

namespace skyshield {
namespace {

// The fallback rule: object B (battalion 0's only, ~100 km from the base at 7 km altitude; distance
// computed below from the picture) may be launched on remotely only when battalion 0, its holder
// with fire control, has no round left in a launcher whose class reaches it.
TEST(LaunchOnRemote, FallbackOnlyWhenNoHolderCanEngage) {
  const AirPicture pic = two_objects();
  const int sys_b = pic.system_id(0, 2);
  const auto& systems = pic.system_tracks();
  const auto b = std::find_if(systems.begin(), systems.end(), [&](const SystemTrack& s) { return s.id == sys_b; });
  ASSERT_NE(b, systems.end());
  const double range = (b->pos_ecef - LocalFrame(kBase).origin_ecef()).norm();
  ASSERT_GT(range, 90e3);
  ASSERT_LT(range, 120e3);
  std::vector<InterceptorClass> classes(2);
  classes[0].max_range_m = 40e3;    // short: cannot reach B
  classes[1].max_range_m = 250e3;   // long: reaches it
  std::vector<BattalionStatus> all{unit(0, true), unit(1, true)};
  all[0].launchers = {{0, 4, true, 5.0}, {1, 0, false, 5.0}};   // long-range launcher empty
  EXPECT_FALSE(holders_can_engage(pic, all, sys_b, classes));
  all[0].launchers[1].rounds_left = 2;                          // a long-range round left (even reloading)
  EXPECT_TRUE(holders_can_engage(pic, all, sys_b, classes));
  all[0].fire_control_up = false;                               // the holder cannot guide: not a holder that can engage
  EXPECT_FALSE(holders_can_engage(pic, all, sys_b, classes));
  EXPECT_FALSE(holders_can_engage(pic, all, 987654, classes));  // unknown system track
}

}  // namespace
}  // namespace skyshield
