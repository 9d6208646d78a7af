#include "c2/covariance_intersection.hpp"

#include <Eigen/LU>
#include <cmath>

namespace skyshield {

namespace {

// sum_i w_i P_i^-1
Mat3 weighted_information(const std::vector<Mat3>& info, const std::vector<double>& w) {
  Mat3 I = Mat3::Zero();
  for (std::size_t i = 0; i < info.size(); ++i) I += w[i] * info[i];
  return I;
}

CiEstimate fuse(const std::vector<CiEstimate>& in, const std::vector<Mat3>& info, const std::vector<double>& w) {
  Vec3 y = Vec3::Zero();
  for (std::size_t i = 0; i < in.size(); ++i) y += w[i] * (info[i] * in[i].x);
  CiEstimate out;
  out.P = weighted_information(info, w).inverse();   // 3 x 3: closed-form cofactor inverse
  out.P = (0.5 * (out.P + out.P.transpose())).eval();   // evaluated first: no transpose aliasing
  out.x = out.P * y;
  return out;
}

// Eigen's cofactor (i, j) of a 3x3 matrix (Eigen/src/LU/InverseImpl.h, cofactor_3x3).
template <int i, int j>
double cofactor(const Mat3& m) {
  constexpr int i1 = (i + 1) % 3, i2 = (i + 2) % 3, j1 = (j + 1) % 3, j2 = (j + 2) % 3;
  return m.coeff(i1, j1) * m.coeff(i2, j2) - m.coeff(i1, j2) * m.coeff(i2, j1);
}

// m.inverse().trace() by the same operations as Eigen's closed-form 3x3 inverse (the determinant from
// the first column's cofactors, each entry a cofactor times 1 / det) on the diagonal alone, summed in
// trace()'s order: the same bits, a third of the work (tests/c2: bit-for-bit on random matrices).
double inverse_trace(const Mat3& m) {
  Vec3 col0;
  col0.coeffRef(0) = cofactor<0, 0>(m);
  col0.coeffRef(1) = cofactor<1, 0>(m);
  col0.coeffRef(2) = cofactor<2, 0>(m);
  const double det = (col0.cwiseProduct(m.col(0))).sum();
  const double invdet = 1.0 / det;
  const double d0 = col0.coeff(0) * invdet, d1 = cofactor<1, 1>(m) * invdet, d2 = cofactor<2, 2>(m) * invdet;
  return d0 + (d1 + d2);   // trace()'s unrolled reduction splits [0, 3) as [0, 1) + [1, 3)
}

std::vector<Mat3> informations(const std::vector<CiEstimate>& in) {
  std::vector<Mat3> info;
  for (const CiEstimate& e : in) info.push_back(e.P.inverse());
  return info;
}

}  // namespace

double ci_inverse_trace(const Mat3& m) { return inverse_trace(m); }

double ci_trace(const std::vector<CiEstimate>& in, const std::vector<double>& weights) {
  return fuse(in, informations(in), weights).P.trace();
}

CiResult covariance_intersection(const std::vector<CiEstimate>& in) {
  CiResult r;
  if (in.empty()) return r;
  const std::vector<Mat3> info = informations(in);
  const std::size_t n = in.size();
  r.weights.assign(n, 1.0 / static_cast<double>(n));
  auto trace_of = [&](const std::vector<double>& w) { return inverse_trace(weighted_information(info, w)); };
  // Coordinate descent over pairs (i, j): move weight s from j to i, s in [-w_i, w_j], by golden
  // section (the objective is convex along every such line), until a sweep gains nothing.
  constexpr double kGolden = 0.6180339887498949;
  double best = trace_of(r.weights);
  std::vector<double> w;   // the weights along a line search (one buffer for every pair)
  for (int sweep = 0; sweep < 100 && n > 1; ++sweep) {
    const double before = best;
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = i + 1; j < n; ++j) {
        w = r.weights;
        auto along = [&](double s) {
          w[i] = r.weights[i] + s;
          w[j] = r.weights[j] - s;
          return trace_of(w);
        };
        double a = -r.weights[i], b = r.weights[j];
        double c = b - kGolden * (b - a), d = a + kGolden * (b - a);
        double fc = along(c), fd = along(d);
        // To 1e-7 in weight: the trace is flat at its minimum, so this is far below any effect.
        for (int it = 0; it < 60 && b - a > 1e-7; ++it) {
          if (fc < fd) b = d, d = c, fd = fc, c = b - kGolden * (b - a), fc = along(c);
          else a = c, c = d, fc = fd, d = a + kGolden * (b - a), fd = along(d);
        }
        // The end points (one weight to zero) are candidates too: the optimum is often on the boundary.
        double s_best = 0.0, f_best = best;
        for (double s : {0.5 * (a + b), -r.weights[i], r.weights[j]}) {
          const double f = along(s);
          if (f < f_best) f_best = f, s_best = s;
        }
        const double wi = r.weights[i] + s_best, wj = r.weights[j] - s_best;
        r.weights[i] = std::max(0.0, wi);
        r.weights[j] = std::max(0.0, wj);
        best = trace_of(r.weights);
      }
    if (before - best <= 1e-12 * before) break;
  }
  r.fused = fuse(in, info, r.weights);
  return r;
}

}  // namespace skyshield
