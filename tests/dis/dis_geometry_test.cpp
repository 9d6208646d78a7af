// DIS orientation (Euler angles of the body axes in ECEF, 1278.1-2012 1.4.1), dead reckoning
// (annex E) with the standard's default thresholds (Table 25), and the entity-type mapping.
#include <gtest/gtest.h>

#include <numbers>
#include <random>

#include "core/geo.hpp"
#include "dis/dead_reckoning.hpp"
#include "dis/entity_types.hpp"
#include "dis/orientation.hpp"

using namespace skyshield;
using namespace skyshield::dis;

namespace {
constexpr double kDeg = std::numbers::pi / 180.0;
}

TEST(DisOrientation, AnalyticCasesOnTheEquator) {
  // At lat 0, lon 0 (up = +X, east = +Y, north = +Z), level and heading east: body x = +Y, right
  // wing (south) = -Z, body z (down) = -X; the z-y'-x'' angles of that rotation are (90, 0, -90) deg.
  const Vec3 p0 = ecef_from_geodetic({0.0, 0.0, 0.0});
  EulerAngles e = euler_from_velocity(p0, Vec3(0, 250, 0));
  EXPECT_NEAR(e.psi, 90 * kDeg, 1e-6);
  EXPECT_NEAR(e.theta, 0.0, 1e-6);
  EXPECT_NEAR(e.phi, -90 * kDeg, 1e-6);
  // At lat 0, lon 90 (up = +Y, east = -X), heading east: body x = -X, wing -Z, down -Y: (180, 0, -90).
  const Vec3 p90 = ecef_from_geodetic({0.0, 90.0, 0.0});
  e = euler_from_velocity(p90, Vec3(-300, 0, 0));
  EXPECT_NEAR(std::abs(e.psi), 180 * kDeg, 1e-6);
  EXPECT_NEAR(e.theta, 0.0, 1e-6);
  EXPECT_NEAR(e.phi, -90 * kDeg, 1e-6);
  // Climbing straight up at lat 0 lon 0: body x = +X (theta 0, psi 0).
  e = euler_from_velocity(p0, Vec3(500, 0, 0));
  EXPECT_NEAR(e.theta, 0.0, 1e-6);
  EXPECT_NEAR(e.psi, 0.0, 1e-6);
}

TEST(DisOrientation, NoseAlongVelocityWingsLevelEverywhere) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> lat(-85, 85), lon(-180, 180), alt(0, 30e3), u(-1, 1);
  for (int i = 0; i < 500; ++i) {
    const Vec3 p = ecef_from_geodetic({lat(rng), lon(rng), alt(rng)});
    const Vec3 v = Vec3(u(rng), u(rng), u(rng)) * 800.0;
    const Mat3 r = body_to_ecef(euler_from_velocity(p, v));
    const Vec3 up = up_vector(geodetic_from_ecef(p));
    EXPECT_NEAR((r.col(0) - v.normalized()).norm(), 0.0, 1e-6);  // float angles: ~1e-7 rad
    EXPECT_NEAR(r.col(1).dot(up), 0.0, 1e-6);                     // right wing horizontal
    EXPECT_LT(r.col(2).dot(up), 1e-9);                            // body z points down (or level)
    EXPECT_NEAR((r.transpose() * r - Mat3::Identity()).norm(), 0.0, 1e-6);
  }
}

TEST(DisDeadReckoning, AlgorithmsExtrapolateAsAnnexESays) {
  DeadReckonedState s;
  s.t = 10.0;
  s.pos = Vec3(1, 2, 3);
  s.vel = Vec3(100, 0, -10);
  s.acc = Vec3(0, 2, 0);
  s.algorithm = DeadReckoning::FVW;  // P = P0 + V0 dt + A0 dt^2 / 2
  EXPECT_NEAR((dead_reckon_position(s, 13.0) - Vec3(301, 11, -27)).norm(), 0.0, 1e-12);
  EXPECT_NEAR((dead_reckon_velocity(s, 13.0) - Vec3(100, 6, -10)).norm(), 0.0, 1e-12);
  s.algorithm = DeadReckoning::Static;
  EXPECT_EQ(dead_reckon_position(s, 13.0), s.pos);
  // From a PDU: FPW drops the acceleration; FVB turns the body acceleration into world axes.
  EntityStatePdu pdu;
  pdu.location = {1, 2, 3};
  pdu.velocity = {10, 0, 0};
  pdu.dead_reckoning.linear_acceleration = {1, 0, 0};
  pdu.dead_reckoning.algorithm = DeadReckoning::FPW;
  EXPECT_EQ(dead_reckoned_state(pdu, 0.0).acc, Vec3::Zero());
  pdu.dead_reckoning.algorithm = DeadReckoning::FVB;
  pdu.orientation.psi = static_cast<float>(90 * kDeg);  // body x along ECEF y
  EXPECT_NEAR((dead_reckoned_state(pdu, 0.0).acc - Vec3(0, 1, 0)).norm(), 0.0, 1e-6);
}

