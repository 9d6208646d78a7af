#pragma once
// What a ballistic missile type is made of, from the scenario library (notional figures; sources
// in scenarios/library/threats.yaml).
#include <vector>

#include "world/truth_view.hpp"

namespace skyshield {

struct RocketStage {
  double thrust_n = 0.0;        // sea-level thrust
  double burn_time_s = 0.0;
  double propellant_kg = 0.0;   // burnt at a constant rate propellant / burn_time
  double dry_mass_kg = 0.0;     // dropped when the stage burns out (or with the RV separation)
  double vacuum_thrust_n = 0.0; // thrust in vacuum (>= sea level; the nozzle back-pressure term
                                // F = F_vac - p_a A_e scales with ambient pressure); 0 = same as sea level
  double mass_flow() const { return propellant_kg / burn_time_s; }
  // Thrust at ambient pressure p_a (Pa): F_vac - (F_vac - F_sl) p_a / p_0 (Sutton & Biblarz eq. 2-14).
  double thrust_at(double ambient_pa) const {
    const double vac = vacuum_thrust_n > 0.0 ? vacuum_thrust_n : thrust_n;
    return vac - (vac - thrust_n) * ambient_pa / 101325.0;
  }
};

enum class TrajectoryShape { MinimumEnergy, Lofted, Depressed };

// Manoeuvring re-entry vehicle: below start altitude on the way down, a lateral weave of the
// given acceleration and period, limited by the aerodynamic lift available (L/D times drag).
struct ManeuveringRv {
  bool enabled = false;
  double start_altitude_m = 40e3;
  double accel_g = 3.0;
  double period_s = 6.0;
  double lift_to_drag = 2.0;
};

// Hypersonic glide vehicle (world/ballistic/glide.hpp): boosted on a depressed trajectory (the
// pitch program's kick from the vertical, full burn), released at separation, it then flies with
// lift: equilibrium glide (lift balances gravity minus the centrifugal term, L = m (g - v^2/r)),
// bounded by L/D times its drag and by max_lateral_g; bank turns toward its aim (bank limit, heading
// gain); a terminal dive once the aim lies dive_angle_deg below its horizon.
struct GlideVehicle {
  bool enabled = false;
  double lift_to_drag = 2.5;
  double boost_kick_deg = 60.0;       // pitch-program kick from the vertical (the targeting does not search it)
  double max_bank_deg = 45.0;
  double heading_gain = 2.0;          // bank (rad) per rad of heading error
  double max_lateral_g = 5.0;         // structural limit of the lift acceleration (g)
  double dive_angle_deg = 30.0;       // the terminal dive starts when the aim is this far below the horizontal
  double sink_damping_per_s = 0.05;   // vertical-rate feedback that damps the phugoid at the pull-out
  double dive_time_constant_s = 2.0;  // pursuit of the aim in the dive: turn rate = angle off / this
};

// Objects released with the warhead: debris and decoys the radars also see.
struct DecoyCloud {
  int count = 0;
  double rcs_m2 = 0.1;
  double ballistic_coefficient_kg_m2 = 300.0;   // light: they slow down in the atmosphere
  double spread_mps = 15.0;                     // separation speed (random direction)
};

struct BallisticMissileParams {
  std::vector<RocketStage> stages;
  double payload_kg = 1000.0;                   // the re-entry vehicle
  double diameter_m = 1.0;                      // body reference diameter (drag area pi d^2 / 4)
  double vertical_rise_s = 6.0;                 // vertical climb off the pad before pitch-over
  double pitch_over_s = 6.0;                    // duration of the pitch program to the kick angle
  TrajectoryShape shape = TrajectoryShape::MinimumEnergy;
  double shape_offset_deg = 15.0;               // lofted: +, depressed: - on the minimum-energy angle
  bool separates = false;                       // the RV separates from the spent stage
  double separation_delay_s = 10.0;             // after thrust cut-off
  double rv_ballistic_coefficient_kg_m2 = 5000.0;
  double rv_rcs_m2 = 0.05;                      // after separation
  // A separated RV is spin-stabilised, nose first: one dominant scatterer and small ones, Swerling 3
  // (chi-square of 4 degrees of freedom); the spent stage and light decoys tumble and keep the
  // missile's case (Swerling 1). Notional: tumbling objects' larger RCS fluctuation is the public
  // discriminant of e.g. Sessler et al., "Countermeasures" (UCS/MIT, 2000), ch. 5.
  Swerling rv_swerling = Swerling::Case3;
  ManeuveringRv marv;
  GlideVehicle glide;
  DecoyCloud decoys;

  double launch_mass_kg() const {
    double m = payload_kg;
    for (const RocketStage& s : stages) m += s.propellant_kg + s.dry_mass_kg;
    return m;
  }
  double total_burn_s() const {
    double t = 0.0;
    for (const RocketStage& s : stages) t += s.burn_time_s;
    return t;
  }
};

}  // namespace skyshield
