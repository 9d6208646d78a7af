#pragma once
// Dead reckoning (IEEE 1278.1-2012 annex E) and when to send an Entity State PDU: a sender
// extrapolates its last PDU exactly as every receiver does and sends again when the truth has
// drifted past the thresholds, or when the heartbeat is due.
#include "core/vec.hpp"
#include "dis/pdu.hpp"

namespace skyshield::dis {

// Defaults of the standard's DIS parameters (1278.1-2012 Table 25 "DIS parameters"):
inline constexpr double kHeartbeatS = 5.0;                  // HBT_TIMER for entity state
inline constexpr double kTimeoutMultiplier = 2.4;           // HBT_PDU_TIMEOUT = 2.4 x heartbeat
inline constexpr double kPositionThresholdM = 1.0;          // DRA_POS_THRSH
inline constexpr double kOrientationThresholdRad = 3.0 * 3.14159265358979323846 / 180.0;  // DRA_ORIENT_THRSH, 3 deg
inline constexpr double kEntityTimeoutS = kHeartbeatS * kTimeoutMultiplier;

// A dead-reckoned state: what the last Entity State PDU said, and when it was received or sent.
struct DeadReckonedState {
  double t = 0.0;
  DeadReckoning algorithm = DeadReckoning::FPW;
  Vec3 pos = Vec3::Zero(), vel = Vec3::Zero(), acc = Vec3::Zero();   // ECEF; acc in world axes
  EulerAngles orientation;
};
DeadReckonedState dead_reckoned_state(const EntityStatePdu& pdu, double t);

// Position and velocity at time t (s, same clock as state.t). Static: where it was; the P
// algorithms: constant velocity; the V algorithms: constant acceleration (the B algorithms' body
// acceleration turned to world axes by the PDU's orientation). Rotation is not extrapolated.
Vec3 dead_reckon_position(const DeadReckonedState& s, double t);
Vec3 dead_reckon_velocity(const DeadReckonedState& s, double t);

// The sender's side: is a new Entity State PDU due at time t for an entity truly at pos with
// orientation `orient`, given what was last sent?
class UpdatePolicy {
 public:
  bool due(double t, const Vec3& pos, const EulerAngles& orient) const;
  void sent(const DeadReckonedState& s) {
    last_ = s;
    ever_ = true;
  }

 private:
  DeadReckonedState last_;
  bool ever_ = false;
};

}  // namespace skyshield::dis
