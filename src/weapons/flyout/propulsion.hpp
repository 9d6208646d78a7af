#pragma once
// Solid rocket motors of an interceptor: one or more stages (or pulses) burning in sequence, each
// with a constant thrust and a constant mass flow over its burn time; the spent case of a stage may
// be jettisoned at its burnout. Thrust is the vacuum-free "delivered" thrust (no nozzle back-pressure
// term: the error is a few per cent at sea level, documented in the README).
#include <vector>

namespace skyshield {

struct MotorStage {
  double thrust_n = 0.0;
  double burn_time_s = 0.0;
  double propellant_kg = 0.0;
  double ignition_delay_s = 0.0;  // after the previous stage's burnout (or after launch for the first)
  double jettison_kg = 0.0;       // dropped at this stage's burnout
};

struct Propulsion {
  double launch_mass_kg = 0.0;
  std::vector<MotorStage> stages;

  struct State {
    double thrust_n = 0.0;
    double mass_kg = 0.0;
  };
  // Thrust and mass t seconds after launch.
  State at(double t_s) const;
  double burnout_time_s() const;    // end of the last stage's burn
  double burnout_mass_kg() const;   // mass after the last burn and jettison
  double total_impulse_ns() const;  // sum of thrust x burn time
  // Ideal velocity gain of the whole sequence without drag and gravity (Tsiolkovsky per stage).
  double ideal_delta_v_mps() const;
};

}  // namespace skyshield
