// Flyout physics against analytic references: the kinematic profile (s = v0 t + a t^2 / 2), the rocket
// equation in vacuum (Tsiolkovsky: dv = c ln(m0 / m1), c = F / mdot), drag-only deceleration at
// constant density and Cd (dv/dt = -k v^2, v(t) = v0 / (1 + k v0 t), k = rho S Cd / 2m), the
// airframe's lateral limit (q S CN_max / m, capped by the structure) and induced drag (CN^2 / CN_alpha);
// the closest approach inside a step, against brute-force sampling.
#include <gtest/gtest.h>

#include <cmath>

#include "core/atmosphere.hpp"
#include "core/geo.hpp"
#include "core/units.hpp"
#include "weapons/flyout/kinematic_flyout.hpp"
#include "weapons/flyout/point_mass.hpp"
#include "weapons/fuze.hpp"
#include "weapons/launcher.hpp"

namespace skyshield {
namespace {

TEST(Flyout, KinematicBoostThenCoastAnalytic) {
  const KinematicProfile c{50.0, 2050.0, 10.0, 250e3};
  // a = (2050 - 50) / 10 = 200 m/s^2; s(10) = 50*10 + 100*100 = 10500 m; then 2050 m/s.
  EXPECT_DOUBLE_EQ(c.speed(5.0), 1050.0);
  EXPECT_DOUBLE_EQ(c.distance(10.0), 10500.0);
  EXPECT_DOUBLE_EQ(c.distance(30.0), 10500.0 + 2050.0 * 20.0);
  for (double t : {0.3, 4.0, 9.99, 10.0, 11.0, 120.0}) EXPECT_NEAR(c.time_to_fly(c.distance(t)), t, 1e-9);
  EXPECT_EQ(c.distance(-1.0), 0.0);
  EXPECT_FALSE(KinematicFlyout(c).to(Vec3(0, 250.1e3, 0)).reachable);
}

Propulsion two_stage() {
  Propulsion p;
  p.launch_mass_kg = 1000.0;
  p.stages = {{100e3, 10.0, 400.0, 0.0, 100.0}, {30e3, 20.0, 200.0, 2.0, 0.0}};
  return p;
}

TEST(Propulsion, MassThrustAndImpulse) {
  const Propulsion p = two_stage();
  EXPECT_DOUBLE_EQ(p.at(5.0).mass_kg, 800.0);
  EXPECT_DOUBLE_EQ(p.at(5.0).thrust_n, 100e3);
  EXPECT_DOUBLE_EQ(p.at(11.0).thrust_n, 0.0);  // between the stages (ignition delay 2 s)
  EXPECT_DOUBLE_EQ(p.at(11.0).mass_kg, 500.0); // first stage burnt and its case dropped
  EXPECT_DOUBLE_EQ(p.at(22.0).mass_kg, 400.0);
  EXPECT_DOUBLE_EQ(p.burnout_time_s(), 32.0);
  EXPECT_DOUBLE_EQ(p.burnout_mass_kg(), 300.0);
  EXPECT_DOUBLE_EQ(p.total_impulse_ns(), 100e3 * 10.0 + 30e3 * 20.0);
}

TEST(PointMass, RocketEquationInVacuum) {
  // 300 km up (no air), gravity off: the speed gained is Tsiolkovsky's, stage by stage.
  const Propulsion p = two_stage();
  const double dv = 2500.0 * std::log(1000.0 / 600.0) + 3000.0 * std::log(500.0 / 300.0);  // c = F tb / mp
  EXPECT_NEAR(p.ideal_delta_v_mps(), dv, 1e-9);
  MissileState s;
  s.pos = ecef_from_geodetic(Geodetic{0.0, 0.0, 300e3});
  s.vel = s.pos.normalized() * 10.0;
  GravityModel off;
  off.enabled = false;
  const Airframe a;
  while (s.t < 33.0) advance(a, p, off, s, Vec3::Zero(), 0.01);
  EXPECT_NEAR(s.vel.norm() - 10.0, dv, 0.002 * dv);
}

TEST(PointMass, DragDecelerationAtConstantDensity) {
  Propulsion coast;
  coast.launch_mass_kg = 500.0;
  Airframe a;
  a.reference_area_m2 = 0.1;
  a.cd0_vs_mach = {{0.0, 0.4}};
  MissileState s;
  const Geodetic g{0.0, 0.0, 10e3};
  s.pos = ecef_from_geodetic(g);
  s.vel = LocalFrame(g).vector_to_ecef(Vec3(0.0, 600.0, 0.0));  // level, due north
  GravityModel off;
  off.enabled = false;
  for (int i = 0; i < 100; ++i) advance(a, coast, off, s, Vec3::Zero(), 0.01);
  const double k = us1976(10e3).density_kg_m3 * 0.1 * 0.4 / (2.0 * 500.0);
  EXPECT_NEAR(s.vel.norm(), 600.0 / (1.0 + k * 600.0 * 1.0), 0.01);
}

TEST(Airframe, LateralLimitFallsWithDynamicPressureAndTurnsCostDrag) {
  Airframe a;
  a.reference_area_m2 = 0.05;
  a.cn_max = 2.0;
  a.cn_alpha_per_rad = 20.0;
  a.max_lateral_g = 20.0;
  a.cd0_vs_mach = {{0.0, 0.3}};
  // q S CN_max / m: 1e5 Pa x 0.05 x 2 / 100 kg = 100 m/s^2; at 1e6 Pa the structure's 20 g binds.
  EXPECT_DOUBLE_EQ(a.max_lateral_accel(1e5, 100.0), 100.0);
  EXPECT_DOUBLE_EQ(a.max_lateral_accel(1e6, 100.0), 20.0 * kStandardGravity);
  // 50 m/s^2 needs CN = m a / (q S) = 1; induced drag CN^2 / CN_alpha = 0.05.
  EXPECT_DOUBLE_EQ(a.drag_coefficient(2.0, 1e5, 100.0, 50.0), 0.35);
}

TEST(Fuze, ClosestApproachMatchesBruteForce) {
  const Vec3 r0(1000.0, 40.0, -15.0), v(-4000.0, 1.0, 3.0);
  const double dt = 0.5;
  const ClosestApproach ca = closest_approach(r0, v, dt);
  double best = 1e18, best_t = 0;
  for (int i = 0; i <= 200000; ++i) {
    const double t = dt * i / 200000.0;
    const double d = (r0 + v * t).norm();
    if (d < best) best = d, best_t = t;
  }
  EXPECT_NEAR(ca.distance, best, 1e-3);
  EXPECT_NEAR(ca.t, best_t, 1e-5);
}

TEST(Fuze, NoTunnellingAtHypersonicClosingSpeed) {
  // 5 km/s closing, 0.05 s step: the objects start 120 m apart and end 130 m apart on the other
  // side; the sampled endpoints never come within 100 m but the true passage is 3 m away.
  const Vec3 r0(120.0, 3.0, 0.0), v(-5000.0, 0.0, 0.0);
  const ClosestApproach ca = closest_approach(r0, v, 0.05);
  EXPECT_GT(r0.norm(), 100.0);
  EXPECT_GT((r0 + v * 0.05).norm(), 100.0);
  EXPECT_NEAR(ca.distance, 3.0, 1e-9);
  EXPECT_NEAR(ca.t, 120.0 / 5000.0, 1e-12);
  // Receding: the closest point is the start of the step.
  EXPECT_EQ(closest_approach(Vec3(10, 0, 0), Vec3(5, 0, 0), 1.0).t, 0.0);
}

TEST(Launcher, TubesReactionAndInterval) {
  LauncherConfig c;
  c.site = Geodetic{-25.0, 135.0, 100.0};
  c.tubes = 2;
  c.reaction_time_s = 5.0;
  c.launch_interval_s = 3.0;
  Launcher l(c);
  ASSERT_TRUE(l.ready(0.0));
  EXPECT_DOUBLE_EQ(l.accept_order(0.0), 5.0);
  EXPECT_FALSE(l.ready(2.9));
  EXPECT_TRUE(l.ready(3.0));
  l.accept_order(3.0);
  EXPECT_EQ(l.rounds_left(), 0);
  EXPECT_FALSE(l.ready(100.0));
}

}  // namespace
}  // namespace skyshield
