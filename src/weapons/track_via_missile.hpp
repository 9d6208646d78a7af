#pragma once
// Track-via-missile (TVM) terminal guidance. Structure (public descriptions of the Patriot family's
// TVM, e.g. the "MIM-104 Patriot" guidance section of public encyclopaedias; Zarchan, Tactical and
// Strategic Missile Guidance, on command and homing loops): the engagement radar illuminates the
// target; a receiver on the missile picks up the echo and downlinks it; the ground computer measures
// the target's angle from the missile in that echo, combines it with the radar's own track and
// uplinks the guidance commands. The missile's receiver therefore does no detection of its own: the
// echo is looked for only in the range gate and Doppler bin that the radar's track predicts, and it
// is integrated on the ground over the radar's dwell. That gain G (coherent integration and gating
// against an autonomous seeker's search) raises the receiver's signal-to-noise ratio at every range
// by G, so with the bistatic echo power ~ sigma / (R_i^2 R^2) (weapons/seeker.hpp):
//   R_acq,TVM = R_acq,bistatic * sqrt(G),
// and the angle measurement's thermal noise at a given range falls by sqrt(G) with it (the seeker
// scales the noise with R / R_acq). G is NOTIONAL (interceptor class `tvm_processing_gain_db`,
// default 0 dB: the bistatic seeker as before). The terminal error across the line of sight is then
// the missile's angle error times the missile-target range, which shrinks as the range closes,
// instead of the radar's angle error times the radar-target range.
namespace skyshield {

// The TVM receiver's acquisition range from the bistatic one and the ground processing gain (dB).
double tvm_acquisition_range_m(double bistatic_range_m, double processing_gain_db);

}  // namespace skyshield
