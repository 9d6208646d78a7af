#include "sensors/vertical_coverage.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

#include "core/units.hpp"
#include "sensors/horizon.hpp"
#include "sensors/radar_equation.hpp"

namespace skyshield {

namespace {
// Refines the boundary between d_ok (ok) and d_bad (not ok) to 0.5 m by bisection.
double refine(double d_ok, double d_bad, const std::function<bool(double)>& ok) {
  for (int i = 0; i < 100 && std::abs(d_bad - d_ok) > 0.5; ++i) {
    const double mid = 0.5 * (d_ok + d_bad);
    (ok(mid) ? d_ok : d_bad) = mid;
  }
  return d_ok;
}
constexpr int kScanSteps = 400;
}  // namespace

double effective_earth_slant_range_m(double ha, double h, double d, double k) {
  const double re = k * kEarthMeanRadius, a = re + ha, b = re + h, th = d / re;
  // a^2 + b^2 - 2ab cos(th) = (a - b)^2 + 4ab sin^2(th/2): no cancellation at short range.
  const double s = std::sin(0.5 * th);
  return std::sqrt((a - b) * (a - b) + 4.0 * a * b * s * s);
}

double effective_earth_elevation_rad(double ha, double h, double d, double k) {
  const double re = k * kEarthMeanRadius, a = re + ha, b = re + h, th = d / re;
  const double r = effective_earth_slant_range_m(ha, h, d, k);
  if (r <= 0.0) return 0.0;
  // b cos(th) - a = (b - a) - 2 b sin^2(th/2)
  const double s = std::sin(0.5 * th);
  return std::asin(std::clamp(((b - a) - 2.0 * b * s * s) / r, -1.0, 1.0));
}

GroundInterval detection_interval(const RadarParams& p, const SquareLawDetector& detector, double ha, double rcs,
                                  Swerling sw, double pd, double h, double k) {
  const double r_snr = radar_equation_range(radar_terms(p, rcs), detector.required_snr(sw, pd));
  const double r_max = std::min(r_snr, p.instrumented_range_m);
  const double d_hor = radar_horizon_range_m(ha, h, k);
  const double min_el = p.min_elevation_deg * kDegToRad, max_el = p.max_elevation_deg * kDegToRad;
  auto ok = [&](double d) {
    if (effective_earth_slant_range_m(ha, h, d, k) > r_max) return false;
    const double el = effective_earth_elevation_rad(ha, h, d, k);
    return el >= min_el && el <= max_el;
  };
  // Scan 0..d_hor for the nearest and the farthest detectable ground range, then refine both edges
  // (the region is one interval: the range equation and the horizon cut it from outside, the cone of
  // silence and, for targets below the antenna, the lower elevation limit from inside).
  GroundInterval g;
  const double step = d_hor / kScanSteps;
  int first = -1, last = -1;
  for (int i = 0; i <= kScanSteps; ++i)
    if (ok(i * step)) {
      if (first < 0) first = i;
      last = i;
    }
  if (first < 0) return g;
  g.min_m = first == 0 ? 0.0 : refine(first * step, (first - 1) * step, ok);
  g.max_m = last == kScanSteps ? d_hor : refine(last * step, (last + 1) * step, ok);
  return g;
}

CoverageCurve vertical_coverage(const RadarParams& p, double antenna_alt_m, const std::string& label, double rcs_m2,
                                Swerling sw, double pd, double max_alt_m, int n_alt) {
  const SquareLawDetector detector(p.pfa, p.noncoherent_looks);
  CoverageCurve c;
  c.label = label;
  for (int i = 0; i <= n_alt; ++i) {
    const double h = coverage_altitude_m(max_alt_m, i, n_alt);
    c.altitude_m.push_back(h);
    c.ground.push_back(detection_interval(p, detector, antenna_alt_m, rcs_m2, sw, pd, h));
  }
  return c;
}

}  // namespace skyshield
