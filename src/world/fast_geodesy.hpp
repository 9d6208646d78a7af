#pragma once
// Per-step geodesy of waypoint flight without GeographicLib's series (about 1-2 us a call), for the
// thousands of moves a scenario makes per simulated second:
//  - geodesic_step: a short move (<= 2 km; longer moves are handed to geodesic_direct) by the
//    midpoint rule on the geodesic's differential equations on the WGS-84 ellipsoid,
//    dphi/ds = cos(az)/M, dlambda/ds = sin(az)/(N cos phi), daz/ds = sin(az) tan(phi)/N
//    (M, N the meridian and normal radii of curvature; e.g. Rapp 1993, "Geometric Geodesy Part II",
//    sec. 1.3, Clairaut's equation): error of order s^3/R^2, below a micrometre for a 50 m step;
//  - geodesic_aim: distance and initial azimuth toward a point; within 20 km by the mid-latitude
//    plane (north M dphi, east N cos(phi) dlambda at the mean latitude, the azimuth turned back by
//    half the meridian convergence dlambda sin(phi)); beyond by Andoyer-Lambert's first-order
//    flattening correction of the great circle of parametric latitudes (Lambert 1942, "The distance
//    between two widely separated points on the surface of the earth", J. Wash. Acad. Sci. 32(5)),
//    with the azimuth of that great circle.
// Tolerances against GeographicLib (tests/world/test_fast_geodesy.cpp): step < 1e-6 m at 50 m, < 2 mm
// at 2 km; aim within 20 km: < 0.5 m and < 1e-3 deg; beyond: < 2e-5 of the distance and < 0.2 deg (the auxiliary-sphere
// azimuth; the heading command it steers is re-aimed every step and exact within 20 km).
#include "core/geo.hpp"

namespace skyshield {

// The point distance_m along azimuth_deg from `from` (altitude copied), as geodesic_direct.
Geodetic geodesic_step(const Geodetic& from, double azimuth_deg, double distance_m);
// Distance and initial azimuth from a to b (surface projections), as geodesic_inverse.
GeodesicResult geodesic_aim(const Geodetic& a, const Geodetic& b);

}  // namespace skyshield
