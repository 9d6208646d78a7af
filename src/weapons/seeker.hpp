#pragma once
// The interceptor's terminal seeker: what it can acquire, and the line-of-sight rate it gives
// guidance, with its errors. References (public textbooks):
//  - acquisition range from the radar range equation (Skolnik, Introduction to Radar Systems, ch. 2):
//    an active seeker's echo falls as 1/R^4, so against an RCS sigma it acquires at
//    R_acq = R_ref (sigma / sigma_ref)^(1/4); a semi-active seeker (and track-via-missile, whose
//    seeker also receives the engagement radar's illumination) sees sigma / (R_illum^2 R^2), so
//    R_acq = R_ref (R_illum,ref / R_illum) (sigma / sigma_ref)^(1/2);
//  - thermal angle noise of a monopulse tracker falls as 1/sqrt(SNR) (Skolnik ch. 4; Barton, Radar
//    System Analysis): given as its 1-sigma value at the acquisition range (where SNR is the
//    detection threshold), it scales as (R/R_acq)^2 for an active seeker (SNR ~ 1/R^4) and as
//    R/R_acq for a semi-active one (SNR ~ 1/R^2): it shrinks as the range closes;
//  - glint: the apparent reflection centre wanders over the target's extent, an angle error of
//    glint_m / R that grows as the range closes (Zarchan, Tactical and Strategic Missile Guidance,
//    ch. "Noise analysis": glint dominates the miss of radar homing missiles);
//  - the line-of-sight rate is the true rate plus the angle errors' change per sample (what
//    differencing the measured direction gives), through the seeker's first-order noise filter
//    (Zarchan's "seeker/noise filter" time constant);
//  - gimbal: beyond its look-angle limit (off the missile's axis, taken along its velocity) the seeker
//    loses the target; its tracking rate is limited (the filtered rate saturates there);
//  - blind range: closer than this the seeker gives no new measurement (the echo merges with the
//    transmitter's leakage / the fuze takes over): guidance flies on the last filtered rate.
//  - jamming (weapons/seeker_jamming.hpp): a barrage jammer in band adds its noise to the thermal
//    noise, so the thermal angle noise follows 1/sqrt(SINR): sigma0 sqrt(thr / SINR) =
//    sigma0 sqrt((R/R_acq)^4 + thr J/S) (active; (R/R_acq)^2 + thr J/S semi-active), which is the
//    jam-free law when J/S = 0; while homing on jam the seeker measures the strobe's angle only,
//    with the class's constant seeker_hoj_angle_noise (passive: no range law, no glint).
// Noise is white per sample, one sample per flight sub-step (25 ms in the engine: 40 Hz).
#include "core/rng.hpp"
#include "core/vec.hpp"
#include "weapons/guidance.hpp"
#include "world/truth_view.hpp"

namespace skyshield {

struct InterceptorClass;

// What the seeker tracks: the target's skin echo, or the strobe of the jammer it carries (home-on-jam).
enum class SeekerMode { Skin, HomeOnJam };

class Seeker {
 public:
  Seeker(const InterceptorClass* cls, Rng rng);
  // Acquisition range against this target from the missile at `missile`, illuminated (semi-active,
  // track-via-missile) from `illuminator`.
  double acquisition_range(const TruthView& target, const Vec3& missile, const Vec3& illuminator) const;
  // Inside the acquisition range and the gimbal's look-angle limit.
  bool can_see(const TruthView& target, const Vec3& missile_pos, const Vec3& missile_vel, const Vec3& illuminator) const;
  // Inside the gimbal's look-angle limit off the missile's axis (its velocity).
  bool in_gimbal(const TruthView& target, const Vec3& missile_pos, const Vec3& missile_vel) const;
  // Starts tracking (after acquisition): the filter starts from prior_rate (from the uplinked track).
  void start(const Vec3& prior_rate, double acquisition_range_m, SeekerMode mode = SeekerMode::Skin);
  // Switches between skin and jam strobe (the rate filter runs on).
  void set_mode(SeekerMode mode) { mode_ = mode; }
  SeekerMode mode() const { return mode_; }
  // The barrage jammer's J/S (linear, weapons/seeker_jamming.hpp) against the skin echo now; 0: none.
  void set_jamming(double noise_js) { noise_js_ = noise_js; }
  // One measurement of the true geometry; returns the filtered line-of-sight rate (rad/s).
  Vec3 measure(const LineOfSight& truth, double h);
  double angle_sigma(double range_m) const;  // 1-sigma angle error per sample (rad) at this range

 private:
  const InterceptorClass* cls_;
  Rng rng_;
  FirstOrderLag filter_;
  Vec3 last_error_ = Vec3::Zero();  // the last sample's angle error (rotation vector, rad)
  bool have_u_ = false;
  double acquired_at_m_ = 0.0;
  SeekerMode mode_ = SeekerMode::Skin;
  double noise_js_ = 0.0;
};

}  // namespace skyshield
