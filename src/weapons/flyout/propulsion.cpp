#include "weapons/flyout/propulsion.hpp"

#include <cmath>

namespace skyshield {

Propulsion::State Propulsion::at(double t) const {
  double mass = launch_mass_kg;
  double start = 0.0;
  for (const MotorStage& s : stages) {
    start += s.ignition_delay_s;
    if (t < start) return {0.0, mass};
    const double end = start + s.burn_time_s;
    if (t < end) return {s.thrust_n, mass - s.propellant_kg * (t - start) / s.burn_time_s};
    mass -= s.propellant_kg + s.jettison_kg;
    start = end;
  }
  return {0.0, mass};
}

double Propulsion::burnout_time_s() const {
  double t = 0.0;
  for (const MotorStage& s : stages) t += s.ignition_delay_s + s.burn_time_s;
  return t;
}

double Propulsion::burnout_mass_kg() const {
  double m = launch_mass_kg;
  for (const MotorStage& s : stages) m -= s.propellant_kg + s.jettison_kg;
  return m;
}

double Propulsion::total_impulse_ns() const {
  double i = 0.0;
  for (const MotorStage& s : stages) i += s.thrust_n * s.burn_time_s;
  return i;
}

double Propulsion::ideal_delta_v_mps() const {
  double m = launch_mass_kg, dv = 0.0;
  for (const MotorStage& s : stages) {
    // Exhaust velocity c = F / mdot, mdot = propellant / burn time.
    const double c = s.thrust_n * s.burn_time_s / s.propellant_kg;
    dv += c * std::log(m / (m - s.propellant_kg));
    m -= s.propellant_kg + s.jettison_kg;
  }
  return dv;
}

}  // namespace skyshield
