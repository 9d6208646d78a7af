#pragma once
// The extended and unscented Kalman filters on the 9-state, behind one interface:
//  - predict: EKF x' = f(x), P' = F P F' + Q with F the model Jacobian; UKF by the scaled unscented
//    transform (Julier & Uhlmann 2004; van der Merwe 2004, alpha = 1, beta = 2, kappa = 0) through f;
//  - innovate: predicted measurement, innovation covariance S and state-measurement cross
//    covariance Pxz (EKF: P H'; UKF: from sigma points through h), with the chi-square distance;
//  - update: K = Pxz S^-1, x += K y, P -= K S K' = K Pxz' (the same for both filters).
// A 3-component measurement is carried in the 4-slot types with a unit, uncorrelated 4th slot.
#include <array>
#include <string_view>

#include "tracking/motion_models.hpp"
#include "tracking/spherical_measurement.hpp"

namespace skyshield {

enum class FilterKind { Ekf, Ukf };
bool filter_kind_from_string(std::string_view s, FilterKind& out);
const char* to_string(FilterKind k);

void predict(FilterKind k, MotionModel m, Gaussian& g, double dt, const MotionContext& ctx, const MotionNoise& noise);
// The mean of predict() alone, by the same operations (so the same bits) without the covariance;
// false, x untouched, where the mean depends on the covariance (the UKF on a nonlinear model).
bool predict_mean(FilterKind k, MotionModel m, Vec9& x, double dt, const MotionContext& ctx);

// predict()'s per-axis case (F = f (x) I3, Q = q (x) I3: CV, CA, and CT under the EKF): its f and
// q for a mean x; false where predict() goes another way (the ballistic model, the UKF's CT).
bool per_axis_prediction(FilterKind k, MotionModel m, const Vec9& x, double dt, const MotionNoise& noise, Mat3& f, Mat3& q);
// The mean predict() gives in that case: (f (x) I3) x.
Vec9 apply_axis_transition(const Mat3& f, const Vec9& x);
// The position block of the covariance predict() gives in that case, by the same operations on the
// blocks of P that enter it: blocks[c][c'] is P's 3x3 block (c, c'), read only where f(0, c) and
// f(0, c') are both non-zero. The same bits as predict()'s P.topLeftCorner<3, 3>().
Mat3 predicted_position_block(const Mat3& f, const Mat3& q, const std::array<std::array<Mat3, 3>, 3>& blocks);

struct SphericalInnovation {
  int dim = 3;
  Vec4 y = Vec4::Zero();
  Mat4 S = Mat4::Identity();
  Eigen::Matrix<double, 9, 4> Pxz = Eigen::Matrix<double, 9, 4>::Zero();
  double mahalanobis2 = 0.0;     // y' S^-1 y
  double log_det_S = 0.0;        // ln det of the dim x dim block
  // S^-1 from the one factorisation innovate() makes (factored true); an innovation built by hand
  // (factored false) is factored again where its gain is needed.
  Mat4 S_inv = Mat4::Identity();
  bool factored = false;

  // Gaussian likelihood N(y; 0, S) over dim components.
  double likelihood() const;
};

SphericalInnovation innovate(FilterKind k, const Gaussian& g, const SphericalMeasurement& z);
// The same, written into `in` (no copy of the ~600-byte result).
void innovate(FilterKind k, const Gaussian& g, const SphericalMeasurement& z, SphericalInnovation& in);
void update(Gaussian& g, const SphericalInnovation& in);
// Kalman gain of an innovation, K = Pxz S^-1.
Eigen::Matrix<double, 9, 4> gain(const SphericalInnovation& in);

}  // namespace skyshield
