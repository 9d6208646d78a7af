#include "weapons/flyout/point_mass.hpp"

#include <algorithm>
#include <cmath>

#include "core/atmosphere.hpp"
#include "world/ballistic/aerodynamics.hpp"

namespace skyshield {

namespace {

struct Air {
  double altitude, density, speed_of_sound;
};

Air air_at(const Vec3& pos) {
  const double h = fast_altitude(pos);
  if (h > 200e3) return {h, 0.0, 300.0};  // below 3e-10 kg/m^3: no aerodynamics
  const AtmosphereState a = us1976(h);
  return {h, a.density_kg_m3, a.speed_of_sound_mps};
}

// Acceleration of the state (pos, vel) at flight time t.
Vec3 acceleration(const Airframe& af, const Propulsion& p, const GravityModel& g, const Vec3& pos, const Vec3& vel,
                  double t, const Vec3& a_lat) {
  const Propulsion::State motor = p.at(t);
  const double v = vel.norm();
  Vec3 acc = free_fall_acceleration(pos, vel, g);
  if (v < 1e-6) return acc + pos.normalized() * (motor.thrust_n / motor.mass_kg);  // at rest: thrust straight up
  const Vec3 u = vel / v;
  const Vec3 lat = a_lat - a_lat.dot(u) * u;
  const double lat_n = a_lat.norm();
  const Vec3 lat_dir = lat.norm() > 1e-12 ? Vec3(lat.normalized()) : Vec3::Zero();
  const Air air = air_at(pos);
  const double q = 0.5 * air.density * v * v;
  const double cd = af.drag_coefficient(v / air.speed_of_sound, q, motor.mass_kg, lat_n);
  const double axial = (motor.thrust_n - q * af.reference_area_m2 * cd) / motor.mass_kg;
  return acc + axial * u + lat_n * lat_dir;
}

}  // namespace

FlightConditions flight_conditions(const Airframe& a, const Propulsion& p, const MissileState& s) {
  const Air air = air_at(s.pos);
  const Propulsion::State motor = p.at(s.t);
  const double v = s.vel.norm();
  FlightConditions c;
  c.altitude_m = air.altitude;
  c.mach = v / air.speed_of_sound;
  c.q_pa = 0.5 * air.density * v * v;
  c.mass_kg = motor.mass_kg;
  c.thrust_n = motor.thrust_n;
  c.max_lateral_mps2 = a.max_lateral_accel(c.q_pa, motor.mass_kg);
  return c;
}

void advance(const Airframe& a, const Propulsion& p, const GravityModel& g, MissileState& s, const Vec3& a_lat, double dt) {
  const Vec3 k1v = acceleration(a, p, g, s.pos, s.vel, s.t, a_lat);
  const Vec3 p1 = s.pos + dt * s.vel, v1 = s.vel + dt * k1v;
  const Vec3 k2v = acceleration(a, p, g, p1, v1, s.t + dt, a_lat);
  s.pos += 0.5 * dt * (s.vel + v1);
  s.vel += 0.5 * dt * (k1v + k2v);
  s.t += dt;
}

ArcAtPoint predict_zero_lift_arc(const Airframe& a, const Propulsion& p, const GravityModel& g, MissileState s,
                                 const Vec3& point, double max_time_s, double coast_step_s, double min_speed_mps) {
  constexpr double kBoostStepS = 0.1;
  const Vec3 up = point.normalized();
  const Vec3 d = point - s.pos;
  const Vec3 horizontal = d - d.dot(up) * up;
  const double x = horizontal.norm();
  const double h_point = fast_altitude(point);
  if (x < 1.0) return {true, fast_altitude(s.pos) - h_point, x, 0.0, x, s.vel.norm()};
  const Vec3 dir = horizontal / x;
  const Vec3 start = s.pos;
  const double t0 = s.t, burnout = p.burnout_time_s();
  ArcAtPoint r;
  r.ground_m = x;
  double along0 = 0.0, h0 = fast_altitude(s.pos);
  while (s.t - t0 < max_time_s) {
    const double step = s.t < burnout ? std::min(kBoostStepS, burnout - s.t + 1e-6) : coast_step_s;
    advance(a, p, g, s, Vec3::Zero(), step);
    const double along1 = (s.pos - start).dot(dir), h1 = fast_altitude(s.pos);
    if (along1 >= x) {  // crossing the point's ground distance inside this step: linearly there
      const double f = (x - along0) / std::max(along1 - along0, 1e-9);
      return {true, h0 + f * (h1 - h0) - h_point, x, s.t - t0 - (1.0 - f) * step, x, s.vel.norm()};
    }
    r.along_m = std::max(r.along_m, along1);
    r.height_m = h1 - h_point;
    if (h1 < 0.0 || (s.t > burnout && s.vel.norm() < min_speed_mps)) return r;
    along0 = along1;
    h0 = h1;
  }
  return r;
}

double axial_displacement(const Airframe& a, const Propulsion& p, const MissileState& s, double tgo) {
  constexpr int kAxialSteps = 8;
  const FlightConditions now = flight_conditions(a, p, s);
  const double drag_n = now.q_pa * a.reference_area_m2 * a.zero_lift_drag(now.mach);
  const double ds = tgo / kAxialSteps;
  double d = 0.0;
  MissileState later = s;
  for (int i = 0; i < kAxialSteps; ++i) {
    const double t = (i + 0.5) * ds;
    later.t = s.t + t;
    const FlightConditions c = flight_conditions(a, p, later);
    d += (tgo - t) * (c.thrust_n - drag_n) / c.mass_kg * ds;
  }
  return d;
}

}  // namespace skyshield
