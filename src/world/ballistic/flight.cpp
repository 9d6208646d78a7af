#include "world/ballistic/flight.hpp"

#include <algorithm>
#include <cmath>

#include "core/atmosphere.hpp"
#include "core/units.hpp"
#include "world/ballistic/glide.hpp"

namespace skyshield {

namespace {
constexpr double kEventEps = 1e-9;
}

double flight_path_angle_deg(const Vec3& pos, const Vec3& vel) {
  const double v = vel.norm();
  if (v <= 0.0) return 0.0;
  return std::asin(std::clamp(vel.dot(up_vector(geodetic_from_ecef(pos))) / v, -1.0, 1.0)) * kRadToDeg;
}

BallisticFlight::BallisticFlight(const BallisticMissileParams& p, const Geodetic& launch, const BallisticPlan& plan,
                                 FlightOptions opt)
    : p_(&p), opt_(opt), pad_(launch), az_rad_(plan.azimuth_deg * kDegToRad), kick_rad_(plan.kick_deg * kDegToRad),
      cutoff_(std::min(plan.cutoff_s, p.total_burn_s())), impact_alt_(plan.impact_alt_m) {
  double t = 0.0;
  for (const RocketStage& s : p.stages) stage_end_.push_back(t += s.burn_time_s);
  events_ = {p.vertical_rise_s, p.vertical_rise_s + p.pitch_over_s, cutoff_};
  for (double e : stage_end_)
    if (e < cutoff_) events_.push_back(e);
  if (p.separates) events_.push_back(cutoff_ + p.separation_delay_s);
  std::sort(events_.begin(), events_.end());
  events_.erase(std::unique(events_.begin(), events_.end(), [](double a, double b) { return std::abs(a - b) < kEventEps; }),
                events_.end());
  pos_ = ecef_from_geodetic(launch);
  mass_ = p.launch_mass_kg();
  drag_.area_m2 = kPi * p.diameter_m * p.diameter_m / 4.0;
  apogee_ = launch.alt_m;
  if (p.glide.enabled && opt_.manoeuvre) {
    glide_ = &p.glide;
    aim_ecef_ = ecef_from_geodetic(plan.aim);
  }
}

BallisticFlight::BallisticFlight(const Vec3& pos, const Vec3& vel, double mass_kg, DragModel drag, double impact_alt_m,
                                 FlightOptions opt)
    : opt_(opt), impact_alt_(impact_alt_m), drag_(drag), pos_(pos), vel_(vel), mass_(mass_kg), risen_(true) {
  bo_gamma_deg_ = flight_path_angle_deg(pos, vel);
  bo_speed_ = vel.norm();
  bo_alt_ = apogee_ = fast_altitude(pos);
  if (opt.glide) {
    glide_ = opt.glide;
    aim_ecef_ = ecef_from_geodetic(opt.glide_aim);
    gliding_ = true;
  }
}

Vec3 BallisticFlight::manoeuvre_accel() const {
  const Vec3 drag = drag_acceleration(pos_, vel_, mass_, drag_);
  if (gliding_) return glide_lift(*glide_, pos_, vel_, drag, aim_ecef_, diving_);
  if (marv_start_t_ >= 0.0) return weave(t_, pos_, vel_, drag);
  return Vec3::Zero();
}

double BallisticFlight::ground_under(const Vec3& p) const {
  if (!opt_.terrain) return impact_alt_;
  if (opt_.terrain->is_flat()) return opt_.terrain->params().base_m;   // no geodetic conversion needed
  return opt_.terrain->height(geodetic_from_ecef(p));
}

int BallisticFlight::stage_at(double t) const {
  for (std::size_t k = 0; k < stage_end_.size(); ++k)
    if (t < stage_end_[k]) return static_cast<int>(k);
  return -1;
}

// `t` is the time for smooth functions (pitch program, weave); the regime (thrust on, which stage)
// is that of the current substep, fixed by its midpoint so that both ends use the same regime.
BallisticFlight::Deriv BallisticFlight::derivative(double t, const Vec3& p, const Vec3& v, double m) const {
  const Vec3 drag = drag_acceleration(p, v, m, drag_);
  Vec3 a = free_fall_acceleration(p, v, opt_.gravity) + drag;
  double dm = 0.0;
  if (thrusting_stage_ >= 0) {
    const RocketStage& s = p_->stages[thrusting_stage_];
    Vec3 dir;
    const double rise = p_->vertical_rise_s, pitch_end = rise + p_->pitch_over_s;
    if (regime_t_ < rise) {
      dir = pad_.enu_to_ecef().col(2);
    } else if (regime_t_ < pitch_end) {
      const double el = kPi / 2 - kick_rad_ * std::clamp((t - rise) / p_->pitch_over_s, 0.0, 1.0);
      dir = pad_.vector_to_ecef(Vec3(std::cos(el) * std::sin(az_rad_), std::cos(el) * std::cos(az_rad_), std::sin(el)));
    } else {
      const double speed = v.norm();
      dir = speed > 1.0 ? Vec3(v / speed) : Vec3(pad_.enu_to_ecef().col(2));
    }
    const double ambient = s.vacuum_thrust_n > s.thrust_n ? us1976_fast(fast_altitude(p)).pressure_pa : 101325.0;
    a += s.thrust_at(ambient) / m * dir;
    dm = -s.mass_flow();
  }
  if (marv_start_t_ >= 0.0) a += weave(t, p, v, drag);
  if (gliding_) a += glide_lift(*glide_, p, v, drag, aim_ecef_, diving_);
  return {v, a, dm};
}

Vec3 BallisticFlight::weave(double t, const Vec3& p, const Vec3& v, const Vec3& drag) const {
  const ManeuveringRv& w = p_->marv;
  const Vec3 side = v.cross(p);
  if (side.norm() <= 0.0) return Vec3::Zero();
  const double limit = w.lift_to_drag * drag.norm();
  const double cmd = std::clamp(w.accel_g * kStandardGravity * std::sin(2 * kPi * (t - marv_start_t_) / w.period_s), -limit, limit);
  return cmd * side.normalized();
}

void BallisticFlight::substep(double h) {
  regime_t_ = t_ + 0.5 * h;
  thrusting_stage_ = (p_ && regime_t_ < cutoff_) ? stage_at(regime_t_) : -1;
  const Deriv k1 = derivative(t_, pos_, vel_, mass_);
  const Deriv k2 = derivative(t_ + h / 2, pos_ + h / 2 * k1.dp, vel_ + h / 2 * k1.dv, mass_ + h / 2 * k1.dm);
  const Deriv k3 = derivative(t_ + h / 2, pos_ + h / 2 * k2.dp, vel_ + h / 2 * k2.dv, mass_ + h / 2 * k2.dm);
  const Deriv k4 = derivative(t_ + h, pos_ + h * k3.dp, vel_ + h * k3.dv, mass_ + h * k3.dm);
  pos_ += h / 6 * (k1.dp + 2 * k2.dp + 2 * k3.dp + k4.dp);
  vel_ += h / 6 * (k1.dv + 2 * k2.dv + 2 * k3.dv + k4.dv);
  mass_ += h / 6 * (k1.dm + 2 * k2.dm + 2 * k3.dm + k4.dm);
  t_ += h;
}

void BallisticFlight::on_event(double te) {
  if (std::abs(te - cutoff_) < kEventEps) {
    bo_gamma_deg_ = flight_path_angle_deg(pos_, vel_);
    bo_speed_ = vel_.norm();
    bo_alt_ = fast_altitude(pos_);
  }
  for (std::size_t k = 0; k + 1 < stage_end_.size(); ++k)
    if (std::abs(te - stage_end_[k]) < kEventEps && te <= cutoff_ + kEventEps) mass_ -= p_->stages[k].dry_mass_kg;
  if (p_->separates && std::abs(te - (cutoff_ + p_->separation_delay_s)) < kEventEps) {
    separated_ = true;
    mass_ = p_->payload_kg;
    drag_ = DragModel{0.0, p_->rv_ballistic_coefficient_kg_m2};
    gliding_ = glide_ != nullptr;
  }
}

bool BallisticFlight::step(double dt) {
  if (impacted_) return true;
  const double end = t_ + dt;
  while (t_ < end - kEventEps) {
    double stop = end;
    if (next_event_ < events_.size() && events_[next_event_] < stop - kEventEps) stop = events_[next_event_];
    const Vec3 p0 = pos_, v0 = vel_;
    const double t0 = t_, h0 = fast_altitude(p0) - ground_under(p0);   // heights above the ground
    substep(stop - t_);
    while (next_event_ < events_.size() && events_[next_event_] <= t_ + kEventEps) {
      t_ = std::max(t_, events_[next_event_]);
      on_event(events_[next_event_++]);
    }
    const double alt = fast_altitude(pos_), h = alt - ground_under(pos_);
    apogee_ = std::max(apogee_, alt);
    if (!risen_ && h > 50.0) risen_ = true;
    if (risen_ && h <= 0.0 && vel_.dot(pos_) < 0.0) {
      // Impact inside this substep: interpolate to the crossing of the ground (linear in the height
      // above it; the ground is smooth on the scale of one substep).
      const double f = h0 > h ? std::clamp(h0 / (h0 - h), 0.0, 1.0) : 1.0;
      pos_ = p0 + f * (pos_ - p0);
      vel_ = v0 + f * (vel_ - v0);
      t_ = t0 + f * (t_ - t0);
      impacted_ = true;
      return true;
    }
    if (gliding_ && !diving_ && aim_elevation_deg(pos_, aim_ecef_) < -glide_->dive_angle_deg) diving_ = true;
    if (t_ >= cutoff_ && p_ && p_->marv.enabled && opt_.manoeuvre && marv_start_t_ < 0.0 && vel_.dot(pos_) < 0.0 &&
        alt < p_->marv.start_altitude_m)
      marv_start_t_ = t_;
  }
  return impacted_;
}

bool BallisticFlight::fly_to_impact(double max_time_s) {
  while (!impacted_ && t_ < max_time_s) {
    const bool coarse = !powered() && altitude_m() > 120e3;
    step(coarse ? 2.0 : 0.2);
  }
  return impacted_;
}

}  // namespace skyshield
