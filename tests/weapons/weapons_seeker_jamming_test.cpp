// Electronic attack on interceptor seekers and home-on-jam (weapons/seeker_jamming.hpp,
// weapons/seeker_lock.hpp): the formulas against hand-worked cases and Adamy's decibel form, then
// flights against a deception repeater and a barrage noise jammer.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "notional_missile.hpp"

#include "core/geo.hpp"
#include "core/units.hpp"
#include "weapons/interceptor.hpp"
#include "weapons/seeker_jamming.hpp"

namespace skyshield {
namespace {

double db(double x) { return 10.0 * std::log10(x); }

// ---- formulas ----

TEST(SeekerJamming, ActiveBurnThroughRangeGivesTheThresholdSinr) {
  // SINR = 1 / (N/S + J/S) with S/N = thr (R0/R)^4 and J/S = k R^2 must equal thr at the returned
  // range (seeker_jamming.hpp derivation), over four decades of k.
  const double r0 = 22e3, thr = 20.0;
  for (double k : {1e-12, 1e-10, 1e-8, 1e-6}) {
    const double r = active_jammed_range_m(r0, thr, k);
    ASSERT_GT(r, 0.0);
    ASSERT_LT(r, r0);
    const double sinr = 1.0 / (1.0 / skin_snr(SeekerType::ActiveRadar, thr, r0, r) + k * r * r);
    EXPECT_NEAR(sinr / thr, 1.0, 1e-9) << "k " << k;
  }
  EXPECT_DOUBLE_EQ(active_jammed_range_m(r0, thr, 0.0), r0);  // no jammer: the jam-free range
}

TEST(SeekerJamming, ActiveBurnThroughHandWorkedCase) {
  // R0 = 10 km, thr = 10 (10 dB), k = 1.5e-9 /m^2. With x = R^2:
  //   x^2 / 1e16 + 10 * 1.5e-9 x - 1 = 0  ->  x^2 + 1.5e8 x - 1e16 = 0
  //   x = (-1.5e8 + sqrt(2.25e16 + 4e16)) / 2 = (-1.5e8 + 2.5e8) / 2 = 5e7 m^2,  R = 7071.068 m.
  // Check: S/N = 10 (1e4 / 7071.068)^4 = 40, J/S = 1.5e-9 * 5e7 = 0.075, 1/SINR = 0.025 + 0.075 = 0.1.
  EXPECT_NEAR(active_jammed_range_m(10e3, 10.0, 1.5e-9), std::sqrt(5e7), 1e-6);
}

TEST(SeekerJamming, SemiActiveJammedRangeAndDenial) {
  // R = R0 sqrt(1 - thr J/S): R0 = 10 km, thr = 10, J/S = 0.075 -> 10 km * sqrt(0.25) = 5 km
  // (check: S/N = 10 * 2^2 = 40, 1/40 + 0.075 = 0.1 = 1/thr).
  EXPECT_NEAR(semi_active_jammed_range_m(10e3, 10.0, 0.075), 5000.0, 1e-9);
  EXPECT_DOUBLE_EQ(semi_active_jammed_range_m(10e3, 10.0, 0.0), 10e3);
  // thr J/S >= 1: the jamming alone exceeds the allowed interference: no skin acquisition at any range.
  EXPECT_EQ(semi_active_jammed_range_m(10e3, 10.0, 0.1), 0.0);
  EXPECT_EQ(semi_active_jammed_range_m(10e3, 10.0, 0.5), 0.0);
}

TEST(SeekerJamming, BarrageJsHandWorked) {
  // J/S = 4 pi Pj Gj min(1, Bs/Bj) D^2 / (Lj ERP sigma): Pj = 100 W, Gj = 10 dB, Bj = 1 GHz, Bs = 10 MHz
  // (share 0.01), Lj = 0 dB, ERP = 50 dBW (1e5 W), sigma = 5 m^2, D = 10 km:
  //   4 pi * 100 * 10 * 0.01 * 1e8 / (1e5 * 5) = 4 pi * 2000 = 25132.74.
  JammerParams j{100.0, 10.0, 9e9, 10e9, 0.0};
  EXPECT_NEAR(seeker_barrage_js(j, 10e6, 1e5, 5.0, 10e3), 4.0 * kPi * 2000.0, 1e-6);
  // Adamy, EW 101 ch. 9, self-protection J/S in dB: 71 + ERPj(dBm) - ERPs(dBm) + 20 log R(km) - 10 log sigma,
  // ERPj the in-band jammer ERP: 50 dBm + 10 dB - 20 dB (share) = 40 dBm; ERPs = 80 dBm:
  //   71 + 40 - 80 + 20 - 6.99 = 44.01 dB (71 rounds 10 log(4 pi) + 60 = 70.99).
  EXPECT_NEAR(db(seeker_barrage_js(j, 10e6, 1e5, 5.0, 10e3)), 44.01, 0.02);
  j.losses_db = 3.0;  // losses divide
  EXPECT_NEAR(db(seeker_barrage_js(j, 10e6, 1e5, 5.0, 10e3)), 44.01 - 3.0, 0.02);
  EXPECT_NEAR(seeker_barrage_js(j, 2e9, 1e5, 5.0, 10e3), 100.0 * seeker_barrage_js(j, 10e6, 1e5, 5.0, 10e3), 1e-6);  // share <= 1
}

TEST(SeekerJamming, RepeaterJsAgainstAdamysDecibelForm) {
  // Adamy, EW 101 ch. 9 (the form the radars' test uses, sensors/jamming.hpp):
  //   J/S = 71 + Pj(dBm) + Gj + 20 log R(km) - ERP(dBm) - 10 log sigma.
  // Pj = 10 W (40 dBm), Gj = 10 dB, R = 10 km, ERP = 95 dBW (125 dBm, the library engagement radar
  // illuminating a track-via-missile seeker), sigma = 5 m^2: 71 + 40 + 10 + 20 - 125 - 6.99 = 9.01 dB.
  DeceptionJammerParams j;
  j.power_w = 10.0;
  j.gain_db = 10.0;
  EXPECT_NEAR(db(seeker_repeater_js(j, std::pow(10.0, 9.5), 5.0, 10e3)), 9.01, 0.02);
}

TEST(SeekerJamming, HomeOnJamLockRangeIsWhereJnEqualsThreshold) {
  // J/N = (J/S)(S/N): active J/N = k R^2 thr (R0/R)^4 = thr at R = R0^2 sqrt(k);
  // R0 = 10 km, k = 1e-6: R = 1e8 * 1e-3 = 100 km (here the burn-through range is only ~316 m).
  const double r0 = 10e3, thr = 20.0, k = 1e-6;
  const double r = active_hoj_range_m(r0, k);
  EXPECT_NEAR(r, 100e3, 1e-6);
  EXPECT_NEAR(k * r * r * skin_snr(SeekerType::ActiveRadar, thr, r0, r) / thr, 1.0, 1e-12);
  // Semi-active: J/N = J/S thr (R0/R)^2 = thr at R = R0 sqrt(J/S): J/S = 4 -> 20 km.
  EXPECT_NEAR(semi_active_hoj_range_m(r0, 4.0), 20e3, 1e-9);
  EXPECT_NEAR(4.0 * skin_snr(SeekerType::SemiActive, thr, r0, 20e3) / thr, 1.0, 1e-12);
}

InterceptorClass jammable_class(bool hoj) {
  InterceptorClass c = test::notional_missile();
  c.nav_constant = 4.0;
  c.lethal_radius_m = 20.0;
  c.pk_in_lethal_radius.fill(1.0);
  c.seeker_frequency_hz = 10e9;
  c.seeker_erp_w = 1e5;         // 50 dBW
  c.seeker_bandwidth_hz = 1e6;
  c.seeker_snr_db = 13.0;
  c.home_on_jam = hoj;
  c.seeker_reacquire_s = 1.0;
  return c;
}

TEST(SeekerJamming, AssessmentWithoutAJammerInBandIsTheJamFreeRange) {
  const InterceptorClass c = jammable_class(true);
  TruthView tv;
  tv.rcs = RcsPattern::isotropic(5.0);
  EXPECT_FALSE(seeker_jammable(c, tv));
  JammerParams out_of_band{100.0, 10.0, 2e9, 4e9, 0.0};
  tv.jammer = &out_of_band;
  EXPECT_FALSE(seeker_jammable(c, tv));
  const SeekerJamming a = assess_seeker_jamming(c, tv, 0.0, 10e3, 10e3, 22e3, 5.0);
  EXPECT_EQ(a.skin_range_m, 22e3);
  EXPECT_FALSE(a.strobe);
  // In band: the skin range is the burn-through range with k = J/S at 1 m.
  JammerParams in_band{0.1, 0.0, 8e9, 12e9, 0.0};
  tv.jammer = &in_band;
  const SeekerJamming b = assess_seeker_jamming(c, tv, 0.0, 10e3, 10e3, 22e3, 5.0);
  const double k = seeker_barrage_js(in_band, 1e6, 1e5, 5.0, 1.0);
  EXPECT_DOUBLE_EQ(b.skin_range_m, active_jammed_range_m(22e3, std::pow(10.0, 1.3), k));
  EXPECT_NEAR(b.noise_js, k * 1e8, 1e-12 * k * 1e8);
}

// ---- flights ----

const LocalFrame kFrame(Geodetic{-25.0, 135.0, 0.0});

struct JammedFlight {
  InterceptorOutcome outcome;
  int deception_breaks = 0;
  int strobe_losses = 0;
  double first_lock_range_m = -1.0;      // missile-target range at the first lock
  SeekerMode first_lock_mode = SeekerMode::Skin;
  int lock_drops_inside_skin_range = 0;  // locks lost once inside the jam-free acquisition range
  double last_break_t = -1.0;            // time of the last deception break
};

// The weapons tests' target (interceptor test): 5 m^2, straight at 250 m/s, perfect uplink.
JammedFlight fly_jammed(const InterceptorClass& c, const JammerParams* noise, const DeceptionJammerParams* repeater, std::uint64_t seed) {
  const Vec3 t0(15e3, 40e3, 8000.0), v(-150.0, -200.0, 0.0);
  TruthView tv;
  tv.id = 42;
  tv.rcs = RcsPattern::isotropic(5.0);
  tv.jammer = noise;
  tv.deception = repeater;
  Interceptor m(1, &c, 7, 0.0, kFrame.to_ecef(Vec3(0, 0, 5)), kFrame.to_ecef(t0 + v * 30.0), Rng(seed));
  const double r0 = c.seeker_range_m * std::pow(5.0 / c.seeker_reference_rcs_m2, 0.25);
  JammedFlight f;
  int last_lock = -1;
  const double dt = 0.05;
  for (int k = 0; k < 4000 && m.flying(); ++k) {
    const double t = k * dt;
    tv.pos_ecef = kFrame.to_ecef(t0 + v * t);
    tv.vel_ecef = kFrame.vector_to_ecef(v);
    const double range = (tv.pos_ecef - m.pos()).norm();
    const std::vector<TruthView> targets{tv};
    const int breaks = m.deception_breaks();
    m.step(t, dt, Uplink{tv.pos_ecef, tv.vel_ecef}, targets);
    if (m.deception_breaks() > breaks) f.last_break_t = t;
    if (m.seeker_lock() >= 0 && f.first_lock_range_m < 0) {
      f.first_lock_range_m = range;
      f.first_lock_mode = m.seeker_mode();
    }
    if (last_lock >= 0 && m.seeker_lock() < 0 && range < r0) ++f.lock_drops_inside_skin_range;
    last_lock = m.seeker_lock();
  }
  f.outcome = m.outcome();
  f.deception_breaks = m.deception_breaks();
  f.strobe_losses = m.strobe_losses();
  return f;
}

DeceptionJammerParams repeater() {
  // 10 W, 10 dB over 8-12 GHz: against the 50 dBW seeker and 5 m^2, J/S = 4 pi 100 R^2 / 5e5 = 2.5e-3 R^2,
  // above 1 beyond 20 m. Pull-off 100 m/s^2 to 500 m (3.16 s), then off 1 s: a 4.16 s cycle, two or
  // more in the terminal homing from the 22 km acquisition range (closing ~1.5 km/s).
  DeceptionJammerParams d;
  d.power_w = 10.0;
  d.gain_db = 10.0;
  d.band_low_hz = 8e9;
  d.band_high_hz = 12e9;
  d.pull_accel_mps2 = 100.0;
  d.max_offset_m = 500.0;
  d.off_s = 1.0;
  return d;
}

TEST(SeekerJammingFlight, GatePullOffBreaksTheLockWithoutHomeOnJam) {
  const DeceptionJammerParams d = repeater();
  const JammedFlight f = fly_jammed(jammable_class(false), nullptr, &d, 11);
  // Locked at 22.4 km, ~14 s before the intercept: a break every 4.16 s cycle (5 with seed 11), the
  // last inside the terminal homing's final 10 s.
  EXPECT_GE(f.deception_breaks, 2);
  EXPECT_GT(f.last_break_t, f.outcome.t - 10.0);
  EXPECT_EQ(f.strobe_losses, 0);
  // The uplink guides between the locks: the flight still ends at the target.
  EXPECT_NE(f.outcome.state, InterceptorState::SelfDestructed);
}

TEST(SeekerJammingFlight, HomeOnJamFollowsTheRepeaterAndNeverBreaks) {
  const DeceptionJammerParams d = repeater();
  const JammedFlight f = fly_jammed(jammable_class(true), nullptr, &d, 11);
  EXPECT_EQ(f.deception_breaks, 0);
  // Beyond the skin's acquisition range the strobe is the only thing to hold, and it stops every cycle
  // (strobe losses are allowed there); inside it the lock is never lost.
  EXPECT_EQ(f.lock_drops_inside_skin_range, 0);
  EXPECT_EQ(f.outcome.state, InterceptorState::Killed);
}

TEST(SeekerJammingFlight, NoRepeaterNoBreak) {
  const JammedFlight f = fly_jammed(jammable_class(false), nullptr, nullptr, 11);
  EXPECT_EQ(f.deception_breaks, 0);
  EXPECT_EQ(f.strobe_losses, 0);
  EXPECT_EQ(f.outcome.state, InterceptorState::Killed);
}

TEST(SeekerJammingFlight, OutOfBandRepeaterChangesNothing) {
  // Bit-identical flight: a jammer outside the seeker's band draws no random number and changes nothing.
  DeceptionJammerParams d = repeater();
  d.band_low_hz = 2e9;
  d.band_high_hz = 4e9;
  const JammedFlight a = fly_jammed(jammable_class(false), nullptr, &d, 12), b = fly_jammed(jammable_class(false), nullptr, nullptr, 12);
  EXPECT_EQ(a.outcome.t, b.outcome.t);
  EXPECT_EQ(a.outcome.miss_distance_m, b.outcome.miss_distance_m);
  EXPECT_EQ(a.first_lock_range_m, b.first_lock_range_m);
}

TEST(SeekerJammingFlight, NoiseJammingDelaysAcquisitionAndHomeOnJamAdvancesIt) {
  // 0.1 W, 0 dB over 8-12 GHz, 1 MHz in band (share 2.5e-4): k = 4 pi 0.1 2.5e-4 / (1e5 5) = 6.28e-10 /m^2;
  // R0 = 15 km (5/1)^(1/4) = 22.4 km, thr = 13 dB: burn-through ~9.3 km, home-on-jam lock R0^2 sqrt(k) = 12.6 km.
  const JammerParams noise{0.1, 0.0, 8e9, 12e9, 0.0};
  const JammedFlight clear = fly_jammed(jammable_class(false), nullptr, nullptr, 13);
  const JammedFlight jammed = fly_jammed(jammable_class(false), &noise, nullptr, 13);
  const JammedFlight hoj = fly_jammed(jammable_class(true), &noise, nullptr, 13);
  const double r0 = 15e3 * std::pow(5.0, 0.25), k = seeker_barrage_js(noise, 1e6, 1e5, 5.0, 1.0);
  const double burn = active_jammed_range_m(r0, std::pow(10.0, 1.3), k), lock = active_hoj_range_m(r0, k);
  ASSERT_GT(clear.first_lock_range_m, 0.0);
  ASSERT_GT(jammed.first_lock_range_m, 0.0);
  ASSERT_GT(hoj.first_lock_range_m, 0.0);
  EXPECT_LT(jammed.first_lock_range_m, clear.first_lock_range_m);
  EXPECT_GT(hoj.first_lock_range_m, jammed.first_lock_range_m);
  // Each within one engine step of closing (~1.6 km/s x 0.05 s) of its range.
  EXPECT_NEAR(clear.first_lock_range_m, r0, 150.0);
  EXPECT_NEAR(jammed.first_lock_range_m, burn, 150.0);
  EXPECT_NEAR(hoj.first_lock_range_m, lock, 150.0);
  EXPECT_EQ(jammed.first_lock_mode, SeekerMode::Skin);
  EXPECT_EQ(hoj.first_lock_mode, SeekerMode::HomeOnJam);
  EXPECT_EQ(hoj.outcome.state, InterceptorState::Killed);
  EXPECT_EQ(hoj.strobe_losses, 0);  // a noise jammer radiates all along: the seeker goes over to the skin
}

TEST(SeekerJammingFlight, NoisySeekerStillHitsThroughNoiseJammingAndHomeOnJam) {
  // With thermal angle noise (rising with the jammer's J/S), glint and 5 mrad strobe noise the flights
  // still end inside the lethal radius (the uplink and the rate filter carry the end game).
  const JammerParams noise{0.1, 0.0, 8e9, 12e9, 0.0};
  for (bool hoj : {false, true}) {
    InterceptorClass c = jammable_class(hoj);
    c.seeker_tau_s = 0.1;
    c.seeker_angle_noise_rad = 3e-3;
    c.seeker_glint_m = 1.0;
    c.seeker_hoj_angle_noise_rad = hoj ? 5e-3 : 0.0;
    const JammedFlight f = fly_jammed(c, &noise, nullptr, 14);
    EXPECT_EQ(f.outcome.state, InterceptorState::Killed) << "hoj " << hoj << " miss " << f.outcome.miss_distance_m;
  }
}

}  // namespace
}  // namespace skyshield
