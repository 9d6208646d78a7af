#pragma once
// Parameters of one interceptor class (notional, public figures; see scenarios/library/interceptors.yaml):
// motors, airframe, launch, guidance, warhead, and the flyout model fire control plans with.
#include <array>
#include <memory>
#include <string>
#include <vector>

#include "core/piecewise_linear.hpp"
#include "core/threat_class.hpp"
#include "weapons/flyout/airframe.hpp"
#include "weapons/flyout/flyout_model.hpp"
#include "weapons/flyout/propulsion.hpp"
#include "weapons/guidance.hpp"
#include "weapons/target_envelope.hpp"

namespace skyshield {

// Terminal seeker: an active radar seeker homes on its own once locked; a semi-active seeker (on the
// engagement radar's illumination) and track-via-missile (the radar guides on what the missile's
// seeker sees) need the engagement radar's track to the end.
enum class SeekerType { ActiveRadar, SemiActive, TrackViaMissile };

struct InterceptorClass {
  std::string name;            // e.g. "long_range"
  std::string layer;           // defensive layer label used in summaries, e.g. "LR"
  // Published figures. max_range_m is the specification (layering, reach estimates and the range
  // test compare with it); what can really be engaged comes from `flyout`, i.e. from the physics.
  double min_range_m = 2e3;    // fuze arming and turnover: nothing closer is engaged
  double max_range_m = 250e3;
  double min_altitude_m = 10.0;
  double max_altitude_m = 27e3;

  Propulsion propulsion;
  Airframe airframe;
  // Launch: cold vertical launch (ejected at eject_speed), straight up for vertical_rise_s, then
  // turned over toward the target by gas-dynamic control at turnover_rate_dps. Not vertical: a hot
  // launch along the line to the aim point.
  bool vertical_launch = true;
  double eject_speed_mps = 30.0;
  double vertical_rise_s = 0.5;
  double turnover_rate_dps = 60.0;

  // Guidance.
  GuidanceLaw guidance_law = GuidanceLaw::TruePN;
  double nav_constant = 4.0;   // proportional navigation constant N'
  double seeker_tau_s = 0.0;   // seeker line-of-sight rate filter time constant
  double autopilot_tau_s = 0.2;// flight control system time constant
  SeekerType seeker_type = SeekerType::ActiveRadar;
  double seeker_range_m = 0.0; // 0: no seeker, command guidance to the end
  double seeker_basket_m = 5e3;// the seeker searches this far around the uplinked position
  // Track gate (0: off, the fixed basket above): with an uplink from the battalion's own fire-control
  // track, the seeker acquires only echoes within max(seeker_track_gate_min_m, sigmas x sqrt(trace of
  // the track's position covariance)) of the uplinked position (never beyond the basket), and a
  // semi-active / track-via-missile round, gated on the ground by that track, drops a lock whose echo
  // leaves the gate (docs/bmd.md, "Correction (session 6)").
  double seeker_track_gate_sigmas = 0.0;
  double seeker_track_gate_min_m = 300.0;
  // Seeker model (weapons/seeker.hpp). seeker_range_m is the acquisition range against
  // seeker_reference_rcs_m2 (semi-active / track-via-missile: with the target at
  // seeker_illumination_ref_m from the illuminating radar). Zero noise and no limits: a perfect seeker.
  double seeker_reference_rcs_m2 = 1.0;
  double seeker_illumination_ref_m = 50e3;
  double tvm_processing_gain_db = 0.0;   // track-via-missile: ground processing gain (weapons/track_via_missile.hpp)
  double seeker_angle_noise_rad = 0.0;   // 1-sigma thermal angle noise at the acquisition range
  double seeker_glint_m = 0.0;           // 1-sigma glint across the line of sight (m)
  double seeker_blind_range_m = 0.0;     // no new measurement closer than this
  double seeker_gimbal_rad = 3.14159265358979;  // look-angle limit off the missile's axis
  double seeker_gimbal_rate_rps = 0.0;   // tracking-rate limit (0: none)
  // Electronic attack on the seeker (weapons/seeker_jamming.hpp; all notional). Without
  // seeker_frequency_hz (0) the seeker is not affected by any jammer.
  double seeker_frequency_hz = 0.0;      // what it receives: its own transmitter's, or the illuminator's
  double seeker_erp_w = 0.0;             // Pt Gt of the echo's source toward the target (W)
  double seeker_bandwidth_hz = 0.0;      // receiver noise bandwidth (share of a barrage: min(1, Bs/Bj))
  double seeker_snr_db = 13.0;           // detection threshold SNR, holding at the jam-free acquisition range
  bool home_on_jam = false;              // can lock and home on a jam strobe
  double seeker_hoj_angle_noise_rad = 0.0;  // 1-sigma angle noise while homing on jam (constant with range)
  double seeker_reacquire_s = 1.0;       // after a break-lock, no re-acquisition for this long
  bool midcourse_uplink = true;// the engagement radar updates the missile in flight; false: inertial to the PIP
  double ground_clearance_m = 3.0;  // guidance holds the missile this far above the terrain (notional)
  double min_speed_mps = 300.0;// after burnout, slower than this it cannot intercept: self-destructs
  double max_flight_time_s = 200.0;
  // Fire control plans an intercept only where the missile could still pull this much (g) at the
  // PIP (arrival speed, air density there, burnt-out mass): thin air leaves no endgame.
  double endgame_min_g = 0.0;

  // Warhead and fuze: the fuze functions at closest approach inside lethal_radius_m; the kill
  // probability is pk_in_lethal_radius[true class of the object hit] x pk_vs_miss(miss distance)
  // (weapons/lethality.hpp).
  double lethal_radius_m = 20.0;
  std::array<double, kThreatClassCount> pk_in_lethal_radius{0.9, 0.9, 0.9, 0.9};
  std::vector<TablePoint> pk_vs_miss{};  // empty: 1 everywhere inside the lethal radius
  double unit_cost = 1.0;      // notional cost unit, for cost-exchange figures
  // Launch envelope and single-shot Pk per target class (weapons/target_envelope.hpp). Empty (a
  // class built in code): the class-wide limits above and pk_in_lethal_radius apply to every target.
  EnvelopeTable envelopes;

  std::shared_ptr<const FlyoutModel> flyout;  // set by the scenario loader (or a test)

  double miss_factor(double miss_m) const {
    return pk_vs_miss.empty() ? 1.0 : interpolate_clamped(pk_vs_miss, miss_m);
  }
};

}  // namespace skyshield
