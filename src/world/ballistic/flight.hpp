#pragma once
// 3-DOF point-mass flight of a ballistic missile in the earth-fixed frame: vertical rise, a pitch
// program to the kick angle, a gravity turn (thrust along the air-relative velocity) through the
// stages until thrust cut-off, free flight with J2 gravity, the rotating earth and Mach-dependent
// drag, separation of the re-entry vehicle, re-entry (beta drag, optional MaRV weave) and impact
// on the terrain under it (or, without a terrain, on the aim's altitude: the targeting's plan). Integrated with RK4; steps are split at every discontinuity (pitch
// program, staging, cut-off, separation) so the integrator never straddles one.
#include <vector>

#include "core/geo.hpp"
#include "core/gravity.hpp"
#include "world/ballistic/aerodynamics.hpp"
#include "world/ballistic/missile_params.hpp"
#include "world/terrain.hpp"

namespace skyshield {

// The launch solution: how to fly (from the targeting) and what it predicts.
struct BallisticPlan {
  double azimuth_deg = 0.0;       // launch azimuth, clockwise from north
  double kick_deg = 0.0;          // pitch program end: angle of thrust from the vertical
  double cutoff_s = 0.0;          // thrust cut-off time after launch (<= total burn)
  double impact_alt_m = 0.0;      // the aim's altitude
  Geodetic aim{};                 // the aim point (a glide vehicle steers toward it)
  // Predictions of the targeting run.
  double burnout_gamma_deg = 0.0, burnout_speed_mps = 0.0, burnout_alt_m = 0.0;
  double apogee_m = 0.0, flight_time_s = 0.0;
  Geodetic predicted_impact;
};

struct FlightOptions {
  GravityModel gravity{};
  bool manoeuvre = true;          // false: no MaRV weave (targeting plans the ballistic path)
  // The ground it impacts on (must outlive the flight); null: the aim's altitude everywhere (targeting).
  const Terrain* terrain = nullptr;
  // An unpowered body that glides from its first step (test references): its glide parameters
  // (must outlive the flight) and aim. A missile's own glide comes from its parameters and plan.
  const GlideVehicle* glide = nullptr;
  Geodetic glide_aim{};
};

class BallisticFlight {
 public:
  // A missile leaving the pad.
  BallisticFlight(const BallisticMissileParams& p, const Geodetic& launch, const BallisticPlan& plan,
                  FlightOptions opt = {});
  // An unpowered body already in flight (test references, released objects).
  BallisticFlight(const Vec3& pos, const Vec3& vel, double mass_kg, DragModel drag, double impact_alt_m,
                  FlightOptions opt = {});

  // Advance by dt (split at events); true once the body has hit the ground (it then stays there).
  bool step(double dt);
  // Fly until impact or max_time_s with steps adapted to the phase (coarse outside the
  // atmosphere); returns true on impact.
  bool fly_to_impact(double max_time_s);

  double time() const { return t_; }
  const Vec3& pos() const { return pos_; }
  const Vec3& vel() const { return vel_; }
  double mass() const { return mass_; }
  const DragModel& drag() const { return drag_; }
  bool powered() const { return t_ < cutoff_; }
  bool separated() const { return separated_; }
  bool impacted() const { return impacted_; }
  bool burned_out() const { return t_ >= cutoff_; }
  double burnout_gamma_deg() const { return bo_gamma_deg_; }
  double burnout_speed_mps() const { return bo_speed_; }
  double burnout_alt_m() const { return bo_alt_; }
  double apogee_m() const { return apogee_; }
  double altitude_m() const { return fast_altitude(pos_); }
  bool gliding() const { return gliding_; }
  bool diving() const { return diving_; }
  // The manoeuvre acceleration (MaRV weave or glide lift) at the current state (m/s^2, ECEF).
  Vec3 manoeuvre_accel() const;

 private:
  struct Deriv {
    Vec3 dp, dv;
    double dm;
  };
  Deriv derivative(double t, const Vec3& p, const Vec3& v, double m) const;
  Vec3 weave(double t, const Vec3& p, const Vec3& v, const Vec3& drag) const;
  void substep(double h);
  void on_event(double t);
  int stage_at(double t) const;
  // Height of the ground under p (the aim's altitude without a terrain).
  double ground_under(const Vec3& p) const;

  const BallisticMissileParams* p_ = nullptr;   // null for an unpowered body
  FlightOptions opt_;
  LocalFrame pad_;
  double az_rad_ = 0.0, kick_rad_ = 0.0, cutoff_ = 0.0, impact_alt_ = 0.0;
  std::vector<double> stage_end_;               // cumulative burn end times
  std::vector<double> events_;                  // sorted discontinuity times
  std::size_t next_event_ = 0;
  DragModel drag_;
  double t_ = 0.0;
  Vec3 pos_ = Vec3::Zero(), vel_ = Vec3::Zero();
  double mass_ = 0.0;
  bool separated_ = false, impacted_ = false, risen_ = false;
  double marv_start_t_ = -1.0;
  const GlideVehicle* glide_ = nullptr;  // set: the body glides once separated (or from the start)
  Vec3 aim_ecef_ = Vec3::Zero();
  bool gliding_ = false, diving_ = false;
  double regime_t_ = 0.0;       // midpoint of the current substep: fixes thrust on/off and stage
  int thrusting_stage_ = -1;    // stage burning in the current substep, -1 none
  double bo_gamma_deg_ = 0.0, bo_speed_ = 0.0, bo_alt_ = 0.0, apogee_ = 0.0;
};

// Flight-path angle (deg) of a velocity at a position: above the local horizontal.
double flight_path_angle_deg(const Vec3& pos_ecef, const Vec3& vel_ecef);

}  // namespace skyshield
