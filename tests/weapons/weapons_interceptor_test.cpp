// The interceptor as a whole: PN flyout against a straight-flying target with a perfect uplink hits
// inside the lethal radius (Zarchan: zero-lag PN against a non-manoeuvring target has zero miss);
// the kill roll follows the warhead Pk; an unreachable target ends in self-destruction.
#include <gtest/gtest.h>

#include "notional_missile.hpp"

#include "core/geo.hpp"
#include "core/units.hpp"

#include <algorithm>
#include "weapons/interceptor.hpp"

namespace skyshield {
namespace {

const LocalFrame kFrame(Geodetic{-25.0, 135.0, 0.0});

InterceptorClass long_range() {
  InterceptorClass c = test::notional_missile();
  c.nav_constant = 4.0;
  c.lethal_radius_m = 20.0;
  c.pk_in_lethal_radius.fill(1.0);
  return c;
}

struct Flight {
  InterceptorOutcome outcome;
  int steps = 0;
};

Flight fly(const InterceptorClass& cls, double pk, const Vec3& target0_enu, const Vec3& target_vel_enu, std::uint64_t seed) {
  InterceptorClass c = cls;
  c.pk_in_lethal_radius.fill(pk);  // the same warhead Pk against every class
  TruthView tv;
  tv.id = 42;
  const Vec3 launcher = Vec3(0, 0, 5);
  // Aim at the collision point of a constant-speed flyout (a rough PIP: 30 s of target motion).
  const Vec3 aim = target0_enu + target_vel_enu * 30.0;
  Interceptor m(1, &c, 7, 0.0, kFrame.to_ecef(launcher), kFrame.to_ecef(aim), Rng(seed));
  Flight f;
  const double dt = 0.05;
  for (int k = 0; k < 4000 && m.flying(); ++k) {
    const double t = k * dt;
    tv.pos_ecef = kFrame.to_ecef(target0_enu + target_vel_enu * t);
    tv.vel_ecef = kFrame.vector_to_ecef(target_vel_enu);
    const std::vector<TruthView> targets{tv};
    m.step(t, dt, Uplink{tv.pos_ecef, tv.vel_ecef}, targets);
    ++f.steps;
  }
  f.outcome = m.outcome();
  return f;
}

TEST(Interceptor, HitsAStraightFlyingTargetInsideTheLethalRadius) {
  const InterceptorClass c = long_range();
  const Flight f = fly(c, 1.0, Vec3(15e3, 40e3, 8000.0), Vec3(-150.0, -200.0, 0.0), 1);
  ASSERT_EQ(f.outcome.state, InterceptorState::Killed) << "t " << f.outcome.t << " miss " << f.outcome.miss_distance_m;
  EXPECT_EQ(f.outcome.truth_id, 42);
  EXPECT_LE(f.outcome.miss_distance_m, c.lethal_radius_m);
}

TEST(Interceptor, RecordsTheClosestApproachNotTheEntryIntoTheLethalRadius) {
  // A perfect seeker (no noise) against a straight-flying target: zero-lag PN leaves a miss of
  // millimetres to decimetres (Zarchan ch. 2: zero miss for a non-manoeuvring target, here only the
  // autopilot lag and the discrete steps). Judging at the sub-step where the 20 m lethal radius is
  // entered (closing ~1.5 km/s: ~37 m per 25 ms sub-step) recorded metres instead (issue 26 #3).
  const InterceptorClass c = long_range();
  for (std::uint64_t seed = 20; seed < 26; ++seed) {
    const double s = static_cast<double>(seed - 20);
    const Flight f = fly(c, 1.0, Vec3(15e3 + 1e3 * s, 40e3, 6000.0 + 500.0 * s), Vec3(-150.0, -200.0 - 20.0 * s, 0.0), seed);
    ASSERT_EQ(f.outcome.state, InterceptorState::Killed) << "seed " << seed;
    EXPECT_LT(f.outcome.miss_distance_m, 0.5) << "seed " << seed;
  }
}

TEST(Interceptor, KillRollFollowsWarheadPk) {
  const InterceptorClass c = long_range();
  EXPECT_EQ(fly(c, 0.0, Vec3(15e3, 40e3, 8000.0), Vec3(-150.0, -200.0, 0.0), 2).outcome.state, InterceptorState::Missed);
  int kills = 0;
  const int n = 200;
  for (int i = 0; i < n; ++i)
    kills += fly(c, 0.7, Vec3(10e3, 20e3, 3000.0), Vec3(-100.0, -100.0, 0.0), 100 + i).outcome.state == InterceptorState::Killed;
  // Binomial(200, 0.7): sd = 6.5.
  EXPECT_NEAR(kills, 140, 4 * 6.5);
}

TEST(Interceptor, SelfDestructsWhenTheTargetRunsAway) {
  InterceptorClass c = long_range();
  c.max_flight_time_s = 30.0;
  const Flight f = fly(c, 1.0, Vec3(0.0, 150e3, 10000.0), Vec3(0.0, 300.0, 0.0), 3);
  EXPECT_EQ(f.outcome.state, InterceptorState::SelfDestructed);
  EXPECT_NEAR(f.outcome.t, 30.0, 0.1);
}

TEST(Interceptor, SelfDestructsAfterThreeSecondsBlind) {
  // No uplink (the battalion lost its track) and nothing in seeker range: the missile flies blind
  // and destroys itself after 3 s (interceptor.cpp kLostGuidanceS).
  const InterceptorClass c = long_range();
  Interceptor m(1, &c, 7, 0.0, kFrame.to_ecef(Vec3(0, 0, 5)), kFrame.to_ecef(Vec3(0, 80e3, 8000)), Rng(4));
  const std::vector<TruthView> none;
  int k = 0;
  for (; k < 400 && m.flying(); ++k) m.step(k * 0.05, 0.05, std::nullopt, none);
  EXPECT_EQ(m.outcome().state, InterceptorState::SelfDestructed);
  EXPECT_NEAR(m.outcome().t, 3.0, 0.051);
}

TEST(Interceptor, CommandDestructEndsTheFlightAtOnceAndOnlyOnce) {
  // The engine destroys a missile whose track was identified friend after the launch: the flight ends
  // at the commanded time with the given reason; a second command, or a later step, changes nothing.
  const InterceptorClass c = long_range();
  Interceptor m(1, &c, 7, 0.0, kFrame.to_ecef(Vec3(0, 0, 5)), kFrame.to_ecef(Vec3(0, 80e3, 8000)), Rng(4));
  const std::vector<TruthView> none;
  const Uplink up(kFrame.to_ecef(Vec3(0, 80e3, 8000)), Vec3::Zero());
  for (int k = 0; k < 20; ++k) m.step(k * 0.05, 0.05, up, none);
  ASSERT_TRUE(m.flying());
  m.command_destruct(1.0, "identified_friend");
  EXPECT_EQ(m.outcome().state, InterceptorState::SelfDestructed);
  EXPECT_DOUBLE_EQ(m.outcome().t, 1.0);
  EXPECT_STREQ(m.outcome().reason, "identified_friend");
  m.command_destruct(2.0, "other");
  m.step(2.0, 0.05, up, none);
  EXPECT_DOUBLE_EQ(m.outcome().t, 1.0);
  EXPECT_STREQ(m.outcome().reason, "identified_friend");
}

// Locked on, then the battalion loses its track: an active radar seeker homes on alone and hits; a
// track-via-missile (or semi-active) one needs the radar and destroys itself 3 s later.
InterceptorOutcome fly_losing_the_uplink_at_lock(SeekerType seeker) {
  InterceptorClass c = long_range();
  c.seeker_type = seeker;
  const Vec3 t0(0.0, 30e3, 6000.0), v(0.0, -200.0, 0.0);
  Interceptor m(1, &c, 7, 0.0, kFrame.to_ecef(Vec3(0, 0, 5)), kFrame.to_ecef(t0 + v * 20.0), Rng(6));
  TruthView tv;
  tv.id = 3;
  tv.vel_ecef = kFrame.vector_to_ecef(v);
  for (int k = 0; k < 4000 && m.flying(); ++k) {
    const double t = k * 0.05;
    tv.pos_ecef = kFrame.to_ecef(t0 + v * t);
    const std::vector<TruthView> targets{tv};
    const std::optional<Uplink> up = m.seeker_lock() >= 0 ? std::nullopt : std::optional<Uplink>(Uplink{tv.pos_ecef, tv.vel_ecef});
    m.step(t, 0.05, up, targets);
  }
  return m.outcome();
}

TEST(Interceptor, OnlyAnActiveSeekerHomesWithoutTheRadar) {
  EXPECT_EQ(fly_losing_the_uplink_at_lock(SeekerType::ActiveRadar).state, InterceptorState::Killed);
  for (SeekerType s : {SeekerType::TrackViaMissile, SeekerType::SemiActive})
    EXPECT_EQ(fly_losing_the_uplink_at_lock(s).state, InterceptorState::SelfDestructed);
}

TEST(Interceptor, ReacquiresWhenItsTargetIsKilledByAnother) {
  // Two targets 1 km apart; the seeker locks one; it disappears (killed by another interceptor):
  // the missile searches again and homes on the other instead of giving up.
  const InterceptorClass c = long_range();
  const Vec3 t1(0, 20e3, 3000), t2(1000, 20e3, 3000), v(0, -150, 0);
  Interceptor m(1, &c, 7, 0.0, kFrame.to_ecef(Vec3(0, 0, 5)), kFrame.to_ecef(t1 + v * 15.0), Rng(5));
  int first_lock = -1;
  for (int k = 0; k < 4000 && m.flying(); ++k) {
    const double t = k * 0.05;
    std::vector<TruthView> views;
    for (int id : {1, 2}) {
      if (id == first_lock) continue;  // the first locked target is killed the moment it is locked
      TruthView tv;
      tv.id = id;
      tv.pos_ecef = kFrame.to_ecef((id == 1 ? t1 : t2) + v * t);
      tv.vel_ecef = kFrame.vector_to_ecef(v);
      views.push_back(tv);
    }
    const Vec3 up = kFrame.to_ecef(t1 + v * t);
    m.step(t, 0.05, Uplink{up, kFrame.vector_to_ecef(v)}, views);
    if (first_lock < 0 && m.seeker_lock() >= 0) first_lock = m.seeker_lock();
  }
  ASSERT_GE(first_lock, 0);
  EXPECT_EQ(m.outcome().state, InterceptorState::Killed);
  EXPECT_NE(m.outcome().truth_id, first_lock);
}

}  // namespace
}  // namespace skyshield

