#pragma once
// The weapons tests' notional 1 t missile: 600 kg of propellant over 8 s (c = 2400 m/s), 0.4 m body,
// vertical launch, 25 g, 15 km seeker, 120 s of flight. Each test sets its own lethal radius and Pk.
#include "weapons/interceptor_class.hpp"

namespace skyshield::test {

inline InterceptorClass notional_missile() {
  InterceptorClass c;
  c.propulsion.launch_mass_kg = 1000.0;
  c.propulsion.stages = {{180e3, 8.0, 600.0, 0.0, 0.0}};
  c.airframe.reference_area_m2 = 0.126;
  c.airframe.cd0_vs_mach = {{0.0, 0.3}, {1.2, 0.5}, {3.0, 0.3}};
  c.airframe.cn_max = 4.0;
  c.airframe.max_lateral_g = 25.0;
  c.max_flight_time_s = 120.0;
  c.seeker_range_m = 15e3;
  return c;
}

}  // namespace skyshield::test
