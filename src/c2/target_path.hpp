#pragma once
// The target's predicted path, from its track, for fire control: straight at constant velocity; for a
// ballistic track, gravity (flat earth, -g on the frame's up, as the predicted intercept point has
// always used) plus the drag of the track's estimated inverse ballistic coefficient
// (tracking/drag_estimate.hpp): a = -g z - rho(h) |v| v k / 2 with the US-1976 density at the point's
// altitude (its up coordinate plus the earth's drop over its ground range from the frame origin, plus
// the origin's altitude). With drag the path is integrated by RK4 in fixed steps from the track time,
// extended lazily as far as it is asked for and interpolated by cubic Hermite between the steps; a
// drag-free path is the closed-form parabola. Not thread-safe (the lazily extended samples): one
// path per command-post decision.
#include <optional>
#include <vector>

#include "core/threat_class.hpp"
#include "core/vec.hpp"
#include "tracking/track.hpp"

namespace skyshield {

class TargetPath {
 public:
  // inv_beta: the target's inverse ballistic coefficient (m^2/kg); 0 = drag-free. Used only when
  // ballistic.
  TargetPath(const Vec3& pos, const Vec3& vel, double t, bool ballistic, double inv_beta, double frame_origin_alt_m,
             double step_s = 0.25);
  // From a track: its estimate at track.t and, for a ballistic track, its drag estimate.
  TargetPath(const Track& track, bool ballistic, double frame_origin_alt_m);

  double t0() const { return t0_; }
  const Vec3& start() const { return p0_; }
  bool ballistic() const { return ballistic_; }
  double inv_beta() const { return k_; }
  // The target class the command post assigned the track (c2/threat_evaluation): fire control then
  // applies the interceptor class's envelope against it (weapons/target_envelope.hpp), keyed on the
  // track's speed at the path's start. Unset: the class-wide envelope only.
  void set_target_class(ThreatClass c) { target_class_ = c; }
  std::optional<ThreatClass> target_class() const { return target_class_; }
  double start_speed() const { return v0_.norm(); }
  // Predicted position (frame of the track) at absolute time t.
  Vec3 position_at(double t) const;

 private:
  Vec3 accel(const Vec3& p, const Vec3& v) const;
  void extend_to(std::size_t n) const;

  Vec3 p0_, v0_;
  double t0_;
  bool ballistic_;
  double k_;
  double origin_alt_m_;
  double h_;
  std::optional<ThreatClass> target_class_;
  mutable std::vector<Vec3> pos_, vel_;  // RK4 samples at t0 + i h (drag only)
};

}  // namespace skyshield