namespace skyshield {
namespace {

TEST(Interceptor, NoTunnellingAt3000MpsClosingAtTheEngineStep) {
  // Head-on: the interceptor (about 1.5 km/s after burnout) meets a target flying straight at it at
  // 1.5 km/s: 150 m of closure per 0.05 s engine step, ten times the lethal radius. The fuze must
  // still find the passage inside the step (closest approach between sub-steps).
  InterceptorClass c = long_range();
  c.lethal_radius_m = 15.0;
  const Flight f = fly(c, 1.0, Vec3(0.0, 60e3, 12000.0), Vec3(0.0, -1500.0, 0.0), 9);
  ASSERT_EQ(f.outcome.state, InterceptorState::Killed) << "miss " << f.outcome.miss_distance_m;
  EXPECT_LE(f.outcome.miss_distance_m, c.lethal_radius_m);
}

}  // namespace
}  // namespace skyshield

namespace skyshield {
namespace {

// Issue 26 #2: the ground check was min(0, launch altitude - 1): over a 150 m plain interceptors
// flew down to 125 m, one to -1.5 m. An uplinked track 50 m under a 150 m plain (a bad estimate of a
// low target) with nothing to fuze on: the missile must stay above the terrain model's ground -
// guidance holds the class's clearance above it - instead of following the point underground.
TEST(Interceptor, StaysAboveTheTerrainWhenTheTrackIsUnderground) {
  InterceptorClass c = long_range();
  c.ground_clearance_m = 3.0;
  TerrainParams flat;
  flat.base_m = 150.0;
  const Terrain plain(flat);
  const Vec3 point(0.0, 12e3, 100.0), v(0.0, -50.0, 0.0);  // ENU, frame origin at the ellipsoid
  Interceptor m(1, &c, 7, 0.0, kFrame.to_ecef(Vec3(0, 0, 150.0)), kFrame.to_ecef(point), Rng(8));
  m.set_terrain(&plain);
  const std::vector<TruthView> none;
  double lowest = 1e9;
  int k = 0;
  for (; k < 2400 && m.flying(); ++k) {
    const double t = k * 0.05;
    m.step(t, 0.05, Uplink{kFrame.to_ecef(point + v * t), kFrame.vector_to_ecef(v)}, none);
    if (t > 5.0) lowest = std::min(lowest, geodetic_from_ecef(m.pos()).alt_m);
  }
  EXPECT_NE(m.outcome().state, InterceptorState::GroundImpact) << "t " << m.outcome().t;
  EXPECT_GE(lowest, 150.0) << "flew below the plain";
  EXPECT_GT(k, 200);  // it flew past the point (not a launch failure)
}

}  // namespace
}  // namespace skyshield

