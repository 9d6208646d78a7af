#include "weapons/interceptor.hpp"

#include <algorithm>
#include <cmath>

#include "core/units.hpp"
#include "weapons/fuze.hpp"
#include "weapons/ground_floor.hpp"
#include "weapons/lethality.hpp"
#include "weapons/guidance.hpp"
#include "world/ballistic/aerodynamics.hpp"

namespace skyshield {

namespace {
constexpr double kCommandFuzeM = 1e3;    // a command-guided missile's proximity fuze looks this far
constexpr double kLostGuidanceS = 3.0;   // without uplink and without seeker lock this long: self-destruct
constexpr double kTurnedOverRad = 0.1 * kDegToRad;  // turnover ends within this angle of the wanted direction
constexpr double kMinPlanningSpeed = 300.0;  // time to go is estimated at no less than this speed
constexpr double kArcCheckS = 1.0;       // the mid-course re-predicts its arc this often
constexpr double kTurnoverStepS = 0.05;  // fire control's prediction of the turnover: in steps this long
constexpr int kMaxTurnoverSteps = 200;   // for at most this many
constexpr double kArcCoastStepS = 2.0;   // in steps this long once the motor has burnt out
constexpr double kMaxLoftRad = 70.0 * kDegToRad;   // steepest turnover elevation fire control picks
constexpr double kLoftScanRad = 5.0 * kDegToRad;   // its scan of elevations
constexpr int kLoftBisections = 6;       // then bisected against the one below (to 0.08 deg)
constexpr double kArrivalSpeedMargin = 1.5;  // fire control wants the arc to arrive this x the minimum speed
constexpr int kPipIterations = 4;      // secant steps on the time of flight to the PIP
constexpr double kPipToleranceS = 0.5;   // until the arc's time and the PIP's agree this closely
constexpr double kTerminalS = 10.0;      // the mid-course hands over to PN this long before the intercept
constexpr double kSensitivityRad = 0.1 * kDegToRad;  // flight-path perturbation of the mid-course's second arc
constexpr double kMaxCorrectionRad = 10.0 * kDegToRad;  // largest flight-path correction it commands at once
constexpr double kCorrectionTimeFraction = 0.25;       // flown out over this fraction of the time to go
constexpr double kMinCorrectionS = 3.0;                // but no faster than this (3 arc checks: no overshoot)
}  // namespace

Interceptor::Interceptor(int id, const InterceptorClass* cls, int track_id, double t, const Vec3& launch_ecef,
                         const Vec3& aim_ecef, Rng rng)
    : id_(id), cls_(cls), track_id_(track_id), t_launch_(t), aim_(aim_ecef), guidance_target_(aim_ecef), rng_(rng),
      lock_(cls, Rng::stream(Rng(rng).next_u64(), "seeker")), autopilot_(cls->autopilot_tau_s), fuze_(cls->lethal_radius_m),
      launch_site_(launch_ecef) {
  s_.pos = launch_ecef;
  const Vec3 d = aim_ecef - launch_ecef;
  const Vec3 up = launch_ecef.normalized();
  const Vec3 dir = cls_->vertical_launch || d.norm() < 1e-9 ? up : Vec3(d.normalized());
  s_.vel = dir * std::max(cls_->eject_speed_mps, 1e-3);
  turned_over_ = !cls_->vertical_launch;
}

void Interceptor::command_destruct(double t, const char* reason) {
  if (flying()) finish(InterceptorState::SelfDestructed, t, lock_.lock_id(), miss_or_unknown(), reason);
}

void Interceptor::finish(InterceptorState s, double t, int truth_id, double miss, const char* reason) {
  outcome_ = {s, t, truth_id, miss, reason};
}

std::optional<Vec3> Interceptor::turnover_command(const MissileState& m, const Vec3& want, double h) const {
  // Gas-dynamic turnover: the velocity turns at the set rate (never past the wanted direction), while
  // gravity's lateral pull is compensated. Nothing once within kTurnedOverRad of the wanted direction.
  const double v = m.vel.norm();
  const Vec3 u = m.vel / v;
  const double angle = std::acos(std::clamp(u.dot(want), -1.0, 1.0));
  if (angle <= kTurnedOverRad) return std::nullopt;
  Vec3 perp = want - want.dot(u) * u;
  if (perp.norm() < 1e-9) perp = u.unitOrthogonal();
  const Vec3 gravity = free_fall_acceleration(m.pos, m.vel, gravity_);
  const double rate = std::min(cls_->turnover_rate_dps * kDegToRad, angle / h);
  return Vec3(v * rate * perp.normalized() - (gravity - gravity.dot(u) * u));
}

ArcAtPoint Interceptor::arc_at(double elevation, const Vec3& horizontal, const Vec3& point) const {
  // The turnover toward this elevation, flown in kTurnoverStepS steps, then the zero-lift arc.
  MissileState trial = s_;
  const Vec3 up = s_.pos.normalized();
  const Vec3 want = std::cos(elevation) * horizontal + std::sin(elevation) * up;
  for (int k = 0; k < kMaxTurnoverSteps; ++k) {
    const std::optional<Vec3> a = turnover_command(trial, want, kTurnoverStepS);
    if (!a) break;
    advance(cls_->airframe, cls_->propulsion, gravity_, trial, *a, kTurnoverStepS);
  }
  return predict_arc(trial, point, cls_->max_flight_time_s - trial.t);
}

Interceptor::LoftChoice Interceptor::scan_loft(const Vec3& pip) const {
  // Of the zero-lift arcs (with drag, after the turnover) that pass over the PIP, the lowest - quickest,
  // in air dense enough to steer - that arrives with kArrivalSpeedMargin x the minimum speed (the
  // energy for the mid-course to bring it down onto the PIP and for the homing); else the fastest
  // that passes over; where none gets there, the one that carries farthest.
  const Vec3 up = s_.pos.normalized();
  const Vec3 d = pip - s_.pos;
  Vec3 horizontal = d - d.dot(up) * up;
  LoftChoice c;
  if (horizontal.norm() < 1.0) return c;  // straight overhead: no arc to choose
  horizontal.normalize();
  c.horizontal = horizontal;
  const double los = std::asin(std::clamp(d.normalized().dot(up), -1.0, 1.0));
  const double spare_speed = kArrivalSpeedMargin * cls_->min_speed_mps;
  const auto over = [](const ArcAtPoint& arc) { return arc.reaches && arc.height_m >= 0.0; };
  const auto good = [&](const ArcAtPoint& arc) { return over(arc) && arc.speed_mps >= spare_speed; };
  double fastest = -1.0, farthest = -1.0;
  double prev_e = los;
  c.elevation = los;
  for (double e = los; e <= std::max(kMaxLoftRad, los) + 1e-9; e += kLoftScanRad) {  // steep shots: the LOS
    const ArcAtPoint arc = arc_at(e, horizontal, pip);
    if (arc.along_m > farthest) {
      farthest = arc.along_m;
      if (!c.over) c.elevation = e;
    }
    if (good(arc)) {  // bisect its elevation against the one below
      double lo = prev_e, hi = e;
      ArcAtPoint chosen = arc;
      for (int k = 0; k < kLoftBisections && e > los; ++k) {
        const double mid = 0.5 * (lo + hi);
        const ArcAtPoint m = arc_at(mid, horizontal, pip);
        if (good(m)) { hi = mid; chosen = m; } else { lo = mid; }
      }
      return {true, hi, chosen.time_s, horizontal};
    }
    if (over(arc) && arc.speed_mps > fastest) {
      fastest = arc.speed_mps;
      c = {true, e, arc.time_s, horizontal};
    }
    prev_e = e;
  }
  return c;
}

void Interceptor::solve_loft(const Aim& aim) {
  // Fire control's turnover elevation (scan_loft) toward the predicted intercept point (PIP) of the
  // uplinked target: PIP(t) = target + velocity t (+ gravity t^2 / 2 if ballistic), with t the arc's
  // time of flight to it. The fixed point t = T(PIP(t)) is found by secant steps from the time at
  // which the target passes nearest the launch aim point (plain iteration diverges head-on).
  loft_solved_ = true;
  const Vec3 up = s_.pos.normalized();
  const auto pip_at = [&](double t) { return aim.at(t); };
  const double v2 = aim.vel.squaredNorm();
  double t0 = v2 > 1e-6 ? std::max(0.0, (aim_ - aim.pos).dot(aim.vel) / v2) : 0.0;
  LoftChoice c = scan_loft(pip_at(t0));
  double t = t0;
  if (c.over && v2 > 1e-6) {
    double f0 = c.time_s - t0, t1 = c.time_s;
    for (int k = 0; k < kPipIterations; ++k) {
      const LoftChoice c1 = scan_loft(pip_at(t1));
      if (!c1.over) break;
      c = c1;
      t = t1;
      const double f1 = c1.time_s - t1;
      if (std::abs(f1) < kPipToleranceS) break;
      const double t2 = std::abs(f1 - f0) > 1e-9 ? t1 - f1 * (t1 - t0) / (f1 - f0) : c1.time_s;
      t0 = t1;
      f0 = f1;
      t1 = std::clamp(t2, 0.0, cls_->max_flight_time_s);
    }
  }
  if (c.over) {
    arc_tgo_s_ = c.time_s;  // the mid-course's first time to go
    arc_time_ = s_.t;
  }
  const Vec3 d = pip_at(t) - s_.pos;
  loft_dir_ = c.horizontal.norm() > 0.5 ? Vec3(std::cos(c.elevation) * c.horizontal + std::sin(c.elevation) * up)
                                         : Vec3(d.normalized());
}

ArcAtPoint Interceptor::predict_arc(const MissileState& m, const Vec3& pip, double horizon) const {
  return predict_zero_lift_arc(cls_->airframe, cls_->propulsion, gravity_, m, pip, horizon, kArcCoastStepS, cls_->min_speed_mps);
}

void Interceptor::retarget(int track_id) {
  track_id_ = track_id;
  lock_.drop();
  fuze_ = ProximityFuze(cls_->lethal_radius_m);
  next_arc_check_s_ = s_.t;
  arc_tgo_s_ = 0.0;
  if (turned_over_) midcourse_ = true;  // ends again at once when the new target is within the terminal time
}

double Interceptor::straight_time_to(const Vec3& point) const {
  return (point - s_.pos).norm() / std::max(s_.vel.norm(), kMinPlanningSpeed);
}

double Interceptor::arc_miss(const ArcAtPoint& arc) {
  // Height of the zero-lift arc above the PIP where it reaches the PIP's ground distance; an arc that
  // ends short (ground, too slow) counts its height there minus the ground distance it lacks, so that
  // the measure is continuous across the edge of the reach.
  return arc.height_m - (arc.reaches ? 0.0 : arc.ground_m - arc.along_m);
}

Vec3 Interceptor::midcourse_command(const Aim& aim, const Vec3& gravity) {
  // Predictive guidance (Zarchan, "Tactical and Strategic Missile Guidance", predictive guidance):
  // every kArcCheckS the zero-lift arc is predicted in fast time, with drag, to the predicted
  // intercept point (PIP); its height there is the miss. A second arc, from a flight path raised by
  // kSensitivityRad, gives the miss's sensitivity to the flight-path angle (Newton step: near the
  // edge of the reach and in thin air it is far larger than the vacuum time to go), hence the
  // flight-path correction that nulls the miss; it is flown out over kCorrectionTimeFraction of the
  // time to go. Azimuth: true PN's horizontal part.
  const Vec3 u = s_.vel.normalized();
  const Vec3 up = s_.pos.normalized();
  Vec3 vertical = up - up.dot(u) * u;
  vertical = vertical.norm() > 1e-9 ? Vec3(vertical.normalized()) : Vec3::Zero();
  if (s_.t >= next_arc_check_s_) {
    next_arc_check_s_ = s_.t + kArcCheckS;
    // Time to go from the last arc (or range / speed on the first).
    const double last_tgo = arc_tgo_s_ > 0.0 ? arc_tgo_s_ - (s_.t - arc_time_) : straight_time_to(aim.pos);
    const Vec3 pip = aim.at(std::max(last_tgo, 0.0));
    const double horizon = cls_->max_flight_time_s - s_.t;
    const ArcAtPoint arc = predict_arc(s_, pip, horizon);
    const double miss = arc_miss(arc);
    MissileState raised = s_;
    raised.vel = s_.vel.norm() * (std::cos(kSensitivityRad) * u + std::sin(kSensitivityRad) * vertical);
    const double sensitivity = (arc_miss(predict_arc(raised, pip, horizon)) - miss) / kSensitivityRad;  // m per rad
    const double correction = std::abs(sensitivity) > 1.0 ? -miss / sensitivity : (miss < 0.0 ? 1.0 : -1.0) * kMaxCorrectionRad;
    arc_correction_rad_ = std::clamp(correction, -kMaxCorrectionRad, kMaxCorrectionRad);
    arc_tgo_s_ = arc.reaches ? arc.time_s : std::min(straight_time_to(pip), horizon);
    arc_time_ = s_.t;
  }
  const double tgo = std::max(arc_tgo_s_ - (s_.t - arc_time_), 1.0);
  if (tgo < kTerminalS) midcourse_ = false;
  const double spread = std::max(kCorrectionTimeFraction * tgo, kMinCorrectionS);
  Vec3 side = u.cross(up);
  side = side.norm() > 1e-9 ? Vec3(side.normalized()) : Vec3::Zero();
  const LineOfSight los = line_of_sight(s_.pos, s_.vel, aim.pos, aim.vel);
  const Vec3 pn = pn_command(los, los.rate, cls_->nav_constant) - gravity;
  return s_.vel.norm() * arc_correction_rad_ / spread * vertical + pn.dot(side) * side;
}

Vec3 Interceptor::lateral_command(const Aim& aim, double h) {
  const Vec3 gravity = free_fall_acceleration(s_.pos, s_.vel, gravity_);
  if (!turned_over_) {
    if (s_.t < cls_->vertical_rise_s) return Vec3::Zero();
    if (!loft_solved_) solve_loft(aim);
    const Vec3 want = loft_dir_;
    if (const std::optional<Vec3> a = turnover_command(s_, want, h)) {
      last_lateral_accel_ = a->norm();
      return *a;
    }
    turned_over_ = true;
    midcourse_ = true;
  }
  const LineOfSight los = line_of_sight(s_.pos, s_.vel, aim.pos, aim.vel);
  // The mid-course also ends when the geometry's own time to go (range / closing speed) falls under
  // kTerminalS: the arc's time to go rests on the PIP's constant-acceleration extrapolation, which
  // for a target decelerating in the air (drag) can stay far beyond the real intercept (issue 28: the
  // short-range rounds at SRBMs never left the mid-course, their seekers locked but unused).
  if (midcourse_ && los.closing_speed_mps > 1.0 && los.range_m / los.closing_speed_mps < kTerminalS) midcourse_ = false;
  if (midcourse_) return steer(hold_floor(midcourse_command(aim, gravity), los, aim.pos), h);
  const Vec3 rate = aim.seeker ? lock_.seeker().measure(los, h) : los.rate;
  Vec3 cmd = cls_->guidance_law == GuidanceLaw::AugmentedPN ? apn_command(los, rate, cls_->nav_constant, aim.accel)
                                                             : pn_command(los, rate, cls_->nav_constant);
  // The missile's own axial acceleration (boost, drag) over the time to go (weapons/guidance.hpp): without it
  // a boosting missile with a lead angle flies itself off the collision course and PN catches up only
  // in the last seconds, at the airframe's limit (issue 28: short-range rounds at SRBMs missed by
  // 50-350 m with a perfect track).
  if (los.closing_speed_mps > 1.0) {
    const double tgo = los.range_m / los.closing_speed_mps;
    cmd += axial_acceleration_term(los, s_.vel.normalized(), axial_displacement(cls_->airframe, cls_->propulsion, s_, tgo), tgo, cls_->nav_constant);
  }
  cmd -= gravity;  // gravity compensation (its component along the velocity is dropped below)
  return steer(hold_floor(limit_lateral(cmd, s_.vel, 1e300), los, aim.pos), h);
}

Vec3 Interceptor::hold_floor(const Vec3& command, const LineOfSight& los, const Vec3& target) const {
  // Raise the command's upward part to the floor's pull-up (weapons/ground_floor.hpp), turning the
  // flight path up: p is the lateral direction that raises it (|p| = cos of the flight-path angle).
  const Vec3 up = s_.pos.normalized();
  const Vec3 u = s_.vel.normalized();
  FloorState f;
  f.above_floor_m = fast_altitude(s_.pos) - ground_height_under(terrain_, s_.pos) - cls_->ground_clearance_m;
  f.climb_mps = s_.vel.dot(up);
  f.lag_s = cls_->autopilot_tau_s;
  f.accel_up_mps2 = autopilot_.value().dot(up) - kStandardGravity;
  f.target_above_floor = fast_altitude(target) - ground_height_under(terrain_, target) > cls_->ground_clearance_m;
  if (los.closing_speed_mps > 1.0) f.time_to_go_s = los.range_m / los.closing_speed_mps;
  const double available = flight_conditions(cls_->airframe, cls_->propulsion, s_).max_lateral_mps2;
  // Judged against the structural limit, what the airframe can pull in the dense air near the floor
  // (high up, the thin air's small limit would call a pull-up for a descent that is still far off).
  const double pull = std::min(available, floor_pull_up(f, cls_->airframe.max_lateral_g * kStandardGravity));
  const Vec3 p = up - up.dot(u) * u;
  const double cos_gamma = p.norm();
  if (pull <= 0.0 || cos_gamma < 1e-3) return command;
  // Along p the command must give at least the pull-up plus gravity's lateral pull (its upward part
  // is that times cos gamma); the rest of the command keeps what the airframe has left.
  const Vec3 pu = p / cos_gamma;
  const double along = std::max(command.dot(pu), (pull + kStandardGravity * cos_gamma * cos_gamma) / cos_gamma);
  Vec3 rest = command - command.dot(pu) * pu;
  const double left = std::sqrt(std::max(0.0, available * available - along * along));
  if (rest.norm() > left) rest *= left / rest.norm();
  return along * pu + rest;
}

Vec3 Interceptor::steer(const Vec3& command, double h) {
  // The command limited to what the airframe can hold here (no wind-up of the autopilot on
  // commands it can never fly), the autopilot's first-order lag, and the limit again.
  const double limit = flight_conditions(cls_->airframe, cls_->propulsion, s_).max_lateral_mps2;
  const Vec3 achieved = autopilot_.step(limit_lateral(command, s_.vel, limit), h);
  const Vec3 a = limit_lateral(achieved, s_.vel, limit);
  last_lateral_accel_ = a.norm();
  return a;
}

bool Interceptor::fuze(const TruthView& target, const Vec3& target_pos, const Vec3& p0, const Vec3& v_avg, double t, double h) {
  const FuzeEvent e = fuze_.step(target_pos - p0, target.vel_ecef - v_avg, h);
  if (e.kind == FuzeEvent::Kind::None) return false;
  if (e.kind == FuzeEvent::Kind::Passed) {
    finish(InterceptorState::Missed, t + e.t, target.id, e.distance);
    return true;
  }
  s_.pos = p0 + v_avg * e.t;
  const double pk = kill_probability(*cls_, target.true_class, e.distance);
  finish(rng_.bernoulli(pk) ? InterceptorState::Killed : InterceptorState::Missed, t + e.t, target.id, e.distance);
  return true;
}

void Interceptor::step(double t, double dt, const std::optional<Uplink>& uplink, std::span<const TruthView> targets) {
  if (!flying()) return;
  if (s_.t > cls_->max_flight_time_s) return finish(InterceptorState::SelfDestructed, t, lock_.lock_id(), miss_or_unknown(), "max_flight_time");
  if (s_.t > cls_->propulsion.burnout_time_s() && s_.vel.norm() < cls_->min_speed_mps)
    return finish(InterceptorState::SelfDestructed, t, lock_.lock_id(), miss_or_unknown(), "too_slow");  // out of energy

  // Seeker: acquire the echo nearest the uplinked (or aimed) position among those it can see, keep
  // or lose the lock (acquisition range, gimbal, jamming and deception; weapons/seeker_lock.hpp).
  const Vec3 reference = uplink ? uplink->pos_ecef : aim_;
  // Acquisition gate: the class's basket, narrowed to the uplinked track's own uncertainty when the
  // class uses a track gate and the uplink gives it; radar-gated rounds (semi-active, TVM) also drop
  // an echo that leaves it.
  SeekerGate gate{cls_->seeker_basket_m, false};
  if (uses_track_gate() && uplink && uplink->pos_variance_m2 > 0.0) {
    gate.radius_m = std::min(gate.radius_m, std::max(cls_->seeker_track_gate_min_m,
                                                     cls_->seeker_track_gate_sigmas * std::sqrt(uplink->pos_variance_m2)));
    gate.hold = cls_->seeker_type != SeekerType::ActiveRadar;
  }
  const TruthView* locked = lock_.update(t, reference, uplink ? &uplink->vel_ecef : nullptr, targets, s_.pos, s_.vel, launch_site_, gate);

  // Without the battalion's track (uplink) and without a seeker lock the missile flies blind: after
  // kLostGuidanceS it destroys itself (and frees its engagement). An inertial mid-course flies on to
  // its aim point; a semi-active or track-via-missile seeker needs the radar's track even when locked.
  const bool needs_radar = cls_->seeker_type != SeekerType::ActiveRadar;
  if (!uplink && cls_->midcourse_uplink && (!locked || needs_radar)) {
    if (blind_since_ < 0) blind_since_ = t;
    if (t - blind_since_ >= kLostGuidanceS) return finish(InterceptorState::SelfDestructed, t, -1, miss_or_unknown(), "lost_guidance");
  } else {
    blind_since_ = -1.0;
  }
  // Guidance target: the seeker's target, else the uplinked track, else the stationary aim point.
  Aim aim{aim_, Vec3::Zero(), Vec3::Zero(), locked != nullptr};
  if (locked) aim = {locked->pos_ecef, locked->vel_ecef, Vec3::Zero(), true};
  else if (uplink) aim = {uplink->pos_ecef, uplink->vel_ecef, Vec3::Zero(), false};
  guidance_target_ = aim.pos;
  if (target_ballistic_) aim.accel = uplink && uplink->accel_ecef ? *uplink->accel_ecef : free_fall_acceleration(aim.pos, aim.vel, gravity_);

  // Fuze target: the seeker's, else (command guidance) the echo nearest the guidance reference.
  const TruthView* fuzed = locked;
  if (!fuzed) {
    double best = kCommandFuzeM;
    for (const TruthView& tv : targets) {
      const double d = (tv.pos_ecef - reference).norm();
      if (d < best) { best = d; fuzed = &tv; }
    }
  }
  // In the end game (turned over, mid-course over) the missile has flown past the target it fuzes
  // on: the range opens and the target is beyond the seeker's look angle off the missile's axis,
  // where it cannot turn back to it. The pass is over: a miss at the closest approach the fuze saw.
  // (Before: the missile flew on blind until it self-destructed whenever the pass was wider than the
  // fuze's pass window of 20 lethal radii, so wide passes were counted as self-destructs.)
  if (fuzed && turned_over_ && !midcourse_ && fuze_.best_m() < 1e299 && !lock_.seeker().in_gimbal(*fuzed, s_.pos, s_.vel) &&
      (fuzed->pos_ecef - s_.pos).dot(fuzed->vel_ecef - s_.vel) > 0.0)
    return finish(InterceptorState::Missed, t, fuzed->id, fuze_.best_m(), "passed");
  const int n = std::max(1, static_cast<int>(std::ceil(dt / max_substep_ - 1e-9)));
  const double h = dt / n;
  for (int k = 0; k < n; ++k) {
    const double tk = k * h;  // since t; the targets move straight over the engine step
    const Aim now{aim.pos + aim.vel * tk, aim.vel, aim.accel, aim.seeker};
    const Vec3 a_lat = lateral_command(now, h);
    const Vec3 p0 = s_.pos;
    advance(cls_->airframe, cls_->propulsion, gravity_, s_, a_lat, h);
    if (fuzed && fuze(*fuzed, fuzed->pos_ecef + fuzed->vel_ecef * tk, p0, (s_.pos - p0) / h, t + tk, h)) return;
    const double above = fast_altitude(s_.pos) - ground_height_under(terrain_, s_.pos);
    if (above < 0.0) {  // hit the ground: where the sub-step's straight path crossed it
      const double before = std::max(0.0, fast_altitude(p0) - ground_height_under(terrain_, p0));
      const double f = before / (before - above);
      s_.pos = p0 + (s_.pos - p0) * f;
      return finish(InterceptorState::GroundImpact, t + tk + f * h, lock_.lock_id(), miss_or_unknown());
    }
  }
}

}  // namespace skyshield
