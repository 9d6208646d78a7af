// The seeker's acquisition gate (weapons/seeker_lock.hpp, SeekerGate; docs/bmd.md "Correction
// (session 6)"): an MRBM re-entry vehicle at the uplinked position and its stage 2.3 km away, seen
// by an active seeker 8 km off. References are hand computed from the class's acquisition law
// R_acq = R_ref (sigma / sigma_ref)^(1/4) (Skolnik ch. 2, weapons/seeker.hpp): with R_ref = 10 km
// against 1 m^2, the 1 m^2 stage is acquirable out to 10 km, the 0.05 m^2 RV to 10 x 0.05^0.25 = 4.73 km.
#include <gtest/gtest.h>

#include <span>
#include <vector>

#include "core/rng.hpp"
#include "weapons/interceptor_class.hpp"
#include "weapons/seeker_lock.hpp"

namespace skyshield {
namespace {

InterceptorClass active_class() {
  InterceptorClass c;
  c.seeker_type = SeekerType::ActiveRadar;
  c.seeker_range_m = 10e3;
  c.seeker_reference_rcs_m2 = 1.0;
  c.seeker_basket_m = 5e3;
  c.seeker_tau_s = 0.05;
  return c;
}

struct Scene {
  std::vector<TruthView> objects;
  Vec3 missile = Vec3::Zero(), vel = Vec3(1500.0, 0.0, 0.0);
  Vec3 rv = Vec3(8000.0, 0.0, 0.0), stage = Vec3(8000.0, 2300.0, 0.0);  // 2.3 km across the line of sight
  Scene() {
    TruthView a;
    a.id = 4;
    a.pos_ecef = Vec3(6378137.0, 0.0, 0.0) + rv;
    a.rcs = RcsPattern::isotropic(0.05);
    TruthView b;
    b.id = 5;
    b.pos_ecef = Vec3(6378137.0, 0.0, 0.0) + stage;
    b.rcs = RcsPattern::isotropic(1.0);
    objects = {a, b};
    missile = Vec3(6378137.0, 0.0, 0.0);
  }
  Vec3 reference() const { return objects[0].pos_ecef; }  // the uplinked track sits on the RV
};

TEST(SeekerGate, TheFixedBasketTakesTheStageTheTrackGateWaitsForTheWarhead) {
  const InterceptorClass c = active_class();
  Scene s;
  // The stage (8.3 km away, inside its 10 km) is acquirable, the RV (8 km, beyond its 4.73 km) is not.
  {
    SeekerLock lock(&c, Rng(1));
    const TruthView* got = lock.update(0.0, s.reference(), nullptr, s.objects, s.missile, s.vel, s.missile, SeekerGate{5e3, false});
    ASSERT_NE(got, nullptr);
    EXPECT_EQ(got->id, 5);  // the fixed 5 km basket holds the stage: the echo that misleads the round
  }
  {
    SeekerLock lock(&c, Rng(1));
    EXPECT_EQ(lock.update(0.0, s.reference(), nullptr, s.objects, s.missile, s.vel, s.missile, SeekerGate{300.0, false}), nullptr);
    // Closer, at 4 km from the RV (inside its 4.73 km): the gate takes the RV.
    const Vec3 near = s.objects[0].pos_ecef - Vec3(4000.0, 0.0, 0.0);
    const TruthView* got = lock.update(0.1, s.reference(), nullptr, s.objects, near, s.vel, near, SeekerGate{300.0, false});
    ASSERT_NE(got, nullptr);
    EXPECT_EQ(got->id, 4);
  }
}

TEST(SeekerGate, ARadarGatedRoundDropsAnEchoThatLeavesTheTrackGate) {
  const InterceptorClass c = active_class();
  Scene s;
  SeekerLock lock(&c, Rng(1));
  ASSERT_EQ(lock.update(0.0, s.reference(), nullptr, s.objects, s.missile, s.vel, s.missile, SeekerGate{5e3, false})->id, 5);
  // Without hold the lock is kept whatever the gate; with hold it is dropped (the stage is 2.3 km from
  // the track), and nothing inside 300 m is acquirable yet.
  EXPECT_EQ(lock.update(0.1, s.reference(), nullptr, s.objects, s.missile, s.vel, s.missile, SeekerGate{300.0, false})->id, 5);
  EXPECT_EQ(lock.update(0.2, s.reference(), nullptr, s.objects, s.missile, s.vel, s.missile, SeekerGate{300.0, true}), nullptr);
  EXPECT_EQ(lock.lock_id(), -1);
}

}  // namespace
}  // namespace skyshield
