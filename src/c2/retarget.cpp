#include "c2/retarget.hpp"

#include <algorithm>
#include <cmath>

#include "c2/fire_control.hpp"

namespace skyshield {

double collision_time_s(const Vec3& r, const Vec3& v_t, double v_m) {
  // |r + v_t t|^2 = v_m^2 t^2: (v_t.v_t - v_m^2) t^2 + 2 r.v_t t + r.r = 0.
  const double a = v_t.squaredNorm() - v_m * v_m, b = 2.0 * r.dot(v_t), c = r.squaredNorm();
  if (std::abs(a) < 1e-9) return b < 0.0 ? -c / b : -1.0;
  const double disc = b * b - 4.0 * a * c;
  if (disc < 0.0) return -1.0;
  const double s = std::sqrt(disc);
  const double t1 = (-b - s) / (2.0 * a), t2 = (-b + s) / (2.0 * a);
  const double lo = std::min(t1, t2), hi = std::max(t1, t2);
  return lo > 0.0 ? lo : (hi > 0.0 ? hi : -1.0);
}

bool can_retarget(const RoundInFlight& round, const Track& target, const ShotRules& rules) {
  const double v = round.vel_enu.norm();
  if (v < 1.0 || !round.cls) return false;
  const Vec3 r = target.position() - round.pos_enu;
  const double t = collision_time_s(r, target.velocity(), v);
  if (t <= 0.0) return false;
  const Vec3 course = r + target.velocity() * t;  // the collision point, from the round
  const double turn = std::acos(std::clamp(course.dot(round.vel_enu) / (course.norm() * v), -1.0, 1.0));
  const InterceptorClass& cls = *round.cls;
  const double homing = rules.homing_time_constants * (cls.autopilot_tau_s + cls.seeker_tau_s);
  const double margin = rules.turn_margin > 0.0 ? rules.turn_margin : 1.0;
  const double accel = endgame_accel(cls, round.altitude_m, v) / margin;
  return turn <= accel * std::max(0.0, t - homing) / v;
}

std::vector<Retarget> plan_retargets(const std::vector<RoundInFlight>& rounds, const std::vector<Track>& tracks,
                                     const std::vector<Discrimination>& discrimination, double rv_threshold,
                                     double cloud_range_m, const ShotRules& rules, const std::vector<int>& killed) {
  std::vector<Retarget> out;
  if (rv_threshold <= 0.0) return out;
  auto p_of = [&](int id) {
    for (const Discrimination& d : discrimination)
      if (d.track_id == id) return d.p_lethal;
    return -1.0;  // not a discriminated (confirmed ballistic) track
  };
  auto find = [&](int id) -> const Track* {
    for (const Track& t : tracks)
      if (t.id == id) return &t;
    return nullptr;
  };
  for (const RoundInFlight& r : rounds) {
    const double p_from = p_of(r.track_id);
    const Track* from = find(r.track_id);
    if (!from || p_from < 0.0 || p_from >= rv_threshold) continue;  // still believed the warhead (or not ballistic)
    const Retarget* best = nullptr;
    Retarget cand;
    double best_p = -1.0, best_d = 0.0;
    for (const Discrimination& d : discrimination) {
      if (d.track_id == r.track_id || d.p_lethal < rv_threshold) continue;
      if (std::find(killed.begin(), killed.end(), d.track_id) != killed.end()) continue;
      const Track* to = find(d.track_id);
      if (!to) continue;
      const double dist = (to->position() - from->position()).norm();
      if (dist > cloud_range_m || !can_retarget(r, *to, rules)) continue;
      if (d.p_lethal > best_p || (d.p_lethal == best_p && dist < best_d)) {
        best_p = d.p_lethal;
        best_d = dist;
        cand = {r.round, r.track_id, d.track_id, p_from, d.p_lethal};
        best = &cand;
      }
    }
    if (best) out.push_back(*best);
  }
  return out;
}

}  // namespace skyshield
