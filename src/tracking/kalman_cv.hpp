#pragma once
// Linear Kalman filter with a nearly-constant-velocity motion model (continuous white-noise
// acceleration, Bar-Shalom, Li & Kirubarajan, Estimation with Applications to Tracking and
// Navigation, sec. 6.2.2) and Cartesian position measurements.
#include "core/vec.hpp"
#include "tracking/track.hpp"

namespace skyshield {

// Transition matrix F(dt) and process noise Q(dt) for spectral density q (m^2/s^3) per axis.
Mat6 cv_transition(double dt);
Mat6 cv_process_noise(double dt, double q);

// Predict (x, P) forward by dt.
void cv_predict(Vec6& x, Mat6& P, double dt, double q);

struct Innovation {
  Vec3 y = Vec3::Zero();       // z - H x
  Mat3 S = Mat3::Identity();   // H P H' + R
  double mahalanobis2 = 0.0;   // y' S^-1 y
};
Innovation cv_innovation(const Vec6& x, const Mat6& P, const Vec3& z, const Mat3& R);

// Kalman update with a position measurement z (covariance R); Joseph form for P.
void cv_update(Vec6& x, Mat6& P, const Vec3& z, const Mat3& R);

}  // namespace skyshield
