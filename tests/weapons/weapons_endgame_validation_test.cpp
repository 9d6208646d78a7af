// Endgame tests against independent references (ctest label `validation`, see
// docs/validation/fuze_seeker_endgame.md): the fuze against analytic straight-line passes, the
// terrain floor against stopping-distance kinematics, the seeker against the radar range equation
// and constant-rate line-of-sight geometry, the glint-driven miss against the linearity of the
// homing loop (Zarchan), the kill roll against the true class of the object hit.
#include <gtest/gtest.h>

#include "notional_missile.hpp"

#include <algorithm>
#include <cstdio>
#include <cmath>
#include <vector>

#include "core/geo.hpp"
#include "core/units.hpp"
#include "weapons/fuze.hpp"
#include "weapons/ground_floor.hpp"
#include "weapons/interceptor.hpp"
#include "weapons/lethality.hpp"
#include "weapons/seeker.hpp"

namespace skyshield {
namespace {

// Straight-line passes with a known answer: r(t) = m + v (t - t_ca) with m perpendicular to v, so
// the closest approach is |m| at t_ca (analytic). The issue-26 case: a true miss of 0.01 m, closing
// at 1,000 and 3,300 m/s, 25 ms sub-steps, the closest point at every phase inside its sub-step.
// Functioning where the lethal radius is entered would record up to 25 m (1,000 m/s x 25 ms).
TEST(Fuze, FindsTheClosestApproachAcrossSubStepBoundaries) {
  const double h = 0.025, lethal = 10.0;
  for (const double miss : {0.01, 3.0})
    for (const double speed : {1000.0, 3300.0})
      for (int phase = 0; phase <= 40; ++phase) {
        const Vec3 v = Vec3(-speed, 0.3 * speed, 0.1 * speed);
        const Vec3 m = v.unitOrthogonal() * miss;
        const double t_ca = 1.0 + h * phase / 40.0;
        ProximityFuze fuze(lethal);
        FuzeEvent e;
        int k = 0;
        for (; k < 400 && e.kind == FuzeEvent::Kind::None; ++k) e = fuze.step(m + v * (k * h - t_ca), v, h);
        ASSERT_EQ(e.kind, FuzeEvent::Kind::Function) << "speed " << speed << " phase " << phase;
        EXPECT_NEAR(e.distance, miss, 1e-9) << "speed " << speed << " phase " << phase;
        EXPECT_NEAR((k - 1) * h + e.t, t_ca, 1e-9);
        EXPECT_NEAR(fuze.best_m(), miss, 1e-9);
      }
}

TEST(Fuze, PassOutsideTheLethalRadiusIsAMissAtItsClosestApproach) {
  // Same analytic pass, 15 m miss against a 10 m lethal radius: no function, a pass at 15 m.
  const double h = 0.025;
  const Vec3 v(-2000.0, 0.0, 0.0), m(0.0, 0.0, 15.0);
  ProximityFuze fuze(10.0);
  FuzeEvent e;
  for (int k = 0; k < 400 && e.kind == FuzeEvent::Kind::None; ++k) e = fuze.step(m + v * (k * h - 1.0137), v, h);
  EXPECT_EQ(e.kind, FuzeEvent::Kind::Passed);
  EXPECT_NEAR(e.distance, 15.0, 1e-9);
}

// The floor's pull-up against constant-deceleration kinematics: a descent at v stops within
// v^2 / (2 a) (elementary kinematics); with the lag the pull-up starts |v| lag later. Flown in 1-D
// with the autopilot's first-order lag the missile must level off above the floor, and no pull-up
// is asked while the intercept comes before the floor.
TEST(GroundFloor, PullUpStopsTheDescentAboveTheFloor) {
  const double available = 200.0, lag = 0.15, dt = 1e-3;
  for (const double v0 : {-100.0, -300.0, -600.0}) {
    double h = 3000.0, v = v0, a = 0.0, lowest = h;
    for (int k = 0; k < 200000 && (v < 0.0 || k < 10); ++k) {
      const double want = floor_pull_up({h, v, lag, a, 1e300, false}, available);
      a += (1.0 - std::exp(-dt / lag)) * (want - a);  // the autopilot's lag
      v += a * dt;
      h += v * dt;
      lowest = std::min(lowest, h);
    }
    EXPECT_GT(lowest, 0.0) << "v0 " << v0;
    // It does not pull up far earlier than it must: levels off within v^2 / (2 x 0.15 available) + v lag.
    EXPECT_LT(3000.0 - lowest, 3000.0) << "v0 " << v0;
    EXPECT_LT(lowest, v0 * v0 / (2.0 * 0.15 * available) + std::abs(v0) * lag) << "v0 " << v0;
  }
  // Intercept in 1 s at 300 m/s sink, 500 m above the floor: the target is reached first.
  EXPECT_EQ(floor_pull_up({500.0, -300.0, lag, 0.0, 1.0, true}, available), 0.0);
  EXPECT_GT(floor_pull_up({500.0, -300.0, lag, 0.0, 3.0, true}, available), 0.0);
  EXPECT_GT(floor_pull_up({500.0, -300.0, lag, 0.0, 1.0, false}, available), 0.0);  // target below the floor
  EXPECT_EQ(floor_pull_up({500.0, 10.0, lag, 0.0, 3.0, true}, available), 0.0);     // climbing
  EXPECT_EQ(floor_pull_up({-1.0, 10.0, lag, 0.0, 3.0, true}, available), available); // below the floor
}

InterceptorClass seeker_class(SeekerType type) {
  InterceptorClass c;
  c.seeker_type = type;
  c.seeker_range_m = 10e3;
  c.seeker_reference_rcs_m2 = 1.0;
  c.seeker_illumination_ref_m = 50e3;
  return c;
}

TruthView target_at(const Vec3& pos, double rcs_m2) {
  TruthView t;
  t.id = 1;
  t.pos_ecef = pos;
  t.vel_ecef = Vec3(0.0, 0.0, 0.0);
  t.rcs = RcsPattern::isotropic(rcs_m2);
  return t;
}

TEST(Seeker, AcquisitionRangeFollowsTheRadarRangeEquation) {
  // Monostatic (active seeker): received power ~ sigma / R^4, so at the detection threshold
  // R = R_ref (sigma / sigma_ref)^(1/4): 16 m^2 doubles, 1/16 m^2 halves (Skolnik, Introduction to
  // Radar Systems, eq. 1.1/2.1). Bistatic (semi-active): ~ sigma / (R_i^2 R^2), so
  // R = R_ref (R_i,ref / R_i) (sigma / sigma_ref)^(1/2): 4 m^2 illuminated at 25 km -> 2 x 2 = 4 x.
  const InterceptorClass active = seeker_class(SeekerType::ActiveRadar);
  const Seeker a(&active, Rng(1));
  const Vec3 origin(0, 0, 0);
  EXPECT_NEAR(a.acquisition_range(target_at(Vec3(1e3, 0, 0), 16.0), origin, origin), 20e3, 1e-6);
  EXPECT_NEAR(a.acquisition_range(target_at(Vec3(1e3, 0, 0), 1.0 / 16.0), origin, origin), 5e3, 1e-6);
  const InterceptorClass semi = seeker_class(SeekerType::SemiActive);
  const Seeker s(&semi, Rng(1));
  const Vec3 illuminator(-24e3, 0, 0);  // the target at (1 km, 0, 0) is 25 km from it
  EXPECT_NEAR(s.acquisition_range(target_at(Vec3(1e3, 0, 0), 4.0), origin, illuminator), 40e3, 1e-6);
  EXPECT_NEAR(s.acquisition_range(target_at(Vec3(1e3, 0, 0), 1.0), origin, Vec3(-49e3, 0, 0)), 10e3, 1e-6);
}

// Track-via-missile (weapons/track_via_missile.hpp, issue 28 wave 4): the echo is processed on the
// ground with a gain G, so the bistatic SNR ~ G sigma / (R_i^2 R^2) reaches the threshold sqrt(G)
// farther: an RV of 0.05 m^2 illuminated at 50 km is acquired at 10 km x sqrt(0.05) = 2.236 km by
// the bistatic receiver alone (G = 0 dB, as before), and at 10^(20/20) = 10 x that, 22.36 km, with
// G = 20 dB. The thermal angle noise at 2 km then falls by the same 10 (it scales as R / R_acq).
TEST(Seeker, TrackViaMissileAcquiresFartherByTheSquareRootOfTheGroundGain) {
  InterceptorClass tvm = seeker_class(SeekerType::TrackViaMissile);
  tvm.seeker_angle_noise_rad = 3e-3;
  const Vec3 origin(0, 0, 0), illuminator(-49e3, 0, 0);  // the target at (1 km, 0, 0) is 50 km from it
  Seeker plain(&tvm, Rng(1));
  const double bistatic = plain.acquisition_range(target_at(Vec3(1e3, 0, 0), 0.05), origin, illuminator);
  EXPECT_NEAR(bistatic, 10e3 * std::sqrt(0.05), 1e-6);
  plain.start(Vec3::Zero(), bistatic);
  tvm.tvm_processing_gain_db = 20.0;
  Seeker gained(&tvm, Rng(1));
  const double r = gained.acquisition_range(target_at(Vec3(1e3, 0, 0), 0.05), origin, illuminator);
  EXPECT_NEAR(r, 10.0 * 10e3 * std::sqrt(0.05), 1e-6);
  gained.start(Vec3::Zero(), r);
  EXPECT_NEAR(plain.angle_sigma(2e3) / gained.angle_sigma(2e3), 10.0, 1e-9);
}

TEST(Seeker, GimbalLimitsTheLookAngle) {
  InterceptorClass c = seeker_class(SeekerType::ActiveRadar);
  c.seeker_gimbal_rad = 60.0 * kDegToRad;
  const Seeker s(&c, Rng(1));
  const Vec3 m(0, 0, 0), v(1000.0, 0, 0);
  const auto off_axis = [](double deg) { return Vec3(5e3 * std::cos(deg * kDegToRad), 5e3 * std::sin(deg * kDegToRad), 0); };
  EXPECT_TRUE(s.can_see(target_at(off_axis(55.0), 1.0), m, v, m));
  EXPECT_FALSE(s.can_see(target_at(off_axis(65.0), 1.0), m, v, m));
  EXPECT_FALSE(s.can_see(target_at(Vec3(12e3, 0, 0), 1.0), m, v, m));  // beyond 10 km against 1 m^2
}

TEST(Seeker, NoiseFreeRateConvergesToTheTrueLineOfSightRate) {
  // The line of sight turning at a constant 0.05 rad/s about z (analytic geometry), no noise: the
  // filtered rate converges to it (first-order filter, tau 0.1 s: e^-50 left of the start).
  InterceptorClass c = seeker_class(SeekerType::ActiveRadar);
  c.seeker_tau_s = 0.1;
  Seeker s(&c, Rng(2));
  s.start(Vec3::Zero(), 10e3);
  const double w = 0.05, h = 0.025;
  Vec3 rate = Vec3::Zero();
  for (int k = 0; k < 200; ++k) {
    LineOfSight los;
    los.u = Vec3(std::cos(w * k * h), std::sin(w * k * h), 0.0);
    los.rate = Vec3(0.0, 0.0, w);
    los.range_m = 5e3;
    rate = s.measure(los, h);
  }
  EXPECT_NEAR(rate.z(), w, 1e-5);
  EXPECT_NEAR(rate.x(), 0.0, 1e-9);
  // Angle error model: thermal noise given at the acquisition range scales as (R / R_acq)^2 for an
  // active seeker (SNR ~ 1/R^4, sigma_theta ~ 1/sqrt(SNR)); glint is glint_m / R.
  c.seeker_angle_noise_rad = 4e-3;
  c.seeker_glint_m = 2.0;
  EXPECT_NEAR(s.angle_sigma(10e3), std::hypot(4e-3, 2.0 / 10e3), 1e-12);
  EXPECT_NEAR(s.angle_sigma(5e3), std::hypot(1e-3, 2.0 / 5e3), 1e-12);
}

TEST(Seeker, BlindRangeHoldsTheLastRate) {
  InterceptorClass c = seeker_class(SeekerType::ActiveRadar);
  c.seeker_tau_s = 0.05;
  c.seeker_glint_m = 5.0;
  c.seeker_blind_range_m = 200.0;
  Seeker s(&c, Rng(3));
  s.start(Vec3(0, 0, 0.02), 10e3);
  LineOfSight los;
  los.range_m = 1000.0;
  for (int k = 0; k < 10; ++k) s.measure(los, 0.025);
  los.range_m = 150.0;
  const Vec3 held = s.measure(los, 0.025);
  for (int k = 0; k < 10; ++k) EXPECT_EQ(s.measure(los, 0.025), held);
}

// The homing loop is linear in the noise (Zarchan, Tactical and Strategic Missile Guidance, "noise
// analysis": the RMS miss is proportional to the noise's standard deviation): doubling the glint
// doubles the RMS miss, within the Monte Carlo's sampling error (80 flights each, same seeds).
const LocalFrame kFrame(Geodetic{-25.0, 135.0, 0.0});

InterceptorClass test_missile() {
  InterceptorClass c = test::notional_missile();
  c.seeker_tau_s = 0.1;
  c.lethal_radius_m = 50.0;
  return c;
}

// One flight against a straight-flying target whose true class is `truth` (the uplink is perfect).
InterceptorOutcome fly_at(const InterceptorClass& c, ThreatClass truth, std::uint64_t seed) {
  const Vec3 t0(10e3, 25e3, 5000.0), v(-120.0, -150.0, 0.0);
  Interceptor m(1, &c, 7, 0.0, kFrame.to_ecef(Vec3(0, 0, 5)), kFrame.to_ecef(t0 + v * 25.0), Rng(seed));
  TruthView tv = target_at(Vec3::Zero(), 1.0);
  tv.vel_ecef = kFrame.vector_to_ecef(v);
  tv.true_class = truth;
  for (int k = 0; k < 3000 && m.flying(); ++k) {
    tv.pos_ecef = kFrame.to_ecef(t0 + v * (k * 0.05));
    const std::vector<TruthView> targets{tv};
    m.step(k * 0.05, 0.05, Uplink{tv.pos_ecef, tv.vel_ecef}, targets);
  }
  return m.outcome();
}

double rms_miss(double glint_m, int flights) {
  InterceptorClass c = test_missile();
  c.seeker_glint_m = glint_m;
  double sum = 0.0;
  int n = 0;
  for (int i = 0; i < flights; ++i) {
    const InterceptorOutcome o = fly_at(c, ThreatClass::Aircraft, 500 + i);
    if (o.miss_distance_m < 0.0) continue;
    sum += o.miss_distance_m * o.miss_distance_m;
    ++n;
  }
  EXPECT_EQ(n, flights);
  return std::sqrt(sum / std::max(n, 1));
}

TEST(Seeker, GlintMissGrowsInProportionToTheGlint) {
  const double one = rms_miss(1.0, 80), two = rms_miss(2.0, 80);
  EXPECT_GT(one, 0.2);  // the miss now comes from the loop's noise, not millimetres
  std::printf("RMS miss: glint 1 m -> %.3f m, glint 2 m -> %.3f m\n", one, two);
  EXPECT_NEAR(two / one, 2.0, 0.4) << "RMS miss " << one << " m and " << two << " m";
}

TEST(Lethality, KillRollUsesTheTrueClassOfTheObjectHit) {
  // A warhead that cannot kill drones (Pk 0) against one the radar classified as an aircraft: the
  // kill probability is that of the object actually hit (issue 26 #6).
  InterceptorClass c;
  c.lethal_radius_m = 10.0;
  c.pk_in_lethal_radius = {1.0, 0.0, 1.0, 1.0};
  c.pk_vs_miss = {{0.0, 1.0}, {10.0, 0.5}};
  EXPECT_EQ(kill_probability(c, ThreatClass::Drone, 1.0), 0.0);
  EXPECT_NEAR(kill_probability(c, ThreatClass::Aircraft, 5.0), 0.75, 1e-12);  // linear in the table
  EXPECT_EQ(kill_probability(c, ThreatClass::Aircraft, 10.5), 0.0);           // beyond the lethal radius
  // Through the interceptor's fuze: the TruthView's true class decides, not the engaged track's
  // (the old kill roll took the Pk set at launch from the track's classification).
  InterceptorClass m = test_missile();
  m.lethal_radius_m = 10.0;
  m.pk_in_lethal_radius = {1.0, 0.0, 1.0, 1.0};
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    EXPECT_EQ(fly_at(m, ThreatClass::Drone, seed).state, InterceptorState::Missed) << "seed " << seed;
    EXPECT_EQ(fly_at(m, ThreatClass::Aircraft, seed).state, InterceptorState::Killed) << "seed " << seed;
  }
}

}  // namespace
}  // namespace skyshield
