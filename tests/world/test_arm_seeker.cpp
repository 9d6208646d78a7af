// Anti-radiation missile seeker (world/arm_seeker.hpp): the one-way acquisition range, homing on a
// radiating emitter, and the memory of a silent emitter with its linear miss growth.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core/units.hpp"
#include "world/arm_seeker.hpp"
#include "world/threat.hpp"

using namespace skyshield;

namespace {

ArmSeekerParams seeker(double sigma_deg, double drift_mps) {
  ArmSeekerParams s;
  s.band_low_hz = 2e9;
  s.band_high_hz = 18e9;
  s.sensitivity_dbm = -65.0;
  s.antenna_gain_db = 0.0;
  s.bearing_sigma_deg = sigma_deg;
  s.field_of_view_deg = 60.0;
  s.memory_drift_mps = drift_mps;
  return s;
}

ThreatType arm_type(const ArmSeekerParams& s) {
  ThreatType t;
  t.name = "arm";
  t.cls = ThreatClass::CruiseMissile;
  t.rcs = RcsPattern::isotropic(0.05);
  t.air.speed_mps = 700.0;
  t.air.max_load_factor = 25.0;
  t.air.max_climb_rate_mps = 300.0;
  t.air.max_descent_rate_mps = 300.0;
  t.arm = s;
  return t;
}

const Geodetic kRadar{50.0, 30.0, 0.0};

Emitter radar(bool on) {
  return {0, ecef_from_geodetic(kRadar), 100e3, 5.0, 3e9, on};
}

struct Flown {
  double end_t = 0.0;
  double miss_m = 0.0;
};

// Flies an ARM launched 60 km west of the radar at 8 km, its route aimed 5 km north of the radar
// (the seeker must pull it onto the emitter); the radar falls silent at off_t (< 0: never).
Flown fly(const ThreatType& type, double off_t) {
  ThreatSpec spec;
  spec.name = "arm-1";
  spec.type_index = 0;
  Geodetic start = geodesic_direct(kRadar, 270.0, 60e3);
  start.alt_m = 8000.0;
  Geodetic aim = geodesic_direct(kRadar, 0.0, 5e3);
  spec.route = {start, aim};
  Threat th(0, spec, &type, nullptr, 7);
  const double dt = 0.05;
  Flown out;
  for (int i = 0; i < 10000; ++i) {
    const double t = i * dt;
    const Emitter e = radar(off_t < 0.0 || t < off_t);
    th.seek_emitters(t, std::span<const Emitter>(&e, 1));
    th.step(t, dt);
    if (th.status() == ThreatStatus::Leaked) {
      out.end_t = t + dt;
      break;
    }
  }
  EXPECT_EQ(th.status(), ThreatStatus::Leaked);
  out.miss_m = geodesic_inverse(th.geodetic(), kRadar).distance_m;
  return out;
}

}  // namespace

TEST(ArmSeeker, AcquisitionRangeIsTheOneWayLinkEquation) {
  // Hand calculation of R = lambda/(4 pi) sqrt(Pt Gt Gr / Smin) (Adamy, EW 101, sec. 2.4 one-way link):
  // Pt = 100 kW, Gt = 5 dB (35 dB antenna, -30 dB side lobes) = 3.1623, Gr = 1, f = 3 GHz:
  // lambda = 0.099931 m; Smin = -65 dBm = 3.1623e-10 W; sqrt(1e5 * 3.1623 / 3.1623e-10) = 3.1623e7;
  // lambda / (4 pi) = 7.9523e-3  ->  R = 251.47 km.
  const ArmSeekerParams s = seeker(1.0, 0.0);
  const double r = arm_acquisition_range_m(s, radar(true));
  EXPECT_NEAR(r, 251.47e3, 0.1e3);
  // At that range the received power is the sensitivity.
  EXPECT_NEAR(10.0 * std::log10(arm_received_power_w(s, radar(true), r) / 1e-3), -65.0, 1e-9);
  // Out of band: no acquisition.
  Emitter low = radar(true);
  low.frequency_hz = 1e9;
  EXPECT_EQ(arm_acquisition_range_m(s, low), 0.0);
}

