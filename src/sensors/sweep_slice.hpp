#pragma once
// Quick rejects of the coverage test (Coverage::covers) for points far off a batch's thin sweep
// slice, before the exact test: the radar's targets (sensors/radar.cpp) and the tracker's candidates
// (tracking/tracker.cpp).
#include <algorithm>
#include <cmath>

#include "core/vec.hpp"
#include "sensors/measurement.hpp"

namespace skyshield {

// A quick reject of tracks far off a thin sweep slice, before the exact test (two atan2 per track):
// a track whose azimuth is more than the slice's half width plus its margin from the slice's
// centre is outside. Conservative: it rejects only where Coverage::covers would (cos a >= 1 - a^2/2
// for every a, and a small slack for rounding), so the candidates are exactly the same.
struct SweepSlice {
  bool usable = false;
  double sin_c = 0.0, cos_c = 0.0, half = 0.0;

  static SweepSlice of(const Coverage& c) {
    SweepSlice s;
    if (!c.known || c.full_circle || !c.dwells.empty()) return s;  // dwells may cover any direction
    const double width = c.sweep_width_rad();
    if (width >= 1.0) return s;
    const double centre = c.sweep_from_rad + 0.5 * width;
    s.usable = true;
    s.sin_c = std::sin(centre);
    s.cos_c = std::cos(centre);
    s.half = 0.5 * width;
    return s;
  }

  // The same kind of test without square roots or divisions, for most tracks of a batch (far off a
  // thin slice) before the one below: looser, since a^2 = (half + margin)^2 <= 2 half^2 + 2 margin^2,
  // with margin^2 = 3 max(trace, 0) / max(range^2, 1) as the candidate test computes the margin, and
  // made stricter still by 1e-9 for the rounding of the squares. What it rejects, surely_outside or
  // (when half + margin >= 1) the exact test would reject too.
  bool surely_outside_fast(const Vec3& enu, double range2, double trace_pp) const {
    if (!usable) return false;
    const double scale = std::max(range2, 1.0);
    const double k = scale * (1.0 - half * half - 1e-9) - 3.0 * std::max(0.0, trace_pp);  // scale * L'
    if (k <= 0.0) return false;
    const double along = (enu.x() * sin_c + enu.y() * cos_c) * scale;
    if (along < 0.0) return true;
    const double horizontal2 = enu.x() * enu.x() + enu.y() * enu.y();
    return along * along < horizontal2 * k * k * (1.0 - 1e-9);
  }

  // enu: the predicted position in the radar frame; margin: the angular margin of the exact test.
  bool surely_outside(const Vec3& enu, double margin) const {
    const double a = half + margin;
    if (!usable || a >= 1.0) return false;
    const double horizontal = std::sqrt(enu.x() * enu.x() + enu.y() * enu.y());
    const double along = enu.x() * sin_c + enu.y() * cos_c;  // horizontal * cos(azimuth off the centre)
    return along < horizontal * (1.0 - 0.5 * a * a - 1e-9);
  }
};


}  // namespace skyshield
