#include "world/fast_geodesy.hpp"

#include <cmath>
#include <numbers>

namespace skyshield {

namespace {

constexpr double kA = 6378137.0;                 // WGS-84 semi-major axis, m (NIMA TR8350.2)
constexpr double kF = 1.0 / 298.257223563;       // WGS-84 flattening
constexpr double kE2 = kF * (2.0 - kF);          // first eccentricity squared
constexpr double kDeg = std::numbers::pi / 180.0;
constexpr double kShortStep = 2000.0;            // m: longer moves go to GeographicLib
constexpr double kNearAim = 20000.0;             // m: the mid-latitude plane within this distance

// Meridian (M) and normal (N) radii of curvature at a latitude with sine s.
void radii(double s, double& m, double& n) {
  const double w2 = 1.0 - kE2 * s * s, w = std::sqrt(w2);
  n = kA / w;
  m = kA * (1.0 - kE2) / (w2 * w);
}

double wrap_pi(double x) { return std::remainder(x, 2.0 * std::numbers::pi); }

double wrap_deg(double d) {
  d = std::remainder(d, 360.0);
  return d == -180.0 ? 180.0 : d;
}

}  // namespace

Geodetic geodesic_step(const Geodetic& from, double azimuth_deg, double distance_m) {
  if (!(std::abs(distance_m) <= kShortStep) || std::abs(from.lat_deg) > 89.9) return geodesic_direct(from, azimuth_deg, distance_m);
  const double phi = from.lat_deg * kDeg, az = azimuth_deg * kDeg, s = distance_m;
  // Derivatives at the start, then at the midpoint (the explicit midpoint rule).
  auto derivative = [](double p, double a, double& dp, double& dl, double& da) {
    const double sp = std::sin(p), cp = std::cos(p), sa = std::sin(a), ca = std::cos(a);
    double m, n;
    radii(sp, m, n);
    dp = ca / m;
    dl = sa / (n * cp);
    da = sa * sp / (n * cp);
  };
  double dp, dl, da;
  derivative(phi, az, dp, dl, da);
  derivative(phi + 0.5 * s * dp, az + 0.5 * s * da, dp, dl, da);
  Geodetic out = from;
  out.lat_deg = (phi + s * dp) / kDeg;
  out.lon_deg = wrap_deg(from.lon_deg + s * dl / kDeg);
  return out;
}

GeodesicResult geodesic_aim(const Geodetic& a, const Geodetic& b) {
  const double p1 = a.lat_deg * kDeg, p2 = b.lat_deg * kDeg;
  const double dl = wrap_pi((b.lon_deg - a.lon_deg) * kDeg);
  const double pm = 0.5 * (p1 + p2), spm = std::sin(pm), cpm = std::cos(pm);
  double m, n;
  radii(spm, m, n);
  const double north = m * (p2 - p1), east = n * cpm * dl;
  GeodesicResult r;
  const double near = std::hypot(north, east);
  if (near < kNearAim && std::abs(pm) < 89.0 * kDeg) {
    r.distance_m = near;
    r.azimuth_deg = near > 0.0 ? wrap_deg((std::atan2(east, north) - 0.5 * dl * spm) / kDeg) : 0.0;
    return r;
  }
  // Great circle of the parametric latitudes beta = atan((1 - f) tan phi).
  const double b1 = std::atan((1.0 - kF) * std::tan(p1)), b2 = std::atan((1.0 - kF) * std::tan(p2));
  const double sb1 = std::sin(b1), cb1 = std::cos(b1), sb2 = std::sin(b2), cb2 = std::cos(b2);
  const double sdl = std::sin(dl), cdl = std::cos(dl);
  const double y = cb2 * sdl, x = cb1 * sb2 - sb1 * cb2 * cdl;
  const double sigma = std::atan2(std::hypot(y, x), sb1 * sb2 + cb1 * cb2 * cdl);
  // Andoyer-Lambert: d = a (sigma - f/2 (X + Y)).
  const double P = 0.5 * (b1 + b2), Q = 0.5 * (b2 - b1);
  const double sP = std::sin(P), cP = std::cos(P), sQ = std::sin(Q), cQ = std::cos(Q);
  const double ch = std::cos(0.5 * sigma), sh = std::sin(0.5 * sigma), ss = std::sin(sigma);
  const double X = (sigma - ss) * sP * sP * cQ * cQ / (ch * ch);
  const double Y = (sigma + ss) * cP * cP * sQ * sQ / (sh * sh);
  r.distance_m = kA * (sigma - 0.5 * kF * (X + Y));
  r.azimuth_deg = wrap_deg(std::atan2(y, x) / kDeg);
  return r;
}

}  // namespace skyshield
