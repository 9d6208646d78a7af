#pragma once
// Emission control (EMCON) doctrine of a battalion against anti-radiation missiles. The command post
// classifies an ARM from its own track picture, never the truth: a confirmed track faster than
// arm_min_speed_mps, within warning_range_m of one of its radars and whose velocity points within
// cone_deg of that radar (an ARM flies straight at its emitter; aircraft and cruise missiles are slower
// or pass by). A warned radar stops radiating (shutdown) or radiates only blink_on_s of every
// blink_on_s + blink_off_s (blink) until hold_s after the ARM's predicted arrival (its range over its
// speed at the last warning): the picture of a silent radar coasts, so the arrival is the last thing
// the command post knows. The cost: while silent the
// radar sends no detections, so its tracks coast and are dropped (tracker max_coast_s), and the
// battalion holds fire while its engagement radar is silent. NOTIONAL thresholds (AGM-88-class ARMs fly
// at Mach 2+, ~700 m/s; fighters cruise below ~300 m/s; public figures, e.g. FAS military analysis
// network, AGM-88 HARM page).
#include <span>

#include "core/vec.hpp"

namespace skyshield {

enum class EmconMode { Off, Shutdown, Blink };

struct EmconParams {
  EmconMode mode = EmconMode::Off;
  double arm_min_speed_mps = 500.0;
  double warning_range_m = 80e3;
  double cone_deg = 10.0;
  double hold_s = 20.0;
  double blink_on_s = 2.0;
  double blink_off_s = 8.0;
};

// A track as EMCON reads it: position and velocity in the battalion's ENU frame.
struct EmconTrack {
  Vec3 pos_enu = Vec3::Zero();
  Vec3 vel_enu = Vec3::Zero();
};

// The predicted time to go (s) of `track` to the radar at site_enu when it is classified as an ARM
// closing on that radar, else a negative value.
double arm_time_to_go(const EmconParams& p, const EmconTrack& track, const Vec3& site_enu);

// Whether a radar radiates at time t, given the end of its ARM warning (the predicted arrival of the
// last ARM it was warned of plus hold_s; a very negative value: never warned).
bool emcon_radiating(const EmconParams& p, double t, double warned_until);

}  // namespace skyshield
