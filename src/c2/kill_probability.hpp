#pragma once
// The kill probability the command post expects of one interceptor against one track, from the
// interceptor class and the engagement geometry:
//   Pk = Pk_single_shot(threat class, speed: the class's envelope table; else the warhead's zero-miss pk) x P_handover,
// where P_handover is the probability that the target lies where the interceptor will look for it:
//  - an interceptor with a seeker must find the target within its acquisition basket (the radius
//    around the uplinked position it searches, seeker_basket_m) at the predicted intercept point.
//    With mid-course uplink the radar keeps updating the missile, and the error at handover is the
//    track's current error (steady tracking assumed); without it (inertial mid-course) the error is
//    the track's position error propagated to the intercept time (constant velocity, no process
//    noise: a lower bound on the spread);
//  - a command-guided interceptor (no seeker) flies on the track to the end: the target must lie
//    within the lethal radius of the track's current estimate.
// The error is projected on the plane normal to the interceptor's approach direction (the miss
// plane); its along-track part only shifts the fuzing time.
#include <Eigen/Core>

#include "c2/fire_control.hpp"
#include "tracking/track.hpp"
#include "weapons/interceptor_class.hpp"

namespace skyshield {

// P(|m| <= r) for a zero-mean 2-D Gaussian m with covariance S (the "circular hit probability"),
// by the exact one-dimensional integral over the angle in the principal axes (Grubbs 1964 form):
//   P = 1/(2 pi s1 s2) Int_0^2pi (1 - exp(-a(th) r^2 / 2)) / a(th) dth,  a = cos^2/s1^2 + sin^2/s2^2.
double circular_hit_probability(const Eigen::Matrix2d& S, double r);

// Covariance of the track's position error at time t (constant-velocity propagation of the
// position/velocity blocks), projected on the plane normal to `direction`.
Eigen::Matrix2d miss_plane_covariance(const Track& track, double t, const Vec3& direction);

// Expected Pk of a launch with intercept solution s (feasible) from launcher_enu against track.
double engagement_pk(const InterceptorClass& cls, ThreatClass threat, const Track& track, const InterceptSolution& s,
                     const Vec3& launcher_enu);

}  // namespace skyshield
