// Air-launched decoy discrimination (c2/decoy_discrimination.hpp, docs/sead.md): the naive-Bayes
// P(decoy) of a track against hand-computed Bayes' rule, the RCS-fluctuation evidence of a
// Swerling 3 (decoy enhancer) against a Swerling 1 (airframe) echo, the manoeuvre memory, and the
// command post's doctrine: decoys spared while a real threat remains, engaged when none does.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "kinematic_battery.hpp"

#include "c2/command_post.hpp"
#include "c2/decoy_discrimination.hpp"

namespace skyshield {
namespace {

constexpr double kPi = 3.14159265358979323846;

// Two kinds, fighter and decoy (the library's figures, scenarios/library/air_decoys.yaml).
DecoyDiscriminationParams table() {
  DecoyDiscriminationParams p;
  p.enabled = true;
  p.manoeuvre_g = 4.5;
  p.kinds = {{"fighter", false, 0.6, {270.0, 60.0}, {4.48, 3.0}, {5.57, 1.0}, 0.3},
             {"decoy", true, 0.4, {240.0, 20.0}, {3.60, 2.0}, {3.49, 1.0}, 0.01}};
  return p;
}

// A confirmed aircraft track flying north at speed_mps, 60 km north of the origin, at 6 km, with
// a velocity variance of speed_sigma^2 per axis.
Track air_track(int id, double speed_mps, double speed_sigma = 0.0, double north_m = 60e3) {
  Track t;
  t.id = id;
  t.status = TrackStatus::Confirmed;
  t.score = 100.0;  // ample evidence (doctrine fire_control_min_score)
  t.classified = ThreatClass::Aircraft;
  t.x << 0.0, north_m, 6000.0, 0.0, -speed_mps, 0.0, 0.0, 0.0, 0.0;
  t.P = Mat9::Identity();
  t.P.block<3, 3>(3, 3) = Eigen::Matrix3d::Identity() * speed_sigma * speed_sigma;
  return t;
}

// Normal density, written out (the reference for the classifier's log-likelihood terms).
double normal_pdf(double x, double mean, double var) {
  return std::exp(-0.5 * (x - mean) * (x - mean) / var) / std::sqrt(2.0 * kPi * var);
}

TEST(DecoyDiscrimination, SpeedAloneIsBayesRuleByHand) {
  // No RCS band has samples, no manoeuvre: P(decoy) = pi_d N(v; 240, 20^2 + s^2) (1 - pm_d) /
  // sum_k pi_k N(v; mu_k, sigma_k^2 + s^2) (1 - pm_k), with the track's speed variance s^2 = 5^2.
  const DecoyDiscriminationParams p = table();
  for (double v : {200.0, 240.0, 255.0, 270.0, 320.0}) {
    const Track t = air_track(1, v, 5.0);
    const double d = 0.4 * normal_pdf(v, 240.0, 400.0 + 25.0) * 0.99;
    const double f = 0.6 * normal_pdf(v, 270.0, 3600.0 + 25.0) * 0.7;
    int features = 0;
    EXPECT_NEAR(decoy_probability(air_kind_log_posteriors(t, false, p, &features), p), d / (d + f), 1e-12) << v;
    EXPECT_EQ(features, 2);   // speed and manoeuvre
  }
}

TEST(DecoyDiscrimination, ManoeuvreMultipliesTheOddsByTheLikelihoodRatio) {
  // Bayes: the posterior odds decoy:fighter are multiplied by P(m | decoy) / P(m | fighter) = 0.01 / 0.3
  // when a manoeuvre was seen, and by 0.99 / 0.7 when none was.
  const DecoyDiscriminationParams p = table();
  const Track t = air_track(1, 250.0, 3.0);
  auto odds = [&](bool m) {
    const double pd = decoy_probability(air_kind_log_posteriors(t, m, p), p);
    return pd / (1.0 - pd);
  };
  EXPECT_NEAR(odds(true) / odds(false), (0.01 / 0.3) / (0.99 / 0.7), 1e-9);
}

// A signature band of n detections drawn from the Swerling case's echo power about mean_m2
// (case 1: exponential; case 3: gamma of shape 2; Skolnik sec. 2.8), at X band.
Signature drawn_signature(int swerling, double mean_m2, int n, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::gamma_distribution<double> power(swerling == 3 ? 2.0 : 1.0, swerling == 3 ? 0.5 : 1.0);
  Signature s;
  for (int i = 0; i < n; ++i) s.add(10e9, 10.0 * std::log10(mean_m2 * power(rng)));
  return s;
}

TEST(DecoyDiscrimination, SteadyEnhancerEchoIsTheDecoysAndAFluctuatingAirframeTheFighters) {
  // Same speed (255 m/s, between the kinds), 150 detections each (a track held a few minutes): a
  // 3 m^2 Swerling 3 echo (std of 10 log10 power 3.49 dB, the decoy's) and a 5 m^2 Swerling 1 echo
  // (5.57 dB, the fighter's).
  const DecoyDiscriminationParams p = table();
  int decoys_found = 0, fighters_clear = 0, fighters_spared = 0;
  for (unsigned seed = 1; seed <= 20; ++seed) {
    Track decoy = air_track(1, 255.0, 3.0), fighter = air_track(2, 255.0, 3.0);
    decoy.signature = drawn_signature(3, 3.0, 150, seed);
    fighter.signature = drawn_signature(1, 5.0, 150, 100 + seed);
    int features = 0;
    const double pd = decoy_probability(air_kind_log_posteriors(decoy, false, p, &features), p);
    const double pf = decoy_probability(air_kind_log_posteriors(fighter, false, p), p);
    EXPECT_EQ(features, 4);
    decoys_found += pd > 0.8;
    fighters_clear += pf < 0.5;
    fighters_spared += pf > 0.8;
  }
  // The sample std of 150 Swerling 1 looks has a standard error of sqrt(1.1 / 150) x 5.57 = 0.48 dB
  // against a 2.1 dB gap between the kinds (speed 255 m/s favours the decoy 2.3:1).
  EXPECT_EQ(decoys_found, 20);
  EXPECT_GE(fighters_clear, 15);   // 16 of 20 measured: the fighter kind is the wider one
  EXPECT_EQ(fighters_spared, 0);
}

TEST(DecoyDiscrimination, ManoeuvreIsRememberedOverTheTracksLife) {
  const DecoyDiscriminationParams p = table();
  DecoyDiscriminator d;
  std::vector<Track> picture = {air_track(7, 240.0, 3.0)};
  const double before = d.update(picture, p).at(0).p_decoy;
  // A 6 g break (normal to the velocity: east), then straight again.
  picture[0].x(6) = 6.0 * kStandardGravity;
  EXPECT_NEAR(normal_acceleration_mps2(picture[0]), 6.0 * kStandardGravity, 1e-9);
  d.update(picture, p);
  picture[0].x(6) = 0.0;
  const double after = d.update(picture, p).at(0).p_decoy;
  EXPECT_NEAR(after, decoy_probability(air_kind_log_posteriors(picture[0], true, p), p), 1e-12);
  EXPECT_LT(after, before);
  // Acceleration along the velocity (speeding up) is no manoeuvre.
  DecoyDiscriminator d2;
  std::vector<Track> straight = {air_track(8, 240.0, 3.0)};
  straight[0].x(7) = -6.0 * kStandardGravity;
  EXPECT_NEAR(d2.update(straight, p).at(0).p_decoy, before, 1e-12);
  // A track that left the picture is forgotten; ballistic or tentative tracks are not judged.
  picture[0].id = 9;
  EXPECT_NEAR(d.update(picture, p).at(0).p_decoy, before, 1e-12);
  picture[0].classified = ThreatClass::BallisticMissile;
  EXPECT_TRUE(d.update(picture, p).empty());
  EXPECT_EQ(d.p_decoy(9), 0.0);
}

struct Scene {
  std::vector<InterceptorClass> classes{test::kinematic_medium_range()};
  std::vector<Launcher> launchers = test::launchers_at_base(4);
  std::vector<Track> tracks;
  CommandPost cp;
  explicit Scene(double threshold, double wait_s = 0.0)
      : cp({{"base", Geodetic{-25.0, 135.0, 0.0}, 10.0, 3000.0}}, {Vec3::Zero()}, [&] {
          DoctrineParams d;
          d.decoy_threshold = threshold;
          d.decoy_wait_s = wait_s;
          d.decoy_discrimination = table();
          return d;
        }()) {}
  std::vector<std::pair<int, Identity>> ids;   // identities handed to the command post (none: not given)
  std::vector<int> targets(double t) {
    CommandPostInputs in;
    in.t = t;
    if (!ids.empty()) in.identities = &ids;
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

TEST(DecoyDoctrine, DecoysAreSparedWhileARealThreatRemainsAndEngagedWhenNoneDoes) {
  // A decoy-like track (240 m/s, steady 3.5 dB echo) and a fighter-like one (300 m/s, 5.6 dB), both
  // 40 km out and closing on the base.
  auto decoy = [] {
    Track t = air_track(1, 240.0, 2.0, 40e3);
    t.signature = drawn_signature(3, 3.0, 60, 1);
    return t;
  };
  auto fighter = [] {
    Track t = air_track(2, 300.0, 2.0, 40e3);
    t.x(0) = 2000.0;
    t.signature = drawn_signature(1, 5.0, 60, 2);
    return t;
  };
  Scene with(0.8), without(1.0), alone(0.8);
  for (Scene* s : {&with, &without}) s->tracks = {decoy(), fighter()};
  alone.tracks = {decoy()};
  EXPECT_EQ(with.targets(0.0), std::vector<int>({2}));
  ASSERT_EQ(with.cp.last_decoy_beliefs().size(), 2u);
  EXPECT_GT(with.cp.last_decoy_beliefs()[0].p_decoy, 0.8);
  EXPECT_LT(with.cp.last_decoy_beliefs()[1].p_decoy, 0.8);
  EXPECT_EQ(without.targets(0.0), std::vector<int>({1, 2}));   // the same table, threshold 1: both
  EXPECT_TRUE(without.cp.last_decoy_beliefs().empty());
  EXPECT_EQ(alone.targets(0.0), std::vector<int>({1}));        // no real threat left: the decoy is engaged
}

TEST(DecoyDoctrine, AFriendIsNoRealThreatThatKeepsTheDecoysSpared) {
  // The same decoy and fighter-like tracks, the fighter identified friend (a patrol answering IFF):
  // it is not engaged, and it does not count as a real threat remaining, so the decoy is.
  Scene s(0.8);
  Track decoy = air_track(1, 240.0, 2.0, 40e3), patrol = air_track(2, 300.0, 2.0, 40e3);
  decoy.signature = drawn_signature(3, 3.0, 60, 1);
  patrol.x(0) = 2000.0;
  patrol.signature = drawn_signature(1, 5.0, 60, 2);
  s.tracks = {decoy, patrol};
  s.ids = {{1, Identity::Suspect}, {2, Identity::Friend}};
  EXPECT_EQ(s.targets(0.0), std::vector<int>({1}));
  // The patrol unidentified (suspect): a real threat remains, the decoy is spared.
  Scene u(0.8);
  u.tracks = {decoy, patrol};
  u.ids = {{1, Identity::Suspect}, {2, Identity::Suspect}};
  EXPECT_EQ(u.targets(0.0), std::vector<int>({2}));
}

TEST(DecoyDoctrine, AnUnresolvedTrackWaitsWhileALaterLaunchIsStillFeasible) {
  // A fresh track (no RCS looks yet: P(decoy) from its speed alone, not resolved) 40 km out waits
  // with decoy_wait_s 10 (a launch 10 s later still reaches it); without the wait it is engaged.
  Scene wait(0.8, 10.0), no_wait(0.8, 0.0);
  for (Scene* s : {&wait, &no_wait}) s->tracks = {air_track(1, 240.0, 2.0, 40e3)};
  EXPECT_TRUE(wait.targets(0.0).empty());
  ASSERT_EQ(wait.cp.last_decoy_beliefs().size(), 1u);
  EXPECT_FALSE(wait.cp.last_decoy_beliefs()[0].resolved);
  EXPECT_EQ(no_wait.targets(0.0), std::vector<int>({1}));
  // Once resolved (60 looks of a fighter-like echo) it is engaged at once.
  wait.tracks[0].signature = drawn_signature(1, 5.0, 60, 3);
  wait.tracks[0].x(4) = -300.0;
  EXPECT_EQ(wait.targets(1.0), std::vector<int>({1}));
  EXPECT_TRUE(wait.cp.last_decoy_beliefs()[0].resolved);
  // 10 km out (42 s from overhead at 240 m/s), a launch 60 s later would come after it has passed:
  // a wait of 60 s is not taken, the track is engaged now.
  Scene late(0.8, 60.0);
  late.tracks = {air_track(1, 240.0, 2.0, 10e3)};
  EXPECT_EQ(late.targets(0.0), std::vector<int>({1}));
}

}  // namespace
}  // namespace skyshield
