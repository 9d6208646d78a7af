#pragma once
// Physical constants and unit conversions. SI units everywhere inside skyshield:
// metres, seconds, kilograms, radians, watts, hertz. Degrees and decibels appear only at the edges.
#include <cmath>
#include <numbers>

namespace skyshield {

inline constexpr double kPi = std::numbers::pi;
inline constexpr double kDegToRad = kPi / 180.0;
inline constexpr double kRadToDeg = 180.0 / kPi;
inline constexpr double kSpeedOfLight = 299792458.0;    // m/s, exact (SI)
inline constexpr double kBoltzmann = 1.380649e-23;      // J/K, exact (SI 2019)
inline constexpr double kStandardGravity = 9.80665;     // m/s^2, standard g0 (CGPM 1901)
inline constexpr double kEarthMu = 3.986004418e14;      // m^3/s^2, WGS-84 GM
inline constexpr double kMeanEarthRadius = 6371008.8;  // m, mean radius R1 = (2a + b) / 3 of WGS-84 (Moritz, Geodetic Reference System 1980)
// Drop of a spherical earth's surface below the tangent plane at a ground range (m): d^2 / 2R.
inline constexpr double earth_drop_m(double ground_range_m) { return ground_range_m * ground_range_m / (2.0 * kMeanEarthRadius); }
inline constexpr double kStandardTemperature = 290.0;   // K, IEEE standard noise temperature T0

inline double db_to_linear(double db) { return std::pow(10.0, db / 10.0); }
inline double linear_to_db(double x) { return 10.0 * std::log10(x); }

}  // namespace skyshield
