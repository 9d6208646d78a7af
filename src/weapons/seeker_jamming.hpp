#pragma once
// Electronic attack against an interceptor's seeker, and home-on-jam (issue 32). Textbook physics:
// Skolnik, Introduction to Radar Systems 3rd ed., sec. 10.9 (noise jamming, burn-through); Adamy,
// EW 101, ch. 9 (J/S of self-protection noise jammers and repeaters, decibel forms); Schleher,
// Electronic Warfare in the Information Age, ch. 4 (range/velocity-gate pull-off, home-on-jam).
//
// Derivation. R0 is the seeker's jam-free acquisition range against the target (Seeker::
// acquisition_range), where the skin signal-to-noise ratio equals the detection threshold thr
// (class `seeker_snr_db`). The echo's source radiates ERP = Pt Gt toward the target (an active
// seeker's own transmitter; the illuminating engagement radar for semi-active and track-via-missile);
// the seeker receives with gain Gs at wavelength lambda. Skin echo at the seeker, missile range R,
// illumination range Ri (Ri = R for an active seeker):
//   S = ERP sigma lambda^2 Gs / ((4 pi)^3 Ri^2 R^2)   ->  S/N = thr (R0/R)^4 (active), thr (R0/R)^2 (semi-active, TVM)
// (R0 of a semi-active seeker already holds the present illumination range).
// A self-protection barrage jammer on the target, power Pj, gain Gj, losses Lj, spread over Bj, of
// which a receiver of noise bandwidth Bs takes the share min(1, Bs/Bj):
//   J = Pj Gj lambda^2 Gs min(1, Bs/Bj) / ((4 pi)^2 R^2 Lj)
//   J/S = 4 pi Pj Gj min(1, Bs/Bj) D^2 / (Lj ERP sigma),   D = R (active), D = Ri (semi-active, TVM:
//   independent of the missile's range: both the echo and the noise fall as 1/R^2 to the missile).
// Track-via-missile: the ground processing gain G (weapons/track_via_missile.hpp) acts on noise-like
// jamming as on thermal noise, so its effective J/S is the above / G (R0 already holds G).
// SINR = 1 / (N/S + J/S); the jammed acquisition range is the largest R with SINR >= thr:
//   active (J/S = k R^2):   R^4 / (thr R0^4) + k R^2 = 1/thr  ->  x^2/R0^4 + thr k x - 1 = 0, x = R^2,
//                           x = 2 / (thr k + sqrt(thr^2 k^2 + 4 / R0^4))   (the positive root, rationalised);
//   semi-active (J/S fixed): R = R0 sqrt(1 - thr J/S) when thr J/S < 1, else no skin acquisition.
// A coherent repeater (world/jammer.hpp DeceptionJammerParams; no bandwidth share, no losses):
//   J/S_rep = 4 pi Pj Gj D^2 / (ERP sigma); its false echo captures the range and velocity gates
//   when J/S_rep > 1 and the repeater radiates (offset(t).on).
// Home-on-jam: the seeker can lock the jam strobe of a radiating jammer in its band when the jammer-
// to-noise ratio J/N = (J/S)(S/N) reaches thr (sigma and ERP cancel): active J/N = thr k R0^4 / R^2,
// lock range R0^2 sqrt(k); semi-active J/N = thr J/S (R0/R)^2, lock range R0 sqrt(J/S).
// A seeker without `seeker_frequency_ghz` is not affected by any jammer.
#include "weapons/interceptor_class.hpp"
#include "world/truth_view.hpp"

namespace skyshield {

// Skin S/N (linear) at range r_m given the threshold thr (linear) at the jam-free acquisition range r0_m.
double skin_snr(SeekerType type, double thr, double r0_m, double r_m);
// J/S (linear) of a self-protection barrage jammer against a seeker of noise bandwidth bs_hz whose echo
// source radiates erp_w, target RCS rcs_m2, distance d_m (R active, Ri semi-active / TVM).
double seeker_barrage_js(const JammerParams& j, double bs_hz, double erp_w, double rcs_m2, double d_m);
// J/S (linear) of a self-protection repeater: 4 pi Pj Gj D^2 / (ERP sigma).
double seeker_repeater_js(const DeceptionJammerParams& j, double erp_w, double rcs_m2, double d_m);
// Active seeker: the jammed acquisition (burn-through) range for k = J/S / R^2 (1/m^2); r0 when k = 0.
double active_jammed_range_m(double r0_m, double thr, double k_per_m2);
// Semi-active / TVM: the jammed acquisition range for the (range-independent) J/S; 0 = no skin acquisition.
double semi_active_jammed_range_m(double r0_m, double thr, double js);
// Home-on-jam lock range (J/N = thr): active R0^2 sqrt(k); semi-active R0 sqrt(J/S).
double active_hoj_range_m(double r0_m, double k_per_m2);
double semi_active_hoj_range_m(double r0_m, double js);

// What the jammers on one target do to one seeker at one moment.
struct SeekerJamming {
  double skin_range_m = 0.0;   // acquisition range of the skin echo (R0 when not jammed; 0: denied)
  double noise_js = 0.0;       // the barrage jammer's J/S (effective, linear) now; 0: none in band
  bool repeater_on = false;    // a repeater in band radiates now
  bool gates_captured = false; // ... with J/S > 1: it holds the range/velocity gates
  bool strobe = false;         // a jam strobe the seeker can home on (home_on_jam, radiating, J/N >= thr)
};

// True when a jammer on the target covers the seeker's frequency (seeker_frequency_ghz set).
bool seeker_jammable(const InterceptorClass& c, const TruthView& target);
// The jamming of this seeker by this target at time t: missile range range_m, illumination range
// r_illum_m (semi-active / TVM), jam-free acquisition range r0_m, target RCS toward the missile rcs_m2.
SeekerJamming assess_seeker_jamming(const InterceptorClass& c, const TruthView& target, double t, double range_m,
                                    double r_illum_m, double r0_m, double rcs_m2);

}  // namespace skyshield
