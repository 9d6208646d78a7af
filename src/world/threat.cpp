#include "world/threat.hpp"

namespace skyshield {

Threat::Threat(int id, ThreatSpec spec, const ThreatType* type)
    : id_(id), spec_(std::move(spec)), type_(type) {
  if (type_->cls == ThreatClass::BallisticMissile) {
    ballistic_ = std::make_unique<BallisticFlight>(type_->ballistic, spec_.launch_point, spec_.plan);
  } else {
    waypoints_ = std::make_unique<WaypointMotion>(spec_.route, type_->speed_mps, type_->max_load_factor,
                                                  type_->max_climb_rate_mps);
  }
}

bool Threat::step(double t, double dt) {
  if (status_ == ThreatStatus::Waiting) {
    if (t + 1e-9 < spec_.launch_time_s) return false;
    status_ = ThreatStatus::Flying;
    return true;  // appears at its launch point this step
  }
  if (status_ != ThreatStatus::Flying) return false;
  const bool done = ballistic_ ? ballistic_->step(dt) : waypoints_->step(dt);
  if (done) {
    status_ = ThreatStatus::Leaked;
    return true;
  }
  return false;
}

Vec3 Threat::pos_ecef() const { return ballistic_ ? ballistic_->pos() : waypoints_->position_ecef(); }

Vec3 Threat::vel_ecef() const { return ballistic_ ? ballistic_->vel() : waypoints_->velocity_ecef(); }

Geodetic Threat::geodetic() const {
  return ballistic_ ? geodetic_from_ecef(ballistic_->pos()) : waypoints_->position();
}

TruthView Threat::view() const {
  const double rcs = ballistic_ && ballistic_->separated() ? type_->ballistic.rv_rcs_m2 : type_->rcs_m2;
  return {id_, pos_ecef(), vel_ecef(), rcs, type_->swerling};
}

}  // namespace skyshield
