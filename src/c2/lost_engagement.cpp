#include "c2/lost_engagement.hpp"

#include <limits>

#include "tracking/gating.hpp"

namespace skyshield {

EngagedEstimate engaged_estimate(const Track& tr) {
  EngagedEstimate e;
  e.valid = true;
  e.t = tr.t;
  e.p = tr.position();
  e.v = tr.velocity();
  e.Ppp = tr.P.block<3, 3>(0, 0);
  e.Ppv = tr.P.block<3, 3>(0, 3);
  e.Pvv = tr.P.block<3, 3>(3, 3);
  return e;
}

void predict_engaged(const EngagedEstimate& e, double t, Vec3& p, Mat3& P) {
  const double dt = t - e.t;
  p = e.p + dt * e.v;
  P = e.Ppp + dt * (e.Ppv + e.Ppv.transpose()) + dt * dt * e.Pvv;
}

double engaged_distance2(const EngagedEstimate& e, const Track& candidate, double floor_sigma_m) {
  if (!e.valid) return std::numeric_limits<double>::infinity();
  Vec3 p;
  Mat3 P;
  predict_engaged(e, candidate.t, p, P);
  return position_distance2(candidate.position(), candidate.P.block<3, 3>(0, 0), p, P, floor_sigma_m);
}

}  // namespace skyshield
