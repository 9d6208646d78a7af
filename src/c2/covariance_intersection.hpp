#pragma once
// Track-to-track fusion by covariance intersection (Julier & Uhlmann, "A non-divergent estimation
// algorithm in the presence of unknown correlations", ACC 1997): estimates (x_i, P_i) of one object
// whose cross-correlations are unknown (battalion trackers that share no data but may have seen the
// same errors) fuse into
//     P^-1 = sum_i w_i P_i^-1,   x = P sum_i w_i P_i^-1 x_i,   w_i >= 0, sum_i w_i = 1,
// which is consistent for any correlation. The weights minimise trace(P) (a convex function of w:
// the matrix inverse is operator-convex), found by pairwise exact line searches on the simplex.
#include <vector>

#include "core/vec.hpp"

namespace skyshield {

struct CiEstimate {
  Vec3 x = Vec3::Zero();
  Mat3 P = Mat3::Identity();
};

struct CiResult {
  CiEstimate fused;
  std::vector<double> weights;
};

// Fuses one or more estimates (each P symmetric positive definite).
CiResult covariance_intersection(const std::vector<CiEstimate>& in);
// trace(P) of the fusion with the given weights (for tests and brute-force searches).
double ci_trace(const std::vector<CiEstimate>& in, const std::vector<double>& weights);
// m.inverse().trace(), bit for bit, without the off-diagonal entries (the line searches' objective).
double ci_inverse_trace(const Mat3& m);

}  // namespace skyshield
