#pragma once
// Vertical coverage of a radar: for a target of given mean RCS and Swerling case, the farthest ground
// range at which it is detected with probability >= pd in one detection decision, as a function of
// its altitude - the classic range-height coverage diagram (Blake, Radar Range-Performance Analysis,
// ch. 6; here over the 4/3 effective earth, without lobing or terrain).
// Geometry on the effective earth (radius kR): antenna at radius a = kR + ha, target at b = kR + h,
// ground angle theta = d / kR; slant range R^2 = a^2 + b^2 - 2 a b cos(theta); elevation
// sin(el) = (b cos(theta) - a) / R. The detection region at altitude h is [d_min, d_max]: the range
// equation, the instrumented range, the horizon (the tangent ray) and the lower elevation limit bound
// it from outside, the upper elevation limit (the cone of silence) from inside.
#include <string>
#include <vector>

#include "sensors/detection.hpp"
#include "sensors/radar_params.hpp"

namespace skyshield {

struct GroundInterval {
  double min_m = 0.0;
  double max_m = 0.0;   // max <= min: not detectable at this altitude
  bool empty() const { return max_m <= min_m; }
};

// Slant range and elevation from an antenna at ha to a target at h, d metres away over the effective earth.
double effective_earth_slant_range_m(double ha_m, double h_m, double d_m, double k = 4.0 / 3.0);
double effective_earth_elevation_rad(double ha_m, double h_m, double d_m, double k = 4.0 / 3.0);

// Ground ranges at which a target at altitude h_m (above the same datum as the antenna height
// antenna_alt_m) is detected with probability >= pd.
GroundInterval detection_interval(const RadarParams& p, const SquareLawDetector& detector, double antenna_alt_m,
                                  double rcs_m2, Swerling sw, double pd, double h_m, double k = 4.0 / 3.0);

struct CoverageCurve {
  std::string label;
  std::vector<double> altitude_m;
  std::vector<GroundInterval> ground;
};

// Altitude i of n of a coverage curve: h = H (i/n)^2, fine near the ground where the horizon bends it.
inline double coverage_altitude_m(double max_alt_m, int i, int n) {
  const double u = static_cast<double>(i) / n;
  return max_alt_m * u * u;
}

// The curve for altitudes coverage_altitude_m(max_alt_m, 0..n_alt, n_alt).
CoverageCurve vertical_coverage(const RadarParams& p, double antenna_alt_m, const std::string& label, double rcs_m2,
                                Swerling sw, double pd, double max_alt_m, int n_alt = 120);

}  // namespace skyshield
