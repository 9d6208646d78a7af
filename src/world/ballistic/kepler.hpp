#pragma once
// Keplerian free flight between two points at the same radius (vacuum, central inverse-square
// gravity): the analytic reference the 3-DOF flight is tested against, and the source of the
// minimum-energy flight-path angle the targeting aims for.
// Free-flight range equation (Regan & Anandakrishnan, Dynamics of Atmospheric Re-Entry, sec. 2.4;
// Bate, Mueller & White, Fundamentals of Astrodynamics, ch. 6):
//   tan(psi/2) = nu sin(g) cos(g) / (1 - nu cos^2(g)),  nu = v^2 r / mu.

namespace skyshield {

// Free-flight range angle psi (rad) for burnout speed v at radius r and flight-path angle gamma,
// returning to the same radius.
double free_flight_range_angle(double v_mps, double r_m, double gamma_rad);
// Burnout speed that gives range angle psi at radius r and flight-path angle gamma.
double burnout_speed_for_range(double psi_rad, double r_m, double gamma_rad);
// The minimum-energy flight-path angle for range angle psi: gamma = pi/4 - psi/4.
double minimum_energy_gamma(double psi_rad);

}  // namespace skyshield
