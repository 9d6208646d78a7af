#include "tracking/filters.hpp"

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>
#include <Eigen/LU>
#include <array>
#include <cmath>
#include <numbers>

namespace skyshield {

namespace {

constexpr int kN = 9;
constexpr int kSigma = 2 * kN + 1;
// Scaled unscented transform with alpha = 1, beta = 2, kappa = 0: lambda = 0, spread sqrt(n),
// mean weights 0 / (1/2n), covariance weights 2 / (1/2n).
constexpr double kWm0 = 0.0, kWc0 = 2.0, kWi = 1.0 / (2.0 * kN);

std::array<Vec9, kSigma> sigma_points(const Gaussian& g) {
  Eigen::LLT<Mat9> llt(g.P);
  Mat9 L;
  if (llt.info() == Eigen::Success) {
    L = llt.matrixL();
  } else {
    // Not numerically positive definite: square root of the eigen-decomposition, negatives clipped.
    Eigen::SelfAdjointEigenSolver<Mat9> es(g.P);
    L = es.eigenvectors() * es.eigenvalues().cwiseMax(0.0).cwiseSqrt().asDiagonal();
  }
  L *= std::sqrt(static_cast<double>(kN));
  std::array<Vec9, kSigma> s;
  s[0] = g.x;
  for (int i = 0; i < kN; ++i) {
    s[1 + i] = g.x + L.col(i);
    s[1 + kN + i] = g.x - L.col(i);
  }
  return s;
}

// The average of P and its transpose, evaluated before assignment: assigned in place, Eigen would read
// entries of P already overwritten (transpose aliasing), leaving P asymmetric.
void symmetrize(Mat9& P) { P = (0.5 * (P + P.transpose())).eval(); }

// Prediction through F = f (x) I3 (motion_models.hpp: CV, CA, CT) by 3x3 blocks instead of two dense
// 9x9 products: block row r of F P is sum_c f_rc (block row c of P), then the same on the block columns
// for (F P) F'; zero entries of f are skipped (five of nine for CV, three for CA): about a sixth of the
// dense products' operations. Q = q (x) I3 adds q_rs to the diagonal of block (r, s).
Vec9 apply_per_axis(const Mat3& f, const Vec9& x) {
  Vec9 y;
  for (int r = 0; r < 3; ++r) {
    y.segment<3>(3 * r).setZero();
    for (int c = 0; c < 3; ++c)
      if (f(r, c) != 0.0) y.segment<3>(3 * r) += f(r, c) * x.segment<3>(3 * c);
  }
  return y;
}

void predict_per_axis(const Mat3& f, const Mat3& q, Gaussian& g) {
  const Vec9 x = apply_per_axis(f, g.x);
  Mat9 FP;
  for (int r = 0; r < 3; ++r) {
    FP.middleRows<3>(3 * r).setZero();
    for (int c = 0; c < 3; ++c)
      if (f(r, c) != 0.0) FP.middleRows<3>(3 * r) += f(r, c) * g.P.middleRows<3>(3 * c);
  }
  for (int r = 0; r < 3; ++r) {
    g.P.middleCols<3>(3 * r).setZero();
    for (int c = 0; c < 3; ++c)
      if (f(r, c) != 0.0) g.P.middleCols<3>(3 * r) += f(r, c) * FP.middleCols<3>(3 * c);
  }
  for (int r = 0; r < 3; ++r)
    for (int c = 0; c < 3; ++c)
      for (int a = 0; a < 3; ++a) g.P(3 * r + a, 3 * c + a) += q(r, c);
  g.x = x;
}

void finish(SphericalInnovation& in) {
  // The unused slots of S are an uncorrelated unit variance with a zero residual: they add nothing
  // to the distance and ln 1 = 0 to the determinant, so the fixed 4x4 factorisation is exact. One
  // Cholesky factorisation gives the distance, the determinant and S^-1 (kept for the gain); a
  // pivoted LDLT only where S is not numerically positive definite.
  const Eigen::LLT<Mat4> llt(in.S);
  if (llt.info() == Eigen::Success) {
    in.S_inv = llt.solve(Mat4::Identity());
    in.mahalanobis2 = in.y.dot(in.S_inv * in.y);
    in.log_det_S = 2.0 * llt.matrixLLT().diagonal().array().log().sum();
  } else {
    const Eigen::LDLT<Mat4> ldlt(in.S);
    in.S_inv = ldlt.solve(Mat4::Identity());
    in.mahalanobis2 = in.y.dot(ldlt.solve(in.y));
    in.log_det_S = ldlt.vectorD().array().log().sum();
  }
  in.factored = true;
}

}  // namespace

bool filter_kind_from_string(std::string_view s, FilterKind& out) {
  if (s == "ekf") out = FilterKind::Ekf;
  else if (s == "ukf") out = FilterKind::Ukf;
  else return false;
  return true;
}

const char* to_string(FilterKind k) { return k == FilterKind::Ekf ? "ekf" : "ukf"; }

void predict(FilterKind k, MotionModel m, Gaussian& g, double dt, const MotionContext& ctx, const MotionNoise& noise) {
  if (dt == 0.0) return;
  const bool linear = m == MotionModel::ConstantVelocity || m == MotionModel::ConstantAcceleration;
  if (k == FilterKind::Ekf || linear) {  // the unscented transform of a linear map is exact: same result
    Mat3 f;
    if (axis_transition(m, g.x, dt, f)) {
      predict_per_axis(f, axis_process_noise(m, dt, noise), g);
    } else {
      const Vec9 y = propagate(m, g.x, dt, ctx);
      const Mat9 F = ballistic_transition(g.x, y, dt, ctx);
      g.x = y;
      // F's acceleration columns are zero (ballistic_transition): F P F' = F6 P66 F6' with F6 the
      // first six columns and P66 P's position-velocity block.
      const Eigen::Matrix<double, 9, 6> FP = F.leftCols<6>().lazyProduct(g.P.topLeftCorner<6, 6>());
      g.P = FP.lazyProduct(F.leftCols<6>().transpose()) + process_noise(m, dt, noise);
    }
  } else {
    std::array<Vec9, kSigma> s = sigma_points(g);
    for (Vec9& p : s) p = propagate(m, p, dt, ctx);
    Vec9 mean = kWm0 * s[0];
    for (int i = 1; i < kSigma; ++i) mean += kWi * s[i];
    Mat9 P = kWc0 * (s[0] - mean) * (s[0] - mean).transpose();
    for (int i = 1; i < kSigma; ++i) P += kWi * (s[i] - mean) * (s[i] - mean).transpose();
    g.x = mean;
    g.P = P + process_noise(m, dt, noise);
  }
  symmetrize(g.P);
}

bool per_axis_prediction(FilterKind k, MotionModel m, const Vec9& x, double dt, const MotionNoise& noise, Mat3& f, Mat3& q) {
  const bool linear = m == MotionModel::ConstantVelocity || m == MotionModel::ConstantAcceleration;
  if (dt == 0.0 || !(k == FilterKind::Ekf || linear) || !axis_transition(m, x, dt, f)) return false;
  q = axis_process_noise(m, dt, noise);
  return true;
}

Vec9 apply_axis_transition(const Mat3& f, const Vec9& x) { return apply_per_axis(f, x); }

Mat3 predicted_position_block(const Mat3& f, const Mat3& q, const std::array<std::array<Mat3, 3>, 3>& blocks) {
  // predict_per_axis restricted to block row and column 0: FP's block (0, c') = sum_c f(0, c) P(c, c'),
  // then P's block (0, 0) = sum_c' f(0, c') FP(0, c'), in the same order, zeros skipped alike.
  std::array<Mat3, 3> fp;
  for (int cc = 0; cc < 3; ++cc) {
    if (f(0, cc) == 0.0) continue;
    fp[cc].setZero();
    for (int c = 0; c < 3; ++c)
      if (f(0, c) != 0.0) fp[cc] += f(0, c) * blocks[c][cc];
  }
  Mat3 P = Mat3::Zero();
  for (int cc = 0; cc < 3; ++cc)
    if (f(0, cc) != 0.0) P += f(0, cc) * fp[cc];
  for (int a = 0; a < 3; ++a) P(a, a) += q(0, 0);
  return (0.5 * (P + P.transpose())).eval();   // symmetrize's operations on this block
}

bool predict_mean(FilterKind k, MotionModel m, Vec9& x, double dt, const MotionContext& ctx) {
  if (dt == 0.0) return true;
  const bool linear = m == MotionModel::ConstantVelocity || m == MotionModel::ConstantAcceleration;
  if (k != FilterKind::Ekf && !linear) return false;
  Mat3 f;
  x = axis_transition(m, x, dt, f) ? apply_per_axis(f, x) : propagate(m, x, dt, ctx);
  return true;
}

double SphericalInnovation::likelihood() const {
  return std::exp(-0.5 * (mahalanobis2 + log_det_S + dim * std::log(2.0 * std::numbers::pi)));
}

SphericalInnovation innovate(FilterKind k, const Gaussian& g, const SphericalMeasurement& z) {
  SphericalInnovation in;
  innovate(k, g, z, in);
  return in;
}

void innovate(FilterKind k, const Gaussian& g, const SphericalMeasurement& z, SphericalInnovation& in) {
  // Every member is assigned below (y, S, Pxz; S_inv, the distance, ln det and factored in finish).
  in.dim = z.dim;
  const Mat4 R = z.R();
  if (k == FilterKind::Ekf) {
    Eigen::Matrix<double, 4, 9> H = measure_jacobian(g.x, z.sensor);
    for (int i = z.dim; i < 4; ++i) H.row(i).setZero();
    in.y = residual(z.z, measure(g.x, z.sensor), z.dim);
    // Coefficient-based products: at these fixed sizes Eigen would otherwise take its blocked
    // matrix-matrix (GEMM) path, built for large matrices (several times slower here).
    // H's acceleration columns are zero (measure_jacobian): only P's first six columns and Pxz's
    // first six rows enter.
    in.Pxz = g.P.leftCols<6>().lazyProduct(H.leftCols<6>().transpose());
    in.S = H.leftCols<6>().lazyProduct(in.Pxz.topRows<6>()) + R;
  } else {
    const std::array<Vec9, kSigma> s = sigma_points(g);
    std::array<Vec4, kSigma> h;
    const Vec4 h0 = measure(s[0], z.sensor);
    // Residuals relative to the centre point, so that azimuths straddling north average properly.
    for (int i = 0; i < kSigma; ++i) h[i] = i == 0 ? Vec4::Zero() : Vec4(-residual(h0, measure(s[i], z.sensor), 4));
    Vec4 mean = Vec4::Zero();
    for (int i = 1; i < kSigma; ++i) mean += kWi * h[i];
    Mat4 S = kWc0 * (h[0] - mean) * (h[0] - mean).transpose();
    Eigen::Matrix<double, 9, 4> Pxz = kWc0 * (s[0] - g.x) * (h[0] - mean).transpose();
    for (int i = 1; i < kSigma; ++i) {
      S += kWi * (h[i] - mean) * (h[i] - mean).transpose();
      Pxz += kWi * (s[i] - g.x) * (h[i] - mean).transpose();
    }
    Vec4 zhat = h0 + mean;
    in.y = residual(z.z, zhat, z.dim);
    for (int i = z.dim; i < 4; ++i) {
      S.row(i).setZero();
      S.col(i).setZero();
      Pxz.col(i).setZero();
    }
    in.S = S + R;
    in.Pxz = Pxz;
  }
  finish(in);
}

Eigen::Matrix<double, 9, 4> gain(const SphericalInnovation& in) {
  // S is block diagonal (dim x dim, then identity), so the inverse is exact on the used block.
  if (in.factored) return in.Pxz.lazyProduct(in.S_inv);
  return in.S.ldlt().solve(in.Pxz.transpose()).transpose();
}

void update(Gaussian& g, const SphericalInnovation& in) {
  const Eigen::Matrix<double, 9, 4> K = gain(in);
  g.x += K * in.y;
  // K S K' = Pxz S^-1 S K' = Pxz K' (S symmetric): one 9x4x9 product instead of two.
  g.P -= K.lazyProduct(in.Pxz.transpose());
  symmetrize(g.P);
}

}  // namespace skyshield
