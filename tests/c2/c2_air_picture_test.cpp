// Track-to-track correlation of the network picture: tracks of the same objects from different
// battalions share a system track, objects far apart do not, one battalion's tracks never share
// one, numbers are stable, systems opened apart merge when their tracks come together, a member
// that no longer agrees with the others leaves, and tracks above the reporting sigma stay out.
#include <gtest/gtest.h>

#include "c2/air_picture.hpp"
#include "core/rng.hpp"

namespace skyshield {
namespace {

const Vec3 kOrigin(-4.0e6, 4.3e6, -2.4e6);

TEST(AirPicture, CorrelatesTheSameObjectsAcrossBattalions) {
  AirPicture pic;
  Rng rng(3);
  std::vector<NetworkTrack> in;
  for (int obj = 0; obj < 5; ++obj)
    for (int bn = 0; bn < 3; ++bn) {
      Vec3 p = kOrigin + Vec3(20e3 * obj, 0, 0);
      for (int a = 0; a < 3; ++a) p(a) += 200.0 * rng.normal();  // 200 m track errors
      in.push_back({bn, 100 * bn + obj, p, 200.0 * 200.0 * Mat3::Identity()});
    }
  pic.update(in);
  for (int obj = 0; obj < 5; ++obj) {
    const int sys = pic.system_id(0, obj);
    ASSERT_GE(sys, 0);
    EXPECT_EQ(pic.system_id(1, 100 + obj), sys);
    EXPECT_EQ(pic.system_id(2, 200 + obj), sys);
    EXPECT_EQ(pic.members(sys).size(), 3u);
    for (int other = 0; other < obj; ++other) EXPECT_NE(pic.system_id(0, other), sys);
  }
  // Stable numbers: the same picture again keeps every system number.
  const int before = pic.system_id(2, 203);
  pic.update(in);
  EXPECT_EQ(pic.system_id(2, 203), before);
  EXPECT_EQ(pic.system_id(7, 1), -1);
}

TEST(AirPicture, OneBattalionsTracksStaySeparateEvenWhenClose) {
  AirPicture pic;
  pic.update({{0, 1, kOrigin, 1e4 * Mat3::Identity()}, {0, 2, kOrigin + Vec3(100, 0, 0), 1e4 * Mat3::Identity()}});
  EXPECT_NE(pic.system_id(0, 1), pic.system_id(0, 2));
}

TEST(AirPicture, SystemsOpenedApartMergeWhenTheyMeet) {
  AirPicture pic;
  pic.update({{0, 1, kOrigin, 1e4 * Mat3::Identity()}, {1, 9, kOrigin + Vec3(30e3, 0, 0), 1e4 * Mat3::Identity()}});
  ASSERT_NE(pic.system_id(0, 1), pic.system_id(1, 9));
  const int lower = std::min(pic.system_id(0, 1), pic.system_id(1, 9));
  pic.update({{0, 1, kOrigin, 1e4 * Mat3::Identity()}, {1, 9, kOrigin + Vec3(150, 0, 0), 1e4 * Mat3::Identity()}});
  EXPECT_EQ(pic.system_id(0, 1), pic.system_id(1, 9));
  EXPECT_EQ(pic.system_id(0, 1), lower);
  EXPECT_EQ(pic.merges(), (std::vector<std::pair<int, int>>{{lower + 1, lower}}));   // reported for the identity scores
  pic.update({{0, 1, kOrigin, 1e4 * Mat3::Identity()}, {1, 9, kOrigin + Vec3(150, 0, 0), 1e4 * Mat3::Identity()}});
  EXPECT_TRUE(pic.merges().empty());
}

TEST(AirPicture, CorrelationUsesTheFullCovariances) {
  // Two battalions' tracks of elongated error (30 m along x, the range; 800 m across), 2.5 km apart.
  // Along x the difference's variance is 2 (30^2 + 30^2) = 3,600 m^2 (floor sigma 30 m per track):
  // chi2 = 2500^2 / 3,600 = 1,736 > 16.27, two objects. Across, 2 (800^2 + 30^2) = 1,281,800 m^2:
  // chi2 = 4.88, one object. A scalar gate on the traces (variance (trace_a + trace_b) / 3 +
  // 2 x 30^2 = 855,733 m^2 either way, chi2 = 7.3) could not tell the two apart.
  Mat3 P = Mat3::Zero();
  P.diagonal() << 30.0 * 30.0, 800.0 * 800.0, 800.0 * 800.0;
  AirPicture along, across;
  along.update({{0, 1, kOrigin, P}, {1, 1, kOrigin + Vec3(2500.0, 0, 0), P}});
  across.update({{0, 1, kOrigin, P}, {1, 1, kOrigin + Vec3(0, 2500.0, 0), P}});
  EXPECT_NE(along.system_id(0, 1), along.system_id(1, 1));
  EXPECT_EQ(across.system_id(0, 1), across.system_id(1, 1));
}

TEST(AirPicture, ATrackThatNowHoldsAnotherObjectLeavesItsSystem) {
  // Two drones 800 m apart, each held by two battalions with 30 m sigmas. Battalion 1's two track
  // numbers then swap objects (a track that jumped to a neighbour). Each old pair now differs by
  // 800 m against a variance of 2 (30^2 + 30^2) + 2 x 30^2 = 3,600 m^2 per axis: chi2 = 178 > 16.27,
  // so the swapped tracks leave and join the systems of the objects they now hold.
  const Mat3 P = 30.0 * 30.0 * Mat3::Identity();
  const Vec3 x = kOrigin, y = kOrigin + Vec3(800.0, 0, 0);
  AirPicture pic;
  pic.update({{0, 1, x, P}, {0, 2, y, P}, {1, 1, x, P}, {1, 2, y, P}});
  const int sx = pic.system_id(0, 1), sy = pic.system_id(0, 2);
  ASSERT_EQ(pic.system_id(1, 1), sx);
  ASSERT_EQ(pic.system_id(1, 2), sy);
  pic.update({{0, 1, x, P}, {0, 2, y, P}, {1, 1, y, P}, {1, 2, x, P}});
  EXPECT_EQ(pic.system_id(0, 1), sx);   // the first member keeps the number
  EXPECT_EQ(pic.system_id(0, 2), sy);
  EXPECT_EQ(pic.system_id(1, 1), sy);
  EXPECT_EQ(pic.system_id(1, 2), sx);
  for (const SystemTrack& s : pic.system_tracks()) EXPECT_EQ(s.members.size(), 2u);
}

TEST(AirPicture, TheMemberThatDisagreesWithTheOthersLeaves) {
  // Three battalions on one object; the third's track drifts 500 m off (chi2 against each of the
  // others 500^2 / 3,600 = 69 > 16.27, two conflicts) while the first two agree (0 conflicts after
  // it leaves): the third opens a system of its own, the pair keeps the number and its fusion.
  const Mat3 P = 30.0 * 30.0 * Mat3::Identity();
  AirPicture pic;
  pic.update({{0, 1, kOrigin, P}, {1, 1, kOrigin + Vec3(10, 0, 0), P}, {2, 1, kOrigin + Vec3(0, 10, 0), P}});
  const int s = pic.system_id(0, 1);
  ASSERT_EQ(pic.system_id(2, 1), s);
  pic.update({{0, 1, kOrigin, P}, {1, 1, kOrigin + Vec3(10, 0, 0), P}, {2, 1, kOrigin + Vec3(500, 0, 0), P}});
  EXPECT_EQ(pic.system_id(0, 1), s);
  EXPECT_EQ(pic.system_id(1, 1), s);
  EXPECT_NE(pic.system_id(2, 1), s);
  EXPECT_GE(pic.system_id(2, 1), 0);
  EXPECT_EQ(pic.members(s).size(), 2u);
}

TEST(AirPicture, TracksAboveTheReportingSigmaAreLeftOutUnlessEngaged) {
  // report_max_sigma_m = 1,000 m rms per axis: a track of 1,100 m per axis (a coasting track whose
  // covariance grew) is not reported; one of 900 m is, and so is an engaged one of 1,100 m.
  AirPicture pic;
  pic.update({{0, 1, kOrigin, 1100.0 * 1100.0 * Mat3::Identity()},
              {1, 1, kOrigin + Vec3(50e3, 0, 0), 900.0 * 900.0 * Mat3::Identity()},
              {2, 1, kOrigin + Vec3(100e3, 0, 0), 1100.0 * 1100.0 * Mat3::Identity(), true}});
  EXPECT_EQ(pic.system_id(0, 1), -1);
  EXPECT_GE(pic.system_id(1, 1), 0);
  EXPECT_GE(pic.system_id(2, 1), 0);
  ASSERT_EQ(pic.system_tracks().size(), 2u);
  EXPECT_EQ(pic.system_tracks()[0].members, (std::vector<std::pair<int, int>>{{1, 1}}));
}

TEST(AirPicture, SystemTracksFuseTheirMembersByCovarianceIntersection) {
  // Two battalions, one accurate in x and the other in y: the fused estimate is better than either
  // on the trace, lies between them, and a single-member system keeps its member's estimate.
  AirPicture pic;
  const Mat3 px = Vec3(100.0, 1e4, 1e4).asDiagonal(), py = Vec3(1e4, 100.0, 1e4).asDiagonal();
  pic.update({{0, 1, kOrigin, px}, {1, 4, kOrigin + Vec3(200, -200, 0), py}, {1, 5, kOrigin + Vec3(90e3, 0, 0), py}});
  ASSERT_EQ(pic.system_tracks().size(), 2u);
  const SystemTrack& both = pic.system_tracks()[0];
  ASSERT_EQ(both.members.size(), 2u);
  EXPECT_LT(both.pos_cov.trace(), std::min(px.trace(), py.trace()));
  EXPECT_NEAR((both.pos_ecef - kOrigin).x(), 0.0, 20.0);      // x from the x-accurate track
  EXPECT_NEAR((both.pos_ecef - kOrigin).y(), -200.0, 20.0);   // y from the y-accurate one
  const SystemTrack& alone = pic.system_tracks()[1];
  EXPECT_EQ(alone.members, (std::vector<std::pair<int, int>>{{1, 5}}));
  EXPECT_LT((alone.pos_ecef - (kOrigin + Vec3(90e3, 0, 0))).norm(), 1e-6);
}

}  // namespace
}  // namespace skyshield
