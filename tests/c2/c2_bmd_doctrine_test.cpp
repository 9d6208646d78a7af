// BMD doctrine in the command post (docs/bmd.md): with a discrimination table, ballistic objects
// whose P(warhead) is below rv_threshold get no rounds, objects predicted (with drag) to fall
// outside every footprint get none, and a slowed-down falling object stays ballistic.
#include <gtest/gtest.h>

#include <algorithm>

#include "kinematic_battery.hpp"

#include "c2/command_post.hpp"

namespace skyshield {
namespace {

DiscriminationParams table() {
  DiscriminationParams p;
  p.enabled = true;
  ObjectKind rv{"rv", true, 0.5, {-12.0, 3.0}, {3.5, 1.0}, {1.3e-4, 1e-4}, 0.9, {}};
  ObjectKind decoy{"decoy", false, 0.5, {-12.0, 3.0}, {5.6, 1.0}, {3.3e-3, 1.5e-3}, 0.9, {}};
  p.kinds = {rv, decoy};
  return p;
}

// A ballistic object at 25 km, 20 km north of the base, falling toward it (drag-free impact 2 km
// north of the base, inside its 3 km footprint), with the signature of 30 detections.
Track object(int id, double east_m, double std_db) {
  Track t;
  t.id = id;
  t.status = TrackStatus::Confirmed;
  t.score = 100.0;  // ample evidence (doctrine fire_control_min_score)
  t.classified = ThreatClass::BallisticMissile;
  t.x << east_m, 20e3, 25e3, 0, -800, -1000, 0, 0, 0;
  t.P = Mat9::Identity();
  SignatureBand& b = t.signature.bands[0];
  b.frequency_hz = 10e9;
  b.count = 30;
  b.mean_db = -12.0;
  b.m2 = std_db * std_db * 29.0;
  return t;
}

struct Scene {
  std::vector<InterceptorClass> classes{test::kinematic_medium_range()};
  std::vector<Launcher> launchers = test::launchers_at_base(4);
  std::vector<Track> tracks;
  CommandPost cp;
  explicit Scene(double threshold)
      : cp({{"base", Geodetic{-25.0, 135.0, 0.0}, 10.0, 3000.0}}, {Vec3::Zero()}, [&] {
          DoctrineParams d;
          d.rv_threshold = threshold;
          d.discrimination = table();
          return d;
        }()) {}
  std::vector<int> targets(double t) {
    CommandPostInputs in;
    in.t = t;
    in.tracks = &tracks;
    in.classes = &classes;
    in.launchers = launcher_status(launchers, in.t);
    in.launchers_enu.assign(launchers.size(), Vec3::Zero());
    in.free_target_channels = 10;
    in.free_missile_channels = 20;
    std::vector<int> ids;
    for (const FireOrder& o : cp.decide(in)) ids.push_back(o.track_id);
    std::sort(ids.begin(), ids.end());
    return ids;
  }
};

TEST(BmdDoctrine, RvThresholdLeavesTheDecoyAlone) {
  // Steady (3.5 dB: RV-like) and tumbling (5.6 dB: decoy-like) objects flying together.
  Scene with(0.5), without(0.0);
  for (Scene* s : {&with, &without}) s->tracks = {object(1, 0.0, 3.5), object(2, 500.0, 5.6)};
  EXPECT_EQ(with.targets(0.0), std::vector<int>({1}));
  const auto& d = with.cp.last_discrimination();
  ASSERT_EQ(d.size(), 2u);
  EXPECT_GT(d[0].p_lethal, 0.5);
  EXPECT_LT(d[1].p_lethal, 0.5);
  EXPECT_EQ(without.targets(0.0), std::vector<int>({1, 2}));   // the same table, no threshold: both
}

TEST(BmdDoctrine, ObjectFallingOutsideEveryFootprintGetsNoRound) {
  Scene s(0.0);
  s.tracks = {object(1, 0.0, 3.5), object(2, 12e3, 3.5)};   // the second lands 12 km east
  EXPECT_EQ(s.targets(0.0), std::vector<int>({1}));
  const ThreatAssessment& far = s.cp.last_assessment()[1];
  EXPECT_EQ(far.asset_index, -1);
  // A spread of 3.4 km (velocity sigma 150 m/s at 22.5 s to go) and the 3-sigma margin take it in.
  s.tracks[1].P.block<3, 3>(3, 3) = 150.0 * 150.0 * Mat3::Identity();
  s.targets(1.0);
  EXPECT_EQ(s.cp.last_assessment()[1].asset_index, 0);
  EXPECT_GT(s.cp.last_assessment()[1].impact_sigma_m, 3000.0);
}

TEST(BmdDoctrine, SlowFallingObjectStaysBallistic) {
  Scene s(0.5);
  Track slow = object(3, 0.0, 5.6);     // a light decoy at its terminal speed: 200 m/s, straight down
  slow.classified = ThreatClass::Aircraft;
  slow.x << 0, 1e3, 14e3, 0, -20, -200, 0, 0, 0;
  s.tracks = {slow};
  EXPECT_TRUE(s.targets(0.0).empty());
  ASSERT_EQ(s.cp.last_discrimination().size(), 1u);
  EXPECT_LT(s.cp.last_discrimination()[0].p_lethal, 0.5);
  EXPECT_EQ(s.cp.last_assessment()[0].cls, ThreatClass::BallisticMissile);
}

}  // namespace
}  // namespace skyshield
