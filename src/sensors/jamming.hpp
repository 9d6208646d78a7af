#pragma once
// Noise jamming of a radar receiver (Skolnik, Introduction to Radar Systems 3rd ed., sec. 10.9;
// Adamy, EW 101, ch. 9). A barrage jammer spreads power Pj over its band Bj; the radar receives the
// noise power spectral density
//   J0 = Pj Gj Gr(theta) lambda^2 / ((4 pi)^2 Rj^2 Lj Bj)          [W/Hz]
// through its receive gain Gr in the jammer's direction (main lobe or side lobes). It adds to the
// thermal noise density N0 = k T0 F, so the detection SNR becomes SINR = E / (N0 + J0) with E the
// echo energy of the range equation.
#include "sensors/radar_params.hpp"
#include "world/jammer.hpp"

namespace skyshield {

// Thermal noise density N0 = k T0 F of a configured radar (W/Hz).
double thermal_noise_density(const RadarParams& p);

// Receive gain (linear) of the radar antenna off its beam axis by (d_az, d_el) radians: a Gaussian
// main lobe G exp(-4 ln2 ((d_az/bw_az)^2 + (d_el/bw_el)^2)) (-3 dB at half a beamwidth) that never
// falls below the side-lobe floor G * sidelobe_level.
double receive_gain(const RadarParams& p, double d_az_rad, double d_el_rad);

// Jammer noise density J0 (W/Hz) at the radar from a jammer range_m away, received with gain
// rx_gain_linear. Zero when the jammer's band misses the radar's frequency.
double jammer_noise_density(const RadarParams& p, const JammerParams& j, double range_m, double rx_gain_linear);

// Jammer-to-signal ratio (linear, J0 / E) for a self-protection jammer on a target of mean RCS rcs_m2
// at range_m, both in the main lobe.
double self_protection_js(const RadarParams& p, const JammerParams& j, double rcs_m2, double range_m);

// Jammer-to-signal ratio (linear) of a self-protection repeater (deception jammer) against the skin
// echo of its carrier, RCS rcs_m2 at range_m, both in the radar's main lobe (Adamy, EW 101 ch. 9):
//   J = Pj Gj Gr lambda^2 / ((4 pi)^2 R^2),  S = Pt Gt Gr lambda^2 sigma / ((4 pi)^3 R^4)
//   J/S = 4 pi Pj Gj R^2 / (Pt Gt sigma).
// The false echo captures the range and velocity gates when J/S > 1.
double repeater_js(const RadarParams& p, const DeceptionJammerParams& j, double rcs_m2, double range_m);

// Burn-through range: the range inside which a self-protecting target of RCS rcs_m2 gives the SINR
// snr_needed (linear) despite its jammer, thermal noise included. Solving
//   A / R^4 = s (N0 + B / R^2)   (A = E R^4, B = J0 R^2)  ->  R^2 = (-sB + sqrt(s^2 B^2 + 4 s N0 A)) / (2 s N0).
double burn_through_range_m(const RadarParams& p, const JammerParams& j, double rcs_m2, double snr_needed);

}  // namespace skyshield
