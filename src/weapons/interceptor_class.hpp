#pragma once
// Parameters of one interceptor class (notional, public figures; see scenarios/library/interceptors.yaml).
// Foundation flyout model: the motor accelerates the missile along its velocity at a constant rate
// from launch_speed_mps to max_speed_mps during boost_time_s, then it coasts at max_speed_mps (no drag,
// no gravity); lateral acceleration for guidance is limited to max_lateral_g.
#include <array>
#include <string>

#include "core/threat_class.hpp"

namespace skyshield {

struct InterceptorClass {
  std::string name;            // e.g. "long_range"
  std::string layer;           // defensive layer label used in summaries, e.g. "LR"
  double min_range_m = 2e3;
  double max_range_m = 250e3;
  double min_altitude_m = 10.0;
  double max_altitude_m = 27e3;
  double launch_speed_mps = 50.0;
  double max_speed_mps = 2000.0;
  double boost_time_s = 10.0;
  double max_lateral_g = 20.0;
  double max_flight_time_s = 200.0;
  double nav_constant = 4.0;   // proportional navigation constant N'
  double seeker_range_m = 0.0; // 0: no seeker, command guidance to the end
  double seeker_basket_m = 5e3;// the seeker searches this far around the uplinked position
  bool midcourse_uplink = true;// the engagement radar updates the missile in flight; false: inertial to the PIP
  double lethal_radius_m = 20.0;
  // Probability that the warhead kills a target of each class once within the lethal radius.
  std::array<double, kThreatClassCount> pk_in_lethal_radius{0.9, 0.9, 0.9, 0.9};
  double unit_cost = 1.0;      // notional cost unit, for cost-exchange figures
};

// Flyout kinematics of the foundation model.
double flyout_distance_m(const InterceptorClass& c, double t_s);   // distance flown after t_s
double flyout_time_s(const InterceptorClass& c, double distance_m); // inverse of the above
double flyout_speed_mps(const InterceptorClass& c, double t_s);

}  // namespace skyshield
