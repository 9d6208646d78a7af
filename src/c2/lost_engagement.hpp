#pragma once
// Engagements that outlive their track (issue 31, doubled shots). A round in flight keeps homing on
// its object when the engaged track coasts (its target unseen for fire_control_max_misses looks) or
// is dropped by the tracker: its seeker, or its last uplink, still carries it there. A new track
// started on that object meanwhile (re-initiated, or a duplicate the tracker has not merged) is, to
// the command post, a threat nobody engages, and drew a second round while the first still flew.
//
// The command post keeps, for each engagement with rounds in flight, the engaged track's last
// estimate seen in the picture (position, velocity and their covariance at the track's time), and
// keeps the engagement itself until its rounds' outcomes are reported even when the tracker drops
// the track. A track inside the gate of such an engagement whose track is coasting or lost is held
// (not engaged) until those rounds end: the 3-dof chi-square gate (99.9 %, 16.27) on the difference
// of positions, the engaged estimate predicted to now at constant velocity,
//   p(t) = p + v dt,   P(t) = Ppp + dt (Ppv + Ppv') + dt^2 Pvv,
// plus the candidate's position covariance and kHoldFloorSigmaM per axis on each (model mismatch,
// the tracker's merge floor). After the outcome the held track is engaged as any other (the kill
// assessment of the lost track says nothing of it).
#include "core/vec.hpp"
#include "tracking/track.hpp"

namespace skyshield {

inline constexpr double kHoldGateChi2 = 16.27;     // 3 dof, 99.9 %
inline constexpr double kHoldFloorSigmaM = 100.0;  // per axis, on each estimate

// An engaged track's estimate as last seen (battalion frame).
struct EngagedEstimate {
  bool valid = false;
  double t = 0.0;
  Vec3 p = Vec3::Zero(), v = Vec3::Zero();
  Mat3 Ppp = Mat3::Zero(), Ppv = Mat3::Zero(), Pvv = Mat3::Zero();
};

EngagedEstimate engaged_estimate(const Track& tr);
// Position and position covariance predicted to t at constant velocity.
void predict_engaged(const EngagedEstimate& e, double t, Vec3& p, Mat3& P);
// Squared Mahalanobis distance of a track's position at its time from the engaged estimate
// predicted to that time, with the floor on each.
double engaged_distance2(const EngagedEstimate& e, const Track& candidate, double floor_sigma_m = kHoldFloorSigmaM);

}  // namespace skyshield
