#include "tracking/kalman_cv.hpp"

namespace skyshield {

Mat6 cv_transition(double dt) {
  Mat6 F = Mat6::Identity();
  F.topRightCorner<3, 3>() = dt * Mat3::Identity();
  return F;
}

Mat6 cv_process_noise(double dt, double q) {
  // Continuous white-noise acceleration: Q = q [dt^3/3 I, dt^2/2 I; dt^2/2 I, dt I]
  // (Bar-Shalom, Li & Kirubarajan 2001, eq. 6.2.2-12).
  Mat6 Q;
  const Mat3 I = Mat3::Identity();
  Q.topLeftCorner<3, 3>() = q * dt * dt * dt / 3.0 * I;
  Q.topRightCorner<3, 3>() = q * dt * dt / 2.0 * I;
  Q.bottomLeftCorner<3, 3>() = q * dt * dt / 2.0 * I;
  Q.bottomRightCorner<3, 3>() = q * dt * I;
  return Q;
}

void cv_predict(Vec6& x, Mat6& P, double dt, double q) {
  if (dt == 0.0) return;
  const Mat6 F = cv_transition(dt);
  x = F * x;
  P = F * P * F.transpose() + cv_process_noise(std::abs(dt), q);
}

Innovation cv_innovation(const Vec6& x, const Mat6& P, const Vec3& z, const Mat3& R) {
  Innovation in;
  in.y = z - x.head<3>();
  in.S = P.topLeftCorner<3, 3>() + R;
  in.mahalanobis2 = in.y.dot(in.S.ldlt().solve(in.y));
  return in;
}

void cv_update(Vec6& x, Mat6& P, const Vec3& z, const Mat3& R) {
  const Innovation in = cv_innovation(x, P, z, R);
  // K = P H' S^-1 with H = [I 0]
  const Eigen::Matrix<double, 6, 3> PHt = P.leftCols<3>();
  const Eigen::Matrix<double, 6, 3> K = in.S.ldlt().solve(PHt.transpose()).transpose();
  x += K * in.y;
  Eigen::Matrix<double, 6, 6> IKH = Mat6::Identity();
  IKH.leftCols<3>() -= K;
  P = IKH * P * IKH.transpose() + K * R * K.transpose();  // Joseph form
  P = 0.5 * (P + P.transpose());
}

}  // namespace skyshield
