// Kinematic and break-up evidence of kill assessment (c2/kill_assessment.hpp, issue 26 part 7) on
// constructed tracks. Reference for the manoeuvre allowance: a target that pulls a constant a
// across its path for dt drifts a dt^2 / 2 from its unaccelerated prediction (kinematics); with 10 m
// position sigmas per axis the estimates' spread is 4 x sqrt(2 x 3 x 100) = 98 m.
#include <gtest/gtest.h>

#include "c2/kill_assessment.hpp"
#include "core/units.hpp"

namespace skyshield {
namespace {

// A track at time t at p with velocity v, 10 m / 1 m/s / 0 m/s^2 sigmas per axis.
Track track(int id, double t, const Vec3& p, const Vec3& v, ThreatClass cls, double first_t = 0.0) {
  Track tr;
  tr.id = id;
  tr.status = TrackStatus::Confirmed;
  tr.t = t;
  tr.first_t = first_t;
  tr.last_update_t = t;
  tr.hits = 20;
  tr.x = Vec9::Zero();
  tr.x.segment<3>(0) = p;
  tr.x.segment<3>(3) = v;
  tr.P = Mat9::Zero();
  tr.P.block<3, 3>(0, 0) = 100.0 * Mat3::Identity();
  tr.P.block<3, 3>(3, 3) = 1e-12 * Mat3::Identity();
  tr.classified = cls;
  return tr;
}

const Vec3 kP0(0.0, 0.0, 1000.0), kV(200.0, 0.0, 0.0);
// The pre-intercept estimate at 100 s; the intercept at 100 s; the assessment 3 s later, when the
// target on its path is at kP0 + 3 kV.
Vec3 on_path() { return kP0 + 3.0 * kV; }

TEST(KillEvidence, ATrackStillUpdatedButOffThePreInterceptMotionIsAKinematicChange) {
  // Cruise missile: 3 g allowance, 0.5 x 3 x 9.80665 x 3^2 = 132 m, plus the 98 m spread: 230 m.
  const Track before = track(7, 100.0, kP0, kV, ThreatClass::CruiseMissile);
  auto evidence = [&](double offset_m) {
    const std::vector<Track> now{track(7, 103.0, on_path() + Vec3(0.0, offset_m, 0.0), kV, ThreatClass::CruiseMissile)};
    return observe_engaged_track(now, 7, 100.0, before);
  };
  EXPECT_EQ(evidence(0.0), KillEvidence::StillDetected);
  EXPECT_EQ(evidence(200.0), KillEvidence::StillDetected);
  EXPECT_EQ(evidence(260.0), KillEvidence::KinematicChange);   // a neighbour 260 m off the path
  EXPECT_EQ(evidence(2000.0), KillEvidence::KinematicChange);
  EXPECT_TRUE(assess_kill(KillEvidence::KinematicChange, {}, 0.5).killed);
}

TEST(KillEvidence, TheManoeuvreAllowanceFollowsTheClassifiedClass) {
  // 300 m off after 3 s: within an aircraft's 9 g (397 m + 98 m), beyond a drone's 2 g (88 m + 98 m).
  for (const auto& [cls, expected] : {std::pair{ThreatClass::Aircraft, KillEvidence::StillDetected},
                                      std::pair{ThreatClass::Drone, KillEvidence::KinematicChange}}) {
    const Track before = track(7, 100.0, kP0, kV, cls);
    const std::vector<Track> now{track(7, 103.0, on_path() + Vec3(0.0, 0.0, 300.0), kV, cls)};
    EXPECT_EQ(observe_engaged_track(now, 7, 100.0, before), expected) << to_string(cls);
  }
}

TEST(KillEvidence, TwoNewTracksAtThePredictedPositionAreABreakUp) {
  const Track before = track(7, 100.0, kP0, kV, ThreatClass::BallisticMissile);
  const Track coasting = [&] {
    Track c = track(7, 103.0, on_path(), kV, ThreatClass::BallisticMissile);
    c.last_update_t = 99.5;  // nothing associated since the intercept
    return c;
  }();
  const Track piece1 = track(11, 103.0, on_path() + Vec3(150.0, 80.0, -60.0), kV, ThreatClass::BallisticMissile, 101.0);
  const Track piece2 = track(12, 103.0, on_path() + Vec3(-120.0, -40.0, -200.0), kV, ThreatClass::BallisticMissile, 101.5);
  const Track far = track(13, 103.0, on_path() + Vec3(5e3, 0.0, 0.0), kV, ThreatClass::BallisticMissile, 101.5);
  const Track older = track(14, 103.0, on_path() + Vec3(100.0, 0.0, 0.0), kV, ThreatClass::BallisticMissile, 90.0);
  EXPECT_EQ(observe_engaged_track({coasting, piece1, piece2}, 7, 100.0, before), KillEvidence::BreakUp);
  EXPECT_EQ(observe_engaged_track({piece1, piece2}, 7, 100.0, before), KillEvidence::BreakUp);  // engaged track deleted
  // One new track, tracks born far away or before the intercept: no break-up, the track's own evidence.
  EXPECT_EQ(observe_engaged_track({coasting, piece1}, 7, 100.0, before), KillEvidence::TrackCoasting);
  EXPECT_EQ(observe_engaged_track({coasting, piece1, far}, 7, 100.0, before), KillEvidence::TrackCoasting);
  EXPECT_EQ(observe_engaged_track({piece1, older}, 7, 100.0, before), KillEvidence::TrackLost);
  EXPECT_TRUE(assess_kill(KillEvidence::BreakUp, {}, 0.5).killed);
}

TEST(KillEvidence, APredictionCarriesTheEstimatedAcceleration) {
  // A ballistic track decelerating at 30 m/s^2 along its path: after 3 s it is 135 m short of the
  // constant-velocity point; the constant-acceleration prediction keeps it on its path (1 g allowance:
  // 44 m + 98 m).
  Track before = track(7, 100.0, kP0, kV, ThreatClass::BallisticMissile);
  before.x.segment<3>(6) = Vec3(-30.0, 0.0, 0.0);
  const Vec3 decelerated = kP0 + 3.0 * kV + 0.5 * 9.0 * Vec3(-30.0, 0.0, 0.0);
  const std::vector<Track> now{track(7, 103.0, decelerated, kV - 3.0 * Vec3(30.0, 0.0, 0.0), ThreatClass::BallisticMissile)};
  EXPECT_EQ(observe_engaged_track(now, 7, 100.0, before), KillEvidence::StillDetected);
  Track unaccelerated = before;
  unaccelerated.x.segment<3>(6).setZero();
  const Track seen = track(7, 103.0, decelerated, kV, ThreatClass::BallisticMissile);
  EXPECT_TRUE(fits_prior_motion(before, seen, {}));
  EXPECT_TRUE(fits_prior_motion(unaccelerated, seen, {}));  // 135 m < 142 m: within the allowance
  KinematicEvidenceParams strict;
  strict.maneuver_g[static_cast<std::size_t>(ThreatClass::BallisticMissile)] = 0.0;
  EXPECT_FALSE(fits_prior_motion(unaccelerated, seen, strict));  // 135 m > 98 m without allowance
  EXPECT_TRUE(fits_prior_motion(before, seen, strict));
}

}  // namespace
}  // namespace skyshield