namespace skyshield {
namespace {

// A wide pass is a miss, reported at its closest approach (issue 28 end-game diagnosis): a missile
// that can hardly turn (0.02 g) flies past a crossing target ~hundreds of metres away. The reference
// is brute force: the smallest missile-target distance over the flight, sampled every 1 ms (at a
// relative speed under 1.5 km/s the sampled minimum of a pass wider than 100 m is within 0.01 m of
// the true one: (v dt)^2 / (8 d)). The old code flew on once the target fell beyond the seeker's
// look angle and, outside the fuze's pass window (20 lethal radii), flew on blind until it
// self-destructed: 62 of 137 rounds at warheads in scenarios/bmd.yaml were such passes.
TEST(Interceptor, AWidePassIsAMissAtTheClosestApproach) {
  InterceptorClass c = test::notional_missile();
  c.vertical_launch = false;          // hot launch straight at the aim point
  c.airframe.max_lateral_g = 0.02;    // it can hardly steer: the pass stays wide
  c.lethal_radius_m = 10.0;
  c.seeker_gimbal_rad = 60.0 * kDegToRad;
  c.pk_in_lethal_radius.fill(1.0);
  TruthView tv;
  tv.id = 42;
  tv.rcs = RcsPattern::isotropic(1.0);
  const Vec3 launcher(0, 0, 5), t0(3e3, 8e3, 5000.0), v(-200.0, 0.0, 0.0);
  // Aimed 600 m above where the target will be after ~5 s of flight.
  Interceptor m(1, &c, 7, 0.0, kFrame.to_ecef(launcher), kFrame.to_ecef(t0 + v * 5.0 + Vec3(0, 0, 600.0)), Rng(3));
  const double dt = 0.001;
  double closest = 1e300;
  int k = 0;
  for (; k < 60000 && m.flying(); ++k) {
    const double t = k * dt;
    tv.pos_ecef = kFrame.to_ecef(t0 + v * t);
    tv.vel_ecef = kFrame.vector_to_ecef(v);
    const std::vector<TruthView> targets{tv};
    m.step(t, dt, Uplink{tv.pos_ecef, tv.vel_ecef}, targets);
    closest = std::min(closest, (tv.pos_ecef + tv.vel_ecef * dt - m.pos()).norm());
  }
  ASSERT_GT(closest, 20.0 * c.lethal_radius_m + 100.0) << "the geometry must give a pass outside the fuze's pass window";
  ASSERT_EQ(m.outcome().state, InterceptorState::Missed) << "state " << static_cast<int>(m.outcome().state) << " at " << m.outcome().t << " s";
  EXPECT_EQ(m.outcome().truth_id, 42);
  EXPECT_NEAR(m.outcome().miss_distance_m, closest, 1.0);
  EXPECT_STREQ(m.outcome().reason, "passed");
}

}  // namespace
}  // namespace skyshield
