#include "dis/dead_reckoning.hpp"

#include "dis/orientation.hpp"

namespace skyshield::dis {

namespace {
bool second_order(DeadReckoning a) {
  return a == DeadReckoning::RVW || a == DeadReckoning::FVW || a == DeadReckoning::RVB || a == DeadReckoning::FVB;
}
bool body_axes(DeadReckoning a) { return a == DeadReckoning::RVB || a == DeadReckoning::FVB; }
}  // namespace

DeadReckonedState dead_reckoned_state(const EntityStatePdu& pdu, double t) {
  DeadReckonedState s;
  s.t = t;
  s.algorithm = pdu.dead_reckoning.algorithm;
  s.pos = Vec3(pdu.location.x, pdu.location.y, pdu.location.z);
  s.vel = Vec3(pdu.velocity.x, pdu.velocity.y, pdu.velocity.z);
  const Vec3f& a = pdu.dead_reckoning.linear_acceleration;
  s.acc = Vec3(a.x, a.y, a.z);
  if (body_axes(s.algorithm)) s.acc = body_to_ecef(pdu.orientation) * s.acc;
  if (!second_order(s.algorithm)) s.acc.setZero();
  s.orientation = pdu.orientation;
  return s;
}

Vec3 dead_reckon_position(const DeadReckonedState& s, double t) {
  if (s.algorithm == DeadReckoning::Static) return s.pos;
  const double dt = t - s.t;
  return s.pos + s.vel * dt + 0.5 * s.acc * dt * dt;
}

Vec3 dead_reckon_velocity(const DeadReckonedState& s, double t) {
  if (s.algorithm == DeadReckoning::Static) return Vec3::Zero();
  return s.vel + s.acc * (t - s.t);
}

bool UpdatePolicy::due(double t, const Vec3& pos, const EulerAngles& orient) const {
  if (!ever_) return true;
  if (t - last_.t >= kHeartbeatS - 1e-9) return true;
  if ((dead_reckon_position(last_, t) - pos).norm() > kPositionThresholdM) return true;
  return orientation_difference(last_.orientation, orient) > kOrientationThresholdRad;
}

}  // namespace skyshield::dis
