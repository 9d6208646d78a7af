#include "sensors/horizon.hpp"

#include <algorithm>
#include <cmath>

namespace skyshield {

double horizon_distance_m(double h_m, double k) {
  // Arc length on a sphere of radius kR from the sub-point of a height h to its tangent point:
  // kR * acos(kR / (kR + h)) (exact; ~ sqrt(2 k R h) for h << R).
  const double re = k * kEarthMeanRadius;
  const double h = std::max(0.0, h_m);
  return re * std::acos(re / (re + h));
}

double radar_horizon_range_m(double h_radar_m, double h_target_m, double k) {
  return horizon_distance_m(h_radar_m, k) + horizon_distance_m(h_target_m, k);
}

namespace {
// The least radius of curvature of the WGS-84 ellipsoid, b^2 / a = a (1 - f)^2 (the meridian's, at
// the equator): no geodesic bends more sharply.
constexpr double kWgs84A = 6378137.0, kWgs84F = 1.0 / 298.257223563;
constexpr double kLeastCurvatureRadius = kWgs84A * (1.0 - kWgs84F) * (1.0 - kWgs84F);
constexpr double kRelativeSlack = 1e-9;   // far above the rounding of either bound
}  // namespace

// Bounds on the ground distance L (the shortest geodesic between the two points' feet on the
// ellipsoid) from the chord c between those feet, which need no geodesic solution:
//   c <= L <= 2 R asin(c / 2R),  R the least radius of curvature.
// The lower bound: a chord is the shortest path. The upper bound: a geodesic's curvature in space is
// the ellipsoid's normal curvature along it, at most 1/R, and a curve whose curvature never exceeds
// that of a circle of radius R has a chord at least the circle's arc of the same length (Schur's
// comparison theorem; do Carmo, Differential Geometry of Curves and Surfaces, sec. 5-7). Used only for
// chords under 1,000 km, where the shortest geodesic is far shorter than pi R. Only when the
// horizon range lies between the two bounds (widened for rounding) is the geodesic solved; the
// answer is the same either way, and most targets are far inside or far beyond the horizon.
bool above_radar_horizon(const Geodetic& antenna, const Geodetic& target, double ground_m, double k) {
  // Ground distance along the ellipsoid, compared with the two horizon arcs on the effective
  // earth, heights counted from the smooth surface at ground_m.
  const double horizon = radar_horizon_range_m(antenna.alt_m - ground_m, target.alt_m - ground_m, k);
  const double c = (ecef_from_geodetic({antenna.lat_deg, antenna.lon_deg, 0.0}) - ecef_from_geodetic({target.lat_deg, target.lon_deg, 0.0})).norm();
  if (c < 1e6) {
    const double longest = 2.0 * kLeastCurvatureRadius * std::asin(c / (2.0 * kLeastCurvatureRadius));
    if (longest * (1.0 + kRelativeSlack) < horizon) return true;
    if (c * (1.0 - kRelativeSlack) > horizon) return false;
  }
  const double ground = geodesic_inverse(antenna, target).distance_m;
  return ground <= horizon;
}

}  // namespace skyshield
