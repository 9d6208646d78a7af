#pragma once
// Ballistic flight after burnout in a central inverse-square gravity field (mu = GM of WGS-84),
// vacuum, non-rotating earth (foundation simplifications; see README). Integrated with RK4.
// The burnout velocity that reaches a given aim point is found from the Keplerian free-flight
// range equation (Regan & Anandakrishnan, Dynamics of Atmospheric Re-Entry, sec. 2.4;
// Bate, Mueller & White ch. 6):  tan(psi/2) = nu sin(g) cos(g) / (1 - nu cos^2(g)),  nu = v^2 r / mu,
// refined by a few shooting iterations so the impact on the ellipsoid lands on the aim point.
#include "core/geo.hpp"

namespace skyshield {

// Free-flight range angle psi (rad) for burnout speed v at radius r and flight-path angle gamma,
// returning to the same radius.
double free_flight_range_angle(double v_mps, double r_m, double gamma_rad);
// Burnout speed that gives range angle psi at radius r and flight-path angle gamma.
double burnout_speed_for_range(double psi_rad, double r_m, double gamma_rad);
// The minimum-energy flight-path angle for range angle psi: gamma = pi/4 - psi/4.
double minimum_energy_gamma(double psi_rad);

struct BallisticState {
  Vec3 pos = Vec3::Zero();  // ECEF (treated as inertial), m
  Vec3 vel = Vec3::Zero();  // m/s
};

// Acceleration of central gravity at pos.
Vec3 central_gravity(const Vec3& pos);
// One RK4 step of dt.
BallisticState rk4_step(const BallisticState& s, double dt);

class BallisticMotion {
 public:
  // Launch from `launch` (its altitude is the burnout altitude) to land on `aim`;
  // gamma_deg = 0 picks the minimum-energy angle. dt is the step the engine will use.
  BallisticMotion(const Geodetic& launch, const Geodetic& aim, double gamma_deg, double dt);

  // Advance by dt; returns true once the object reaches the aim's altitude on the way down.
  bool step(double dt);
  const BallisticState& state() const { return s_; }
  const Vec3& initial_velocity() const { return v0_; }
  double flight_path_angle_rad() const { return gamma_; }
  bool impacted() const { return impacted_; }

 private:
  BallisticState s_;
  Vec3 v0_;
  double gamma_ = 0.0;
  double impact_alt_ = 0.0;
  bool impacted_ = false;
  bool descending_ = false;
};

}  // namespace skyshield