namespace skyshield {
namespace {

// A signature with n samples of mean_db in one X-band slot (as tracking/signature.hpp keeps it).
Signature signature(int n, double mean_db) {
  Signature s;
  s.bands[0].frequency_hz = 10e9;
  s.bands[0].count = n;
  s.bands[0].mean_db = mean_db;
  return s;
}

TEST(KillEvidence, TheRcsOfTheDetectionsAfterTheInterceptIsTheDifferenceOfTheRunningSums) {
  // 10 looks at -10 dBsm before; 4 more at +2 dBsm after: the running mean is (10 x -10 + 4 x 2) / 14,
  // and the later looks' mean, recovered from the two running means, is +2: a change of +12 dB.
  Track before = track(7, 100.0, kP0, kV, ThreatClass::CruiseMissile);
  before.signature = signature(10, -10.0);
  Track now = track(7, 103.0, on_path(), kV, ThreatClass::CruiseMissile, 0.0);
  now.signature = signature(14, (10.0 * -10.0 + 4.0 * 2.0) / 14.0);
  const std::optional<double> d = rcs_change_db(before, now, {});
  ASSERT_TRUE(d.has_value());
  EXPECT_NEAR(*d, 12.0, 1e-12);
  EXPECT_EQ(observe_engaged_track({now}, 7, 100.0, before), KillEvidence::RcsChange);
  EXPECT_TRUE(looks_killed(KillEvidence::RcsChange));
}

TEST(KillEvidence, ASmallRcsChangeOrTooFewLooksIsStillDetected) {
  Track before = track(7, 100.0, kP0, kV, ThreatClass::CruiseMissile);
  before.signature = signature(10, -10.0);
  Track now = track(7, 103.0, on_path(), kV, ThreatClass::CruiseMissile, 0.0);
  now.signature = signature(14, (10.0 * -10.0 + 4.0 * -8.0) / 14.0);  // +2 dB: within a Swerling spread
  EXPECT_EQ(observe_engaged_track({now}, 7, 100.0, before), KillEvidence::StillDetected);
  now.signature = signature(12, (10.0 * -10.0 + 2.0 * 5.0) / 12.0);   // +15 dB, but 2 looks (< 3)
  EXPECT_FALSE(rcs_change_db(before, now, {}).has_value());
  EXPECT_EQ(observe_engaged_track({now}, 7, 100.0, before), KillEvidence::StillDetected);
  now.signature.bands[0].frequency_hz = 3e9;                          // another band: not compared
  now.signature.bands[0].count = 20;
  EXPECT_FALSE(rcs_change_db(before, now, {}).has_value());
}

}  // namespace
}  // namespace skyshield
