#pragma once
// Quick rejects of the coverage test (Coverage::covers) for points far off a batch's thin sweep
// slice, before the exact test: the radar's targets (sensors/radar.cpp) and the tracker's candidates
// (tracking/tracker.cpp).
#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "core/vec.hpp"
#include "sensors/measurement.hpp"

namespace skyshield {

// A quick reject of tracks far off a thin sweep slice, before the exact test (two atan2 per track):
// a track whose azimuth is more than the slice's half width plus its margin from the slice's
// centre is outside. Conservative: it rejects only where Coverage::covers would (cos a >= 1 - a^2/2
// for every a, and a small slack for rounding), so the candidates are exactly the same. A batch's
// track dwells (beams on given directions) are tested the same way, on the angle from each beam.
struct SweepSlice {
  double max_range2 = std::numeric_limits<double>::infinity();   // range^2 beyond which covers() rejects, widened for rounding
  bool usable = false;
  double sin_c = 0.0, cos_c = 0.0, half = 0.0;
  std::vector<Vec3> dwell_u;     // unit vectors of the dwells' beam centres (radar ENU)
  double dwell_half = 0.0;

  static SweepSlice of(const Coverage& c) {
    SweepSlice s;
    if (!c.known) return s;
    s.max_range2 = c.max_range_m * c.max_range_m * (1.0 + 1e-9);
    if (c.full_circle) return s;
    const double width = c.sweep_width_rad();
    if (width >= 1.0) return s;
    const double centre = c.sweep_from_rad + 0.5 * width;
    s.usable = true;
    s.sin_c = std::sin(centre);
    s.cos_c = std::cos(centre);
    s.half = 0.5 * width;
    for (const RangeAzEl& d : c.dwells)
      s.dwell_u.emplace_back(std::cos(d.el_rad) * std::sin(d.az_rad), std::cos(d.el_rad) * std::cos(d.az_rad), std::sin(d.el_rad));
    s.dwell_half = c.dwell_half_beam_rad;
    return s;
  }

  // The same kind of test without square roots or divisions, for most tracks of a batch (far off a
  // thin slice) before the one below: looser, since a^2 = (half + margin)^2 <= 2 half^2 + 2 margin^2,
  // with margin^2 = 3 max(trace, 0) / max(range^2, 1) as the candidate test computes the margin, and
  // made stricter still by 1e-9 for the rounding of the squares. What it rejects, surely_outside or
  // (when half + margin >= 1) the exact test would reject too. A dwell's beam (half-width b) misses
  // when cos(angle from its centre) = u . enu / range < 1 - b^2 - margin^2 - 1e-9 <= cos(b + margin).
  // Beyond the range the exact test allows (range2 = |enu|^2), whatever the sweep, comes first.
  bool surely_outside_fast(const Vec3& enu, double range2, double trace_pp) const {
    if (range2 > max_range2) return true;
    if (!usable) return false;
    const double scale = std::max(range2, 1.0);
    const double spread = 3.0 * std::max(0.0, trace_pp);   // scale * margin^2
    const double k = scale * (1.0 - half * half - 1e-9) - spread;  // scale * L'
    if (k <= 0.0) return false;
    const double along = (enu.x() * sin_c + enu.y() * cos_c) * scale;
    const double horizontal2 = enu.x() * enu.x() + enu.y() * enu.y();
    if (along >= 0.0 && !(along * along < horizontal2 * k * k * (1.0 - 1e-9))) return false;
    if (dwell_u.empty()) return true;
    const double kd = scale * (1.0 - dwell_half * dwell_half - 1e-9) - spread;
    if (kd <= 0.0) return false;
    for (const Vec3& u : dwell_u) {
      const double dot = u.dot(enu) * scale;
      if (dot >= 0.0 && !(dot * dot < range2 * kd * kd * (1.0 - 1e-9))) return false;
    }
    return true;
  }

  // enu: the predicted position in the radar frame; margin: the angular margin of the exact test.
  // Dwells are left to the exact test.
  bool surely_outside(const Vec3& enu, double margin) const {
    const double a = half + margin;
    if (!usable || a >= 1.0 || !dwell_u.empty()) return false;
    const double horizontal = std::sqrt(enu.x() * enu.x() + enu.y() * enu.y());
    const double along = enu.x() * sin_c + enu.y() * cos_c;  // horizontal * cos(azimuth off the centre)
    return along < horizontal * (1.0 - 0.5 * a * a - 1e-9);
  }
};


}  // namespace skyshield
