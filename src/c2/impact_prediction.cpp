#include "c2/impact_prediction.hpp"

#include <algorithm>
#include <cmath>

#include <Eigen/Eigenvalues>

#include "core/units.hpp"

namespace skyshield {

namespace {
double height(const Vec3& p) { return p.z() + earth_drop_m(std::hypot(p.x(), p.y())); }
}  // namespace

ImpactPrediction predict_impact(const TargetPath& path, double ground_up_m, double horizon_s, double step_s) {
  ImpactPrediction out;
  double a = path.t0();
  if (height(path.start()) <= ground_up_m) return out;
  for (double b = a + step_s; b <= path.t0() + horizon_s + 1e-9; b += step_s) {
    if (height(path.position_at(b)) > ground_up_m) {
      a = b;
      continue;
    }
    while (b - a > 1e-3) {  // bisection on the crossing
      const double m = 0.5 * (a + b);
      (height(path.position_at(m)) > ground_up_m ? a : b) = m;
    }
    out.ok = true;
    out.time_s = b;
    out.point_enu = path.position_at(b);
    return out;
  }
  return out;
}

ImpactPrediction predict_impact(const Track& track, double frame_origin_alt_m, double ground_up_m) {
  const TargetPath path(track, true, frame_origin_alt_m);
  ImpactPrediction out = predict_impact(path, ground_up_m);
  if (!out.ok) return out;
  const double t = out.time_s - track.t;
  const Eigen::Matrix2d ppp = track.P.block<2, 2>(0, 0), ppv = track.P.block<2, 2>(0, 3), pvv = track.P.block<2, 2>(3, 3);
  const Eigen::Matrix2d c = ppp + t * (ppv + ppv.transpose()) + t * t * pvv;
  const Eigen::SelfAdjointEigenSolver<Eigen::Matrix2d> eig(0.5 * (c + c.transpose()));
  out.sigma_m = std::sqrt(std::max(0.0, eig.eigenvalues().maxCoeff()));
  return out;
}

}  // namespace skyshield
