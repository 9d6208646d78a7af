#pragma once
// A confirmed track re-initiated on the object of an older one (the older track lost it, in a
// manoeuvre say, and a new track started on its detections): the test that lets the tracker merge
// the two (Tracker::merge_duplicates; the older number holds the object on, with the fresh estimate).
//
// Hypotheses, when the fresh track F is confirmed: H1, F holds the object of an older confirmed track
// A that has not been updated since F's first detection; H0, F holds another object and A's object
// is gone (killed, out of sight) or elsewhere. H1 is rejected when either of its consequences fails:
//   - the gap: under H1 A's object was in view and went undetected at every look that covered A
//     between A's last update and F's first detection (had it been detected, that detection would
//     have updated A or started F). k such looks have probability (1 - Pd)^k; H1 is rejected at
//     level alpha (the tracker's duplicate_false_merge_probability) once (1 - Pd)^k <= alpha, i.e.
//     k >= K = ceil(ln alpha / ln(1 - Pd)) (K = 3 at Pd = 0.9, alpha = 1e-3). A track records the
//     time of its K-th consecutive covered miss (Track::lost_t); F can continue A only if F's first
//     detection came no later (the miss at that look itself is F's detection going to F).
//   - the kinematics: F's position inside the 3-dof chi-square gate (99.9 %) of A's prediction, with
//     the sum of their covariances plus merge_min_sigma_m per axis on each.
// The test is made once, at F's confirmation: A's predicted covariance only grows afterwards, so a
// later test could only admit what the first refused (a coasting track's gate, widened for seconds,
// took a drone 3.8 km behind the one it had held: issue 31).
#include "tracking/state.hpp"

namespace skyshield {

// K: the covered looks missed in a row after which an object still in view would have been detected
// with probability at least 1 - alpha (the smallest k with (1 - pd)^k <= alpha).
int reinitiation_miss_limit(double pd, double alpha);

// The kinematic test is tracking/gating.hpp's position_distance2 against gate_chi2.

// F (first detection at fresh_first_t) may hold the object of A (last updated at old_last_update_t,
// its K-th consecutive covered miss at old_lost_t, +inf when it has not missed K looks in a row).
inline bool reinitiation_gap_plausible(double old_last_update_t, double old_lost_t, double fresh_first_t) {
  return old_last_update_t <= fresh_first_t && fresh_first_t <= old_lost_t;
}

}  // namespace skyshield