TEST(ArmSeeker, PicksTheStrongestEmitterAndHoldsIt) {
  ArmSeeker sk(seeker(0.0, 0.0), 1, 0);
  const LocalFrame f(kRadar);
  const Vec3 pos = f.to_ecef(Vec3(-50e3, 0.0, 8000.0));
  const Vec3 vel = f.vector_to_ecef(Vec3(700.0, 0.0, 0.0));
  // Two emitters 2 km apart across the path; the second radiates 10 dB more.
  std::vector<Emitter> es{{3, f.to_ecef(Vec3(0, -1000, 0)), 100e3, 5.0, 3e9, true},
                          {4, f.to_ecef(Vec3(0, 1000, 0)), 100e3, 15.0, 3e9, true}};
  const auto aim = sk.look(0.0, pos, vel, es);
  ASSERT_TRUE(aim.has_value());
  EXPECT_EQ(sk.locked_id(), 4);
  EXPECT_NEAR((*aim - es[1].pos_ecef).norm(), 0.0, 1e-6);   // sigma 0: the fix is the emitter
  // Held when the other becomes stronger still.
  es[0].gain_db = 30.0;
  sk.look(0.05, pos, vel, es);
  EXPECT_EQ(sk.locked_id(), 4);
  // Behind the missile (outside the 60 deg field of view) nothing is acquired.
  ArmSeeker behind(seeker(0.0, 0.0), 1, 1);
  EXPECT_FALSE(behind.look(0.0, pos, -vel, es).has_value());
}

TEST(ArmSeeker, HomesOnARadiatingEmitter) {
  // Route aimed 5 km off the radar: the seeker (1 deg bearing error) brings it onto the radar. The
  // last fix is taken ~35 m out (one 0.05 s step at 700 m/s): error ~ 35 m x 0.017 rad < 1 m.
  const ThreatType type = arm_type(seeker(1.0, 5.0));
  const Flown f = fly(type, -1.0);
  EXPECT_LT(f.miss_m, 5.0);
  // Without a seeker it flies its route: 5 km off.
  ThreatType plain = type;
  plain.arm = ArmSeekerParams{};
  EXPECT_NEAR(fly(plain, -1.0).miss_m, 5e3, 10.0);
}

TEST(ArmSeeker, MemoryMissGrowsLinearlyWithTimeSilent) {
  // Bearing error 0: the last fix is the radar. Once silent the aim drifts at 8 m/s, so the impact
  // lies 8 m/s x (impact time - shutdown time) from the radar (the analytic memory model).
  const double drift = 8.0;
  const ThreatType type = arm_type(seeker(0.0, drift));
  const Flown on = fly(type, -1.0);
  for (double before : {10.0, 30.0}) {
    const double off_t = on.end_t - before;
    const Flown f = fly(type, off_t);
    const double expected = drift * (f.end_t - off_t);
    EXPECT_NEAR(f.miss_m, expected, drift * 0.1 + 1.0) << "silent " << before << " s before impact";
    EXPECT_GT(f.miss_m, 0.5 * drift * before);
  }
}

TEST(ArmSeeker, TakesAnotherRadiatingEmitterWhenItsOwnFallsSilent) {
  ArmSeeker sk(seeker(0.0, 4.0), 1, 0);
  const LocalFrame f(kRadar);
  const Vec3 pos = f.to_ecef(Vec3(-50e3, 0.0, 8000.0));
  const Vec3 vel = f.vector_to_ecef(Vec3(700.0, 0.0, 0.0));
  // A radar and a weaker decoy 3 km away: the radar is taken first.
  std::vector<Emitter> es{{0, f.to_ecef(Vec3(0, 0, 0)), 100e3, 5.0, 3e9, true}, {1, f.to_ecef(Vec3(0, 3000, 0)), 20e3, 5.0, 3e9, true}};
  sk.look(0.0, pos, vel, es);
  EXPECT_EQ(sk.locked_id(), 0);
  es[0].radiating = false;   // EMCON: the radar falls silent, the decoy still radiates
  const auto aim = sk.look(1.0, pos, vel, es);
  EXPECT_EQ(sk.locked_id(), 1);
  EXPECT_FALSE(sk.in_memory());
  EXPECT_NEAR((*aim - es[1].pos_ecef).norm(), 0.0, 1e-6);
  // Both silent: memory of the decoy, drifting 4 m/s x 5 s = 20 m from it.
  es[1].radiating = false;
  sk.look(2.0, pos, vel, es);
  const auto drift = sk.look(7.0, pos, vel, es);
  EXPECT_TRUE(sk.in_memory());
  EXPECT_NEAR((*drift - es[1].pos_ecef).norm(), 20.0, 1e-6);
}
