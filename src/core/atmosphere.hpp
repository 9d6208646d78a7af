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

// Geopotential altitude (m') of a geometric altitude (m), r0 = 6,356,766 m (US-1976 eq. 18).
double geopotential_altitude(double geometric_m);

}  // namespace skyshield
