#pragma once
// Track initiation (tracking/tracker.hpp): how the detections no track takes start tentative tracks.
//  - one_point: every such detection starts a tentative track at once (position measured, velocity
//    unknown), which the next looks confirm or delete.
//  - two_point: such a detection is only an initiator (Blackman & Popoli 1999, "Design and Analysis
//    of Modern Tracking Systems", sec. 6.3; Bar-Shalom, Willett & Tian 2011 sec. 3.3). It stands for
//    the one-point track it would have started, and does what that track would do, without being
//    one:
//    * in a batch that would have taken that track as a candidate (its position inside the looked-at
//      volume grown by the candidate margin) and with a detection in its position gate
//      (two_point_distance2, a cheap marginal of its gate; velocity sigma sized from max_speed_mps,
//      loader.cpp) that passes the Doppler test below, the initiator joins the batch's association
//      as that track, predicted: gated on the full measurement (range, angles, range rate where
//      measured) and competing with the tracks and the other initiators for the detections, by the
//      same cost, GNN or JPDA. The detection it gets (under JPDA its likeliest, when "no detection"
//      is less likely than not) starts the pair's track, unless it fails the Doppler test with it
//      (the test uses the initiator's own range rate, which the one-point track ignores);
//    * it counts a miss at every batch, of any radar, whose looked-at volume holds its position and
//      that does not pair it, and is dropped at delete_misses_tentative of them or beyond the
//      tentative coast limit; paired once, it is used up;
//    * the pair's track starts before the batch's merge rules, so one confirmed at its second
//      detection goes through the re-initiation merge (tracker_merge.cpp) as the one-point track
//      confirmed at that detection does.
//    The track then holds exactly the state, hit history and score that one-point track would have
//    had after its second detection under GNN (under JPDA the one-point track would have had a PDA
//    update); a lone false alarm never becomes a track. (docs/air-picture.md traces the rules on
//    layered.yaml: initiators that outlived the one-point track, pairs outside its gate, and
//    detections a neighbour's track took, each cost an object's track seconds.)
#include <cmath>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/vec.hpp"
#include "sensors/measurement.hpp"

namespace skyshield {

enum class Initiation { OnePoint, TwoPoint };

// The radars (a batch's radar_index below this) for which the tracker remembers, per track and per
// initiator, when the radar's sweep can next reach it (tracking/sweep_reach.hpp, tracker.hpp).
inline constexpr int kSweepRadars = 4;
bool initiation_from_string(std::string_view s, Initiation& out);
const char* to_string(Initiation i);

// A detection no track took, waiting for a second one.
struct Initiator {
  Vec3 z;              // position in the tracker's frame
  Mat3 R;              // its covariance
  double t = 0.0;      // batch time
  double expires_t = 0.0;   // no pairing after this (the tentative coast limit)
  int radar_index = -1;
  int misses = 0;      // covered looks without a pair since t
  bool used = false;   // paired, or dropped after delete_misses_tentative misses
  // Range and, where its radar measures it, range rate, as measured (for the Doppler test below).
  double range_m = 0.0, sigma_range_m = 0.0;
  bool has_range_rate = false;
  double range_rate_mps = 0.0, sigma_range_rate_mps = 0.0;
  double trace_r = 0.0;   // R's trace (the quick reject of the pairing gate, two_point_distance2)
  // Per radar: the end time before which that radar's sweep cannot look at the initiator's position
  // (tracking/sweep_reach.hpp: a still point, no margin), and the time before which that is not
  // worked out again when it could not be; -infinity: unknown. Speed only: the miss count's test of
  // the batches in between would find the position outside (Tracker::add_initiator_candidates).
  double reach_t[kSweepRadars] = {kNoReach, kNoReach, kNoReach, kNoReach};
  double retry_t[kSweepRadars] = {kNoReach, kNoReach, kNoReach, kNoReach};
  static constexpr double kNoReach = -1e300;
};

// The Doppler test of two detections of one radar dt apart, each with its range r and range rate
// (sigmas sr, srr): one object's range is the integral of its range rate, and the trapezoid rule
// errs by at most dt^3/12 max|r'''| (the rule's error term), so
//   e = (r1 - r0) - dt (rr0 + rr1) / 2
// is that bounded error plus noise of variance sr0^2 + sr1^2 + dt^2/4 (srr0^2 + srr1^2). Differentiating
// r'' = a.u + vt^2 / r (u the line of sight, vt the velocity across it, u' = vt / r) gives
//   r''' = a'.u + 3 a.vt / r - 3 r' vt^2 / r^2,
// so for an object with speed V, acceleration A and jerk J within the bounds (TrackerParams
// max_speed_mps, max_accel_mps2, max_jerk_mps3), at ranges of at least r (r >= (r0 + r1 - V dt) / 2),
//   |r'''| <= J + 3 A V / r + (2 / sqrt 3) V^3 / r^2   (3 r' vt^2 <= 2 V^3 / sqrt 3 when r'^2 + vt^2 <= V^2).
// True when |e| is within that
// bound plus sqrt(gate_1dof) noise sigmas: the pair may be one object. Also true when nothing can be
// said (no range rate on either, or within 1 km of the radar). Two independent false alarms, with range
// rates uniform over +-1.5 km/s, rarely pass: the band is a few hundred metres, the position gate tens
// of kilometres.
bool doppler_consistent(const Initiator& c, const Measurement& m, double dt, double max_speed, double max_accel, double max_jerk,
                        double gate_1dof);

// The two-point position gate (a marginal of the one-point track's gate, tried first): the squared Mahalanobis distance of the offset d between the initiator and a
// detection dt later, under "one object moving at an unknown velocity": S = R0 + R + (sigma_v^2 dt^2 +
// q dt^3 / 3) I (the position covariance of the one-point constant-velocity track predicted over dt,
// velocity sigma sigma_v, white-acceleration density q (BLK eq. 6.2.2-12), plus the detection's).
// With sigma_v = max_speed / sqrt(gate) the gate takes an offset of about the largest speed times dt
// plus the noise. Infinity when the distance surely exceeds `gate` (not worked out).
double two_point_distance2(const Vec3& d, const Mat3& r0, const Mat3& r, double dt, double sigma_v, double cv_q, double gate);
// Its spread: sigma_v^2 dt^2 + q |dt|^3 / 3 (inline: the initiators' index evaluates it for every
// initiator in one loop, tracking/initiator_index.hpp).
inline double pair_spread(double dt, double sigma_v, double cv_q) {
  return sigma_v * sigma_v * dt * dt + cv_q * std::abs(dt * dt * dt) / 3.0;
}

}  // namespace skyshield
