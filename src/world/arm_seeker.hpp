#pragma once
// The passive seeker of an anti-radiation missile (ARM), NOTIONAL parameters (public orders of
// magnitude: Adamy, EW 101 (2001) ch. 2 and 5 - receiver sensitivities of -60 to -70 dBm, DF
// accuracies of 1-5 deg; AGM-88-class missiles fly at Mach 2-3).
//
// Acquisition (one-way link, Adamy EW 101 sec. 2.4; Skolnik, Introduction to Radar Systems 3rd ed.
// eq. 10.9 for the jammer, the same one-way equation): the power a seeker of gain Gr receives from an
// emitter of power Pt and gain Gt at range R and wavelength lambda is
//   S = Pt Gt Gr lambda^2 / ((4 pi)^2 R^2),
// so it acquires inside R_acq = lambda / (4 pi) sqrt(Pt Gt Gr / S_min). A radar's beam sweeps past the
// seeker only briefly per scan; the seeker homes on its side lobes, so the engine gives Gt = the radar's
// gain times its side-lobe level (a continuous signal), not the main-lobe peak.
//
// Homing: while its emitter radiates, each look fixes it with a bearing error (normal, sigma per axis
// perpendicular to the line of sight: a position error of R sigma) and the missile flies to that fix.
// Memory: when the emitter falls silent the missile flies to its last fix, and its navigation drifts
// at memory_drift_mps in a fixed (seeded) horizontal direction, so the aim point walks away from the
// emitter by  drift x (time silent)  - the miss grows linearly with the time the emitter stays silent.
// Lock-on: the strongest emitter in band and inside the field of view; the missile stays on it while
// it radiates. When it falls silent the seeker takes the strongest other emitter in view, if any (a
// decoy emitter left radiating draws it away), else it flies on memory; a silent emitter that radiates
// again while the missile is still on its memory is taken up again.
#include <cstdint>
#include <optional>
#include <span>

#include "core/geo.hpp"
#include "core/rng.hpp"
#include "world/emitter.hpp"

namespace skyshield {

struct ArmSeekerParams {
  double band_low_hz = 0.0;          // seeker band; 0 / 0 = no seeker (not an ARM)
  double band_high_hz = 0.0;
  double sensitivity_dbm = -65.0;    // minimum received power to acquire and hold
  double antenna_gain_db = 0.0;      // seeker antenna gain (broad beam)
  double bearing_sigma_deg = 1.0;    // direction-finding error, per axis
  double field_of_view_deg = 60.0;   // half-angle of the cone about the velocity it looks into
  double memory_drift_mps = 5.0;     // drift of the remembered aim point once the emitter is silent
  double lethal_radius_m = 30.0;     // an emitter within this distance of the impact ...
  double lethal_probability = 1.0;   // ... is destroyed with this probability (seeded draw per impact)

  bool present() const { return band_high_hz > band_low_hz && band_high_hz > 0.0; }
  bool covers(double f_hz) const { return f_hz >= band_low_hz && f_hz <= band_high_hz; }
};

// Received power (W) of the one-way link above.
double arm_received_power_w(const ArmSeekerParams& s, const Emitter& e, double range_m);
// Acquisition range (m) of the seeker against the emitter (R_acq above); 0 when out of band.
double arm_acquisition_range_m(const ArmSeekerParams& s, const Emitter& e);

class ArmSeeker {
 public:
  ArmSeeker(const ArmSeekerParams& p, std::uint64_t seed, int threat_id);

  // One look at time t from the missile at pos/vel (ECEF). Returns the aim point (ground position
  // of the fix, or of the drifting memory) or nothing while it has never acquired.
  std::optional<Vec3> look(double t, const Vec3& pos, const Vec3& vel, std::span<const Emitter> emitters);

  int locked_id() const { return locked_; }       // emitter id it homes on, -1 none
  bool in_memory() const { return silent_since_ >= 0.0; }
  double silent_since() const { return silent_since_; }

 private:
  bool visible(const Emitter& e, const Vec3& pos, const Vec3& vel) const;

  ArmSeekerParams p_;
  Rng rng_;
  Vec3 drift_dir_ecef_ = Vec3::Zero();   // unit horizontal direction of the memory drift (set at lock)
  int locked_ = -1;
  Vec3 last_fix_ = Vec3::Zero();
  double silent_since_ = -1.0;
};

}  // namespace skyshield
