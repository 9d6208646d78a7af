#pragma once
// Flight parameters of an air-breathing threat (aircraft, cruise missile, drone) from the scenario
// library: speed, coordinated-turn limits, climb and descent limits, terrain following, a terminal
// manoeuvre and an evasive manoeuvre on missile warning. NOTIONAL values; sources in
// scenarios/library/threats.yaml.
#include <algorithm>
#include <cmath>

#include "core/units.hpp"

namespace skyshield {

enum class TerminalKind { None, PopUp, Weave, Dive };

struct TerminalManoeuvre {
  TerminalKind kind = TerminalKind::None;
  double start_range_m = 10e3;   // pop-up / weave: distance to the target where it begins
  double popup_height_m = 1000.0;// pop-up: height above the target it climbs to before diving
  double dive_angle_deg = 30.0;  // pop-up and dive: line-of-sight dive angle onto the target
  double weave_amplitude_deg = 30.0;
  double weave_period_s = 8.0;
};

// Evasion on missile approach warning, bounded by the aircraft and its mission: one break turns away
// from the missile and descends for duration_s (further warnings do not prolong it), never below
// floor_agl_m above the ground; a sortie has energy and fuel for max_breaks breaks (each costs the
// height it must climb back at its climb rate); within commit_range_m of its release point it
// presses on to release instead of breaking.
struct Evasion {
  bool enabled = false;
  double warning_range_m = 15e3; // missile approach warning range
  double duration_s = 20.0;      // one break: turns away (and descends) for this long, then resumes its route
  int max_breaks = 2;            // breaks per sortie
  double floor_agl_m = 300.0;    // lowest height above the ground while evading
  double commit_range_m = 30e3;  // within this distance of the release point: no more breaks
};

struct AirVehicleParams {
  double speed_mps = 250.0;
  double max_load_factor = 4.0;        // g
  double max_bank_deg = 90.0;          // a bank limit caps the load factor of a level turn: n = 1 / cos(bank)
  double max_climb_rate_mps = 50.0;
  double max_descent_rate_mps = 50.0;
  double terrain_clearance_m = 0.0;    // > 0: terrain following at this height (route altitudes ignored)
  double lookahead_s = 8.0;            // terrain following: looks this far ahead for rising ground
  TerminalManoeuvre terminal;
  Evasion evasion;

  // Load factor of the tightest level coordinated turn allowed.
  double turn_load_factor() const {
    const double bank_n = max_bank_deg >= 89.9 ? 1e9 : 1.0 / std::cos(max_bank_deg * kDegToRad);
    return std::min(max_load_factor, bank_n);
  }
  // Turn rate omega = g sqrt(n^2 - 1) / v and radius v^2 / (g sqrt(n^2 - 1)).
  double turn_rate_rad_s() const {
    const double n = turn_load_factor();
    return kStandardGravity * std::sqrt(std::max(0.0, n * n - 1.0)) / speed_mps;
  }
};

}  // namespace skyshield
