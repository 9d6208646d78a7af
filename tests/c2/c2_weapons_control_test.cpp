// Weapons control status (c2/weapons_control.hpp): the engagement logic table (status x identity),
// windows by time and sector, contradicting windows, and the status gating the command post's fire
// decision (refusal weapons_control).
#include <gtest/gtest.h>

#include "c2/command_post.hpp"
#include "c2/weapons_control.hpp"
#include "kinematic_battery.hpp"

namespace skyshield {
namespace {

using W = WeaponsControlStatus;
constexpr Identity kIds[] = {Identity::Unknown, Identity::AssumedFriend, Identity::Friend, Identity::Suspect, Identity::Hostile};

TEST(WeaponsControl, EngagementLogicTable) {
  // Rows: hold, tight, free; columns: unknown, assumed_friend, friend, suspect, hostile
  // (docs/identification.md: hold fires at nothing, tight at hostiles only, free at all but friends).
  const bool table[3][5] = {
      {false, false, false, false, false},
      {false, false, false, false, true},
      {true, false, false, true, true},
  };
  const W statuses[] = {W::Hold, W::Tight, W::Free};
  for (int s = 0; s < 3; ++s)
    for (int i = 0; i < 5; ++i) EXPECT_EQ(may_engage(statuses[s], kIds[i]), table[s][i]) << to_string(statuses[s]) << " " << to_string(kIds[i]);
}

TEST(WeaponsControl, WindowsByTimeAndSector) {
  WeaponsControl wc;
  wc.base = W::Tight;
  wc.windows.push_back({W::Free, 100.0, 200.0, 0.0, 90.0});    // north quadrant, [100, 200) s
  wc.windows.push_back({W::Hold, 150.0, 300.0, 180.0, 60.0});  // south, [150, 300) s
  EXPECT_EQ(status_at(wc, 99.9, 0.0), W::Tight);
  EXPECT_EQ(status_at(wc, 100.0, 0.0), W::Free);   // from included
  EXPECT_EQ(status_at(wc, 100.0, 45.0), W::Free);  // sector edge included
  EXPECT_EQ(status_at(wc, 100.0, 45.1), W::Tight);
  EXPECT_EQ(status_at(wc, 150.0, -45.0), W::Free);
  EXPECT_EQ(status_at(wc, 150.0, 315.0), W::Free); // the same azimuth, the other way round
  EXPECT_EQ(status_at(wc, 200.0, 0.0), W::Tight);  // to excluded
  EXPECT_EQ(status_at(wc, 160.0, 200.0), W::Hold);
  EXPECT_EQ(status_at(wc, 160.0, 211.0), W::Tight);
  EXPECT_EQ(status_at(wc, 300.0, 180.0), W::Tight);
  EXPECT_FALSE(contradicting_windows(wc.windows).has_value());  // overlap in time, not in sector
}

TEST(WeaponsControl, ContradictingWindows) {
  std::vector<WeaponsControlWindow> w{{W::Free, 0.0, 100.0, 0.0, 90.0}, {W::Hold, 50.0, 150.0, 40.0, 20.0}};
  ASSERT_TRUE(contradicting_windows(w).has_value());
  EXPECT_EQ(contradicting_windows(w)->first, 0u);
  EXPECT_EQ(contradicting_windows(w)->second, 1u);
  w[1].status = W::Free;  // the same status: no contradiction
  EXPECT_FALSE(contradicting_windows(w).has_value());
  w[1] = {W::Hold, 100.0, 150.0, 0.0, 90.0};  // touching in time only ([0, 100) and [100, 150))
  EXPECT_FALSE(contradicting_windows(w).has_value());
  w[1] = {W::Hold, 0.0, 100.0, 180.0, 90.0};  // disjoint sectors
  EXPECT_FALSE(contradicting_windows(w).has_value());
  w[1] = {W::Hold, 0.0, 100.0, 90.0, 0.0};    // sectors touching at 45 deg... 90 - 0 = 90 > 45: disjoint
  EXPECT_FALSE(contradicting_windows(w).has_value());
  w[1] = {W::Hold, 0.0, 100.0, 45.0, 0.0};    // a zero-width sector on the other's edge: shares that azimuth
  EXPECT_TRUE(contradicting_windows(w).has_value());
  w[1] = {W::Tight, 20.0, 30.0, 200.0, 360.0};  // all round
  EXPECT_TRUE(contradicting_windows(w).has_value());
}

// A cruise missile 60 km north, inbound; the battalion's status wc; the track's identity id (or none).
std::vector<FireOrder> decide_under(const WeaponsControl& wc, std::optional<Identity> id, double t,
                                    std::vector<RefusedShot>* refusals = nullptr, double bearing_deg = 0.0,
                                    std::optional<double> iff_due_s = std::nullopt) {
  std::vector<InterceptorClass> classes{test::kinematic_medium_range()};
  std::vector<Launcher> launchers = test::launchers_at_base(2);
  std::vector<Track> tracks(1);
  tracks[0].id = 10;
  tracks[0].status = TrackStatus::Confirmed;
  tracks[0].score = 100.0;  // ample evidence (doctrine fire_control_min_score)
  tracks[0].classified = ThreatClass::CruiseMissile;
  const double b = bearing_deg * kDegToRad;
  tracks[0].x << 60e3 * std::sin(b), 60e3 * std::cos(b), 100, -250 * std::sin(b), -250 * std::cos(b), 0, 0, 0, 0;
  tracks[0].t = t;
  tracks[0].P = Mat9::Identity();
  DoctrineParams d;
  d.weapons_control = wc;
  CommandPost cp({{"base", Geodetic{-25.0, 135.0, 0.0}, 10.0, 3000.0}}, {Vec3::Zero()}, d);
  CommandPostInputs in;
  in.t = t;
  in.tracks = &tracks;
  in.classes = &classes;
  in.launchers = launcher_status(launchers, t);
  in.launchers_enu.assign(launchers.size(), Vec3::Zero());
  in.free_target_channels = 10;
  in.free_missile_channels = 10;
  const std::vector<std::pair<int, Identity>> ids = id ? std::vector<std::pair<int, Identity>>{{10, *id}} : std::vector<std::pair<int, Identity>>{};
  in.identities = &ids;
  const std::vector<std::pair<int, double>> pending = iff_due_s ? std::vector<std::pair<int, double>>{{10, *iff_due_s}}
                                                                : std::vector<std::pair<int, double>>{};
  in.iff_pending = &pending;
  std::vector<FireOrder> o = cp.decide(in);
  if (refusals) *refusals = cp.last_refusals();
  return o;
}

TEST(WeaponsControl, GatesTheFireDecision) {
  for (W s : {W::Hold, W::Tight, W::Free})
    for (Identity i : kIds) {
      WeaponsControl wc;
      wc.base = s;
      std::vector<RefusedShot> refusals;
      const bool fired = !decide_under(wc, i, 0.0, &refusals).empty();
      EXPECT_EQ(fired, may_engage(s, i)) << to_string(s) << " " << to_string(i);
      if (!fired) {
        ASSERT_EQ(refusals.size(), 1u);
        EXPECT_EQ(refusals[0].reason, Refusal::WeaponsControl);
        EXPECT_STREQ(to_string(refusals[0].reason), "weapons_control");
        EXPECT_EQ(refusals[0].identity, i);
        EXPECT_EQ(refusals[0].control, s);
      }
    }
  // A track missing from the identities is unknown: free fires, tight does not.
  EXPECT_FALSE(decide_under(WeaponsControl{}, std::nullopt, 0.0).empty());
  WeaponsControl tight;
  tight.base = W::Tight;
  EXPECT_TRUE(decide_under(tight, std::nullopt, 0.0).empty());
}

TEST(WeaponsControl, WindowGatesByTimeAndSector) {
  WeaponsControl wc;  // free, but hold in the north quadrant for the first 100 s
  wc.windows.push_back({W::Hold, 0.0, 100.0, 0.0, 90.0});
  EXPECT_TRUE(decide_under(wc, Identity::Hostile, 10.0).empty());
  EXPECT_FALSE(decide_under(wc, Identity::Hostile, 100.0).empty());
  EXPECT_FALSE(decide_under(wc, Identity::Hostile, 10.0, nullptr, 90.0).empty());  // from the east: outside the window
}

// Weapons free and an unknown track whose IFF answer is pending (iff_wait). The cruise missile is
// 60 km out at 250 m/s (240 s from the base): a launch 4 s later is still feasible, one 1,000 s later
// is not (it would come after the threat's arrival).
TEST(WeaponsControl, FreeWaitsForThePendingIffAnswer) {
  WeaponsControl wc;  // free
  std::vector<RefusedShot> refusals;
  wc.iff_wait = IffWait::Never;
  EXPECT_FALSE(decide_under(wc, Identity::Unknown, 0.0, nullptr, 0.0, 4.0).empty());
  wc.iff_wait = IffWait::WhileFeasible;
  EXPECT_TRUE(decide_under(wc, Identity::Unknown, 0.0, &refusals, 0.0, 4.0).empty());
  EXPECT_TRUE(refusals.empty());  // held, not refused: the shot stays possible
  EXPECT_FALSE(decide_under(wc, Identity::Unknown, 0.0, nullptr, 0.0, 1000.0).empty());  // waiting would lose it
  EXPECT_FALSE(decide_under(wc, Identity::Unknown, 0.0).empty());                        // answer settled: no reply
  EXPECT_FALSE(decide_under(wc, Identity::Hostile, 0.0, nullptr, 0.0, 4.0).empty());     // identified: no wait
  wc.iff_wait = IffWait::Always;
  EXPECT_TRUE(decide_under(wc, Identity::Unknown, 0.0, &refusals, 0.0, 1000.0).empty());
  ASSERT_EQ(refusals.size(), 1u);
  EXPECT_EQ(refusals[0].reason, Refusal::AwaitingIff);
  EXPECT_STREQ(to_string(refusals[0].reason), "awaiting_iff");
  EXPECT_DOUBLE_EQ(refusals[0].needed_s, 1000.0);
  // Tight is untouched by the wait: an unknown is withheld as before (weapons_control).
  wc.base = W::Tight;
  EXPECT_TRUE(decide_under(wc, Identity::Unknown, 0.0, &refusals, 0.0, 4.0).empty());
  ASSERT_EQ(refusals.size(), 1u);
  EXPECT_EQ(refusals[0].reason, Refusal::WeaponsControl);
}

// Identifier::iff_pending_s: the seconds until min_no_reply silent interrogations, or a reply.
TEST(WeaponsControl, IffPendingTime) {
  IdentificationParams p;
  p.enabled = true;
  p.min_no_reply = 3;
  Identifier id(&p);
  EXPECT_DOUBLE_EQ(id.iff_pending_s(7, 0.0, 4.0), 8.0);   // none yet: now, +4, +8
  id.interrogated(7, false, 4.0);
  EXPECT_DOUBLE_EQ(id.iff_pending_s(7, 1.0, 4.0), 7.0);   // next at 4 (3 s), then +4
  id.interrogated(7, false, 8.0);
  EXPECT_DOUBLE_EQ(id.iff_pending_s(7, 8.5, 4.0), 0.0);   // overdue: at once
  id.interrogated(7, false, 12.0);
  EXPECT_DOUBLE_EQ(id.iff_pending_s(7, 9.0, 4.0), -1.0);  // three silences: settled (no_reply)
  id.interrogated(8, true, 4.0);
  EXPECT_DOUBLE_EQ(id.iff_pending_s(8, 1.0, 4.0), -1.0);  // a reply: settled (friend)
}

}  // namespace
}  // namespace skyshield
