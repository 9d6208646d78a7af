#include "world/threat.hpp"

#include "core/rng.hpp"

namespace skyshield {

Threat::Threat(int id, ThreatSpec spec, const ThreatType* type, const Terrain* terrain, std::uint64_t seed)
    : id_(id), spec_(std::move(spec)), type_(type), terrain_(terrain), seed_(seed), launch_time_(spec_.launch_time_s) {
  Rng rng = Rng::stream(seed, "threat-spread", static_cast<std::uint64_t>(id));
  if (type_->arm.present()) arm_.emplace(type_->arm, seed, id);
  if (spec_.time_spread_s > 0.0) launch_time_ += rng.uniform(0.0, spec_.time_spread_s);
  if (spec_.parent >= 0 || spec_.external) return;  // flies from its carrier once released / from outside
  if (type_->cls == ThreatClass::BallisticMissile) {
    ballistic_ = std::make_unique<BallisticFlight>(type_->ballistic, spec_.launch_point, spec_.plan, flight_options());
    return;
  }
  std::vector<Geodetic> route = spec_.route;
  if (spec_.spread_m > 0.0) {
    // One formation offset for the whole route (east, north); the target point stays put for
    // missiles and drones (their route ends on it); an aircraft's release point moves too.
    const double de = rng.normal(0.0, spec_.spread_m), dn = rng.normal(0.0, spec_.spread_m);
    const std::size_t moved = type_->cls == ThreatClass::Aircraft ? route.size() : route.size() - 1;
    for (std::size_t i = 0; i < moved; ++i) {
      const LocalFrame f(route[i]);
      const Geodetic g = geodetic_from_ecef(f.to_ecef(Vec3(de, dn, 0.0)));
      route[i].lat_deg = g.lat_deg;
      route[i].lon_deg = g.lon_deg;
    }
  }
  start_waypoints(std::move(route));
}

FlightOptions Threat::flight_options() const {
  FlightOptions opt;
  opt.terrain = terrain_;   // impact on the ground under it (without a terrain: on the aim's altitude)
  return opt;
}

void Threat::start_waypoints(std::vector<Geodetic> route) {
  waypoints_ = std::make_unique<WaypointMotion>(std::move(route), type_->air, terrain_);
}

void Threat::release(double t, const Vec3& pos, const Vec3& vel) {
  if (status_ != ThreatStatus::Waiting || released_) return;
  released_ = true;
  launch_time_ = t + spec_.release_delay_s;
  frozen_pos_ = pos;
  if (type_->object_ballistic_coefficient > 0.0) {
    // A released ballistic object: the carrier's state plus a small random separation velocity.
    Rng rng = Rng::stream(seed_, "release", static_cast<std::uint64_t>(id_));
    const Vec3 dv(rng.normal(), rng.normal(), rng.normal());
    const double spread = type_->object_separation_mps;
    DragModel drag;
    drag.ballistic_coefficient = type_->object_ballistic_coefficient;
    ballistic_ = std::make_unique<BallisticFlight>(pos, vel + spread * dv, 100.0, drag, spec_.aim_point.alt_m, flight_options());
  } else {
    std::vector<Geodetic> route{geodetic_from_ecef(pos)};
    route.insert(route.end(), spec_.route.begin(), spec_.route.end());
    start_waypoints(std::move(route));
  }
}

void Threat::external_update(double t, const Vec3& pos, const Vec3& vel, const Vec3& acc) {
  ext_.t0 = ext_.now = t;
  ext_.p0 = ext_.pos = pos;
  ext_.v0 = ext_.vel = vel;
  ext_.a0 = acc;
}

bool Threat::step_external(double t, double dt) {
  if (status_ == ThreatStatus::Waiting) {
    if (t + 1e-9 < launch_time_) return false;
    status_ = ThreatStatus::Flying;
    return true;
  }
  if (status_ != ThreatStatus::Flying) return false;
  ext_.now = t + dt;
  const double s = ext_.now - ext_.t0;
  ext_.pos = ext_.p0 + ext_.v0 * s + 0.5 * ext_.a0 * s * s;
  ext_.vel = ext_.v0 + ext_.a0 * s;
  const Geodetic g = geodetic_from_ecef(ext_.pos);
  const double ground = terrain_ ? terrain_->height(g) : 0.0;
  if (g.alt_m > ground) return false;
  status_ = ThreatStatus::Leaked;  // reached the ground
  return true;
}

bool Threat::step(double t, double dt) {
  releasing_ = false;
  if (spec_.external) return step_external(t, dt);
  if (status_ == ThreatStatus::Waiting) {
    if (spec_.parent >= 0 && !released_) return false;
    if (t + 1e-9 < launch_time_) return false;
    status_ = ThreatStatus::Flying;
    return true;  // appears at its launch point this step
  }
  if (status_ != ThreatStatus::Flying) return false;
  bool done;
  if (ballistic_) {
    const bool was_separated = ballistic_->separated();
    done = ballistic_->step(dt);
    releasing_ = !was_separated && ballistic_->separated();
  } else {
    done = waypoints_->step(dt);
    releasing_ = done;  // an aircraft releases its weapons at the end of its route
  }
  if (done) {
    status_ = ThreatStatus::Leaked;
    return true;
  }
  return false;
}

void Threat::seek_emitters(double t, std::span<const Emitter> emitters) {
  if (!arm_ || !alive() || !waypoints_) return;
  if (const std::optional<Vec3> aim = arm_->look(t, pos_ecef(), vel_ecef(), emitters)) waypoints_->retarget_last(geodetic_from_ecef(*aim));
}

bool Threat::missile_warning(const Vec3& from) { return can_evade() && alive() && waypoints_->missile_warning(from); }

Vec3 Threat::pos_ecef() const {
  if (spec_.external) return ext_.pos;
  if (ballistic_) return ballistic_->pos();
  if (waypoints_) return waypoints_->position_ecef();
  return frozen_pos_;
}

Vec3 Threat::vel_ecef() const {
  if (spec_.external) return ext_.vel;
  if (ballistic_) return ballistic_->vel();
  if (waypoints_) return waypoints_->velocity_ecef();
  return Vec3::Zero();
}

Geodetic Threat::geodetic() const { return waypoints_ ? waypoints_->position() : geodetic_from_ecef(pos_ecef()); }

TruthView Threat::view() const {
  const bool rv = ballistic_ && ballistic_->separated();
  const RcsPattern rcs = rv ? RcsPattern::isotropic(type_->ballistic.rv_rcs_m2) : type_->rcs;
  return {id_, pos_ecef(), vel_ecef(), rcs, rv ? type_->ballistic.rv_swerling : type_->swerling, type_->jammer.present() ? &type_->jammer : nullptr,
          type_->cls, type_->decoy, type_->deception.present() ? &type_->deception : nullptr};
}

Geodetic Threat::aim_point() const {
  if (spec_.external) return geodetic();  // unknown: reported as where it came down
  if (type_->cls == ThreatClass::BallisticMissile) return spec_.aim_point;
  return spec_.route.empty() ? geodetic() : spec_.route.back();
}

}  // namespace skyshield
