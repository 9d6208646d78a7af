#pragma once
// Motion models of the tracker, all on the 9-state [p, v, a] (tracking/state.hpp):
//  - constant velocity (CV): continuous white-noise acceleration on p, v; the acceleration is reset
//    to zero with a small variance (Bar-Shalom, Li & Kirubarajan 2001, "Estimation with Applications
//    to Tracking and Navigation" (BLK), sec. 6.2.2; the zero-acceleration form used to mix CV with CA
//    in an IMM, BLK sec. 11.6.6);
//  - constant acceleration (CA): Wiener-process acceleration, white jerk (BLK sec. 6.2.3);
//  - coordinated turn (CT): the 3-D constant-turn model with the turn rate carried by the state,
//    x''' = -w^2 x' per axis with w = |v x a| / |v|^2 (Li & Jilkov 2003, "Survey of maneuvering target
//    tracking, Part I", IEEE T-AES 39(4), sec. V.B, eq. 60-61), white-jerk noise;
//  - ballistic: gravity (WGS-84 + J2), Coriolis and centrifugal terms of the turning earth, and drag
//    -rho |v| v / (2 beta) with a nominal ballistic coefficient beta (US-1976 density; altitude from a
//    sphere of the local radius), integrated by RK4; white acceleration noise covers the beta error.
#include <string_view>

#include "core/geo.hpp"
#include "tracking/state.hpp"

namespace skyshield {

enum class MotionModel { ConstantVelocity, ConstantAcceleration, CoordinatedTurn, Ballistic };

bool motion_model_from_string(std::string_view s, MotionModel& out);
const char* to_string(MotionModel m);

struct MotionNoise {
  double cv_q = 10.0;              // m^2/s^3 white acceleration (CV)
  double cv_accel_sigma = 0.5;     // m/s^2 left on the reset acceleration of CV
  double ca_q = 1000.0;            // m^2/s^5 white jerk (CA): the manoeuvre model, ~3 g per s
  double ct_q = 100.0;             // m^2/s^5 white jerk (CT)
  double ballistic_q = 20.0;       // m^2/s^3 white acceleration (ballistic: beta error, lift)
};

// What the ballistic model needs besides the state: the tracker's frame (gravity, altitude; null
// means a flat earth with g = 9.80665 m/s^2 and altitude = up) and the nominal ballistic coefficient.
struct MotionContext {
  const LocalFrame* frame = nullptr;
  double ballistic_beta_kg_m2 = 20000.0;  // m / (Cd A) of a re-entry vehicle
};

// Deterministic part of the motion over dt (dt may be negative for the linear models).
Vec9 propagate(MotionModel m, const Vec9& x, double dt, const MotionContext& ctx);
// Jacobian of propagate at x (analytic for CV/CA; CT with the turn rate held at its value at x;
// central differences for the ballistic model).
Mat9 transition_jacobian(MotionModel m, const Vec9& x, double dt, const MotionContext& ctx);
// The ballistic Jacobian when the propagated state y = propagate(Ballistic, x, dt) is known.
Mat9 ballistic_transition(const Vec9& x, const Vec9& y, double dt, const MotionContext& ctx);
// Process noise covariance over |dt|.
Mat9 process_noise(MotionModel m, double dt, const MotionNoise& n);
// The CV, CA and CT transitions act on each axis alike: F = f (x) I3 on the state [p, v, a], with the
// 3x3 block f here (false, f untouched, for the ballistic model, which couples the axes). The process
// noise of every model is Q = q (x) I3 with the block q.
bool axis_transition(MotionModel m, const Vec9& x, double dt, Mat3& f);
Mat3 axis_process_noise(MotionModel m, double dt, const MotionNoise& n);

// Turn rate (rad/s) of the state's velocity and acceleration: |v x a| / |v|^2.
double turn_rate(const Vec9& x);
// Apparent acceleration of an unpowered body at (p, v) in the frame (ctx: frame and beta).
Vec3 ballistic_acceleration(const Vec3& p, const Vec3& v, const MotionContext& ctx);

}  // namespace skyshield