TEST(DisDeadReckoning, UpdatesWhenThresholdsOrHeartbeatSayAndNotBefore) {
  const Vec3 p0 = ecef_from_geodetic({45.0, 30.0, 1000.0});
  const Vec3 v(200, 0, 0);
  const EulerAngles o = euler_from_velocity(p0, v);
  DeadReckonedState sent;
  sent.t = 0.0;
  sent.pos = p0;
  sent.vel = v;
  sent.orientation = o;
  sent.algorithm = DeadReckoning::FPW;
  UpdatePolicy policy;
  EXPECT_TRUE(policy.due(0.0, p0, o));  // never sent
  policy.sent(sent);
  // Flying exactly as extrapolated: only the 5 s heartbeat.
  EXPECT_FALSE(policy.due(4.9, p0 + v * 4.9, o));
  EXPECT_TRUE(policy.due(5.0, p0 + v * 5.0, o));
  // Accelerating at 1 m/s^2 off the extrapolation: drift t^2/2 passes 1 m at t = sqrt(2) = 1.414 s.
  const Vec3 a(0, 0, 1);
  EXPECT_FALSE(policy.due(1.40, p0 + v * 1.40 + 0.5 * a * 1.40 * 1.40, o));
  EXPECT_TRUE(policy.due(1.43, p0 + v * 1.43 + 0.5 * a * 1.43 * 1.43, o));
  // Turning: 2.9 deg is inside the 3 deg threshold, 3.1 deg is not.
  const auto turned = [&](double deg) {
    EulerAngles e = o;
    const Mat3 r = body_to_ecef(o) * Eigen::AngleAxisd(deg * kDeg, Vec3::UnitZ()).toRotationMatrix();
    e = euler_from_body_to_ecef(r);
    return e;
  };
  EXPECT_FALSE(policy.due(1.0, p0 + v, turned(2.9)));
  EXPECT_TRUE(policy.due(1.0, p0 + v, turned(3.1)));
}

TEST(DisEntityTypes, ThreatClassesSurviveTheRoundTripAndOthersAreNotThreats) {
  for (ThreatClass c : kAllThreatClasses) EXPECT_EQ(threat_class_of(threat_entity_type(c, false)), c) << to_string(c);
  EXPECT_EQ(threat_class_of(interceptor_entity_type()), std::nullopt);   // anti-air munition
  EXPECT_EQ(threat_class_of(launcher_entity_type()), std::nullopt);      // land platform
  EXPECT_EQ(threat_class_of(command_post_entity_type()), std::nullopt);
  // SISO-REF-010 values: platform 1, air 2, land 1, munition 2, anti-air 1, Russia 222, unmanned 50.
  EXPECT_EQ(interceptor_entity_type(), (EntityType{2, 1, 222, 1, 0, 0, 0}));
  EXPECT_EQ(launcher_entity_type(), (EntityType{1, 1, 222, 28, 0, 0, 0}));
  EXPECT_EQ(threat_entity_type(ThreatClass::Drone, false), (EntityType{1, 2, 0, 50, 0, 0, 0}));
  // A received tactical ballistic munition and a space platform are ballistic missiles.
  EXPECT_EQ(threat_class_of(EntityType{2, 11, 225, 1, 0, 0, 0}), ThreatClass::BallisticMissile);
  EXPECT_EQ(threat_class_of(EntityType{1, 5, 0, 0, 0, 0, 0}), ThreatClass::BallisticMissile);
}
