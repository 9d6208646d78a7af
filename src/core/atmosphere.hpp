#pragma once
// U.S. Standard Atmosphere 1976 (NOAA-S/T 76-1562, NASA-TM-X-74335), the seven layers of the
// lower atmosphere defined in geopotential altitude up to 84.852 km (86 km geometric), with the
// hydrostatic pressure equation integrated exactly in each layer. Above 86 km the standard's
// molecular-diffusion model is replaced by an isothermal extension at the 86 km temperature
// (a simplification, documented in the README): density there is < 7e-6 kg/m^3 and only matters
// for re-entry heating, which skyshield does not model.
namespace skyshield {

struct AtmosphereState {
  double temperature_k = 0.0;
  double pressure_pa = 0.0;
  double density_kg_m3 = 0.0;
  double speed_of_sound_mps = 0.0;
};

// Geometric altitude above mean sea level (m). Below -5 km the -5 km state is returned.
AtmosphereState us1976(double altitude_m);

// The same state by a table instead of the per-call pow: the density (and its altitude derivative)
// interpolated linearly between nodes 25 m apart from -5 km to 86 km, computed once from us1976()
// (relative error < 2e-6 of the density, below the published table's 5 figures); temperature exact,
// pressure rho R T, speed of sound from T. Above 86 km (isothermal extension) and below -5 km: us1976().
// For the per-step models (ballistic flight, tracker's ballistic model); us1976() stays the reference.
AtmosphereState us1976_fast(double altitude_m);

// Density (kg/m^3) and its derivative with geometric altitude (kg/m^4), from the same table (the
// derivative from the standard's hydrostatic equation at the nodes; 0 below -5 km).
struct DensitySlope {
  double density_kg_m3 = 0.0;
  double slope_kg_m4 = 0.0;
};
DensitySlope us1976_density_slope(double altitude_m);

// Geopotential altitude (m') of a geometric altitude (m), r0 = 6,356,766 m (US-1976 eq. 18).
double geopotential_altitude(double geometric_m);

}  // namespace skyshield
