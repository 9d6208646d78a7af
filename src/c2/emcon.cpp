#include "c2/emcon.hpp"

#include <cmath>

#include "core/units.hpp"

namespace skyshield {

double arm_time_to_go(const EmconParams& p, const EmconTrack& track, const Vec3& site_enu) {
  if (p.mode == EmconMode::Off) return -1.0;
  const double v = track.vel_enu.norm();
  if (v < p.arm_min_speed_mps) return -1.0;
  const Vec3 to_site = site_enu - track.pos_enu;
  const double r = to_site.norm();
  if (r > p.warning_range_m) return -1.0;
  if (r <= 0.0) return 0.0;
  return to_site.dot(track.vel_enu) / (r * v) >= std::cos(p.cone_deg * kDegToRad) ? r / v : -1.0;
}

bool emcon_radiating(const EmconParams& p, double t, double warned_until) {
  if (p.mode == EmconMode::Off || t > warned_until) return true;
  if (p.mode == EmconMode::Shutdown) return false;
  // Blink: on for the first blink_on_s of each period, counted from the first instant of time.
  const double period = p.blink_on_s + p.blink_off_s;
  return std::fmod(t, period) < p.blink_on_s;
}

}  // namespace skyshield
