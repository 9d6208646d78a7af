// Prints, as Markdown, skyshield's models side by side with their published references: the tables of
// docs/validation/reference_tables.md (ctest `docs.validation_tables` fails when the file differs from
// this program's output, so the document cannot drift from the code). Each reference value carries its
// source; the same values are asserted, with their tolerances, by the ctest cases named in each heading.
#include <cmath>
#include <cstdio>
#include <string>

#include "core/atmosphere.hpp"
#include "core/geo.hpp"
#include "core/gravity.hpp"
#include "core/units.hpp"
#include "sensors/detection.hpp"
#include "sensors/radar_equation.hpp"
#include "us1976_table.hpp"  // tests/reference: NOAA-S/T 76-1562 Table I

namespace sk = skyshield;

namespace {

void heading(const char* title, const char* source, const char* cases) {
  std::printf("\n## %s\n\nReference: %s.  \nChecked by: %s.\n\n", title, source, cases);
}

void atmosphere() {
  heading("US Standard Atmosphere 1976", "NOAA-S/T 76-1562 (1976), Table I, geometric altitude, as printed (5 figures)",
          "`Atmosphere.MatchesUs1976Table` (T within 0.002 K, p and rho within 2e-4 relative)");
  std::printf("| altitude km | T table K | T skyshield K | p table Pa | p skyshield Pa | rho table kg/m3 | rho skyshield kg/m3 | worst rel. diff |\n");
  std::printf("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  for (const sk::reference::Us1976Row& r : sk::reference::kUs1976Table) {
    const sk::AtmosphereState s = sk::us1976(r.z_m);
    const double worst = std::max(std::abs(s.pressure_pa / r.p_pa - 1.0), std::abs(s.density_kg_m3 / r.rho - 1.0));
    std::printf("| %.0f | %.3f | %.3f | %.5g | %.5g | %.5g | %.5g | %.1e |\n", r.z_m / 1e3, r.t_k, s.temperature_k, r.p_pa,
                s.pressure_pa, r.rho, s.density_kg_m3, worst);
  }
}

void gravity() {
  heading("Gravity (WGS-84 GM + J2, rotating frame)",
          "Somigliana normal gravity on the ellipsoid, NIMA TR8350.2 (3rd ed.), eq. 4-1 and table 3.4",
          "`Gravity.J2PlusCentrifugalMatchesWgs84NormalGravity` (within 2e-4 m/s2: J2 omits J4 and higher)");
  std::printf("| latitude deg | Somigliana m/s2 | skyshield m/s2 | difference m/s2 |\n|---:|---:|---:|---:|\n");
  const sk::GravityModel m{true, true};
  for (double lat : {0.0, 30.0, 45.0, 60.0, 90.0}) {
    const double s2 = std::pow(std::sin(lat * sk::kDegToRad), 2);
    // TR8350.2: gamma_e = 9.7803253359, k = 0.00193185265241, e^2 = 6.69437999014e-3.
    const double ref = 9.7803253359 * (1 + 0.00193185265241 * s2) / std::sqrt(1 - 6.69437999014e-3 * s2);
    const double got = sk::free_fall_acceleration(sk::ecef_from_geodetic({lat, 20.0, 0.0}), sk::Vec3::Zero(), m).norm();
    std::printf("| %.0f | %.7f | %.7f | %+.1e |\n", lat, ref, got, got - ref);
  }
}

void geodesy() {
  heading("WGS-84 geodesy (GeographicLib)",
          "GeographicLib 2.1.2 Geocentric::Forward and Geodesic::Inverse, tests/reference/geographiclib_2.1.2_reference.csv",
          "`Geo.ForwardMatchesGeographicLibReference`, `Geo.ReverseMatchesReference`, `Geo.GeodesicInverseKnownDistance` (1 mm)");
  struct Fwd { double lat, lon, h, x, y, z; };
  const Fwd rows[] = {  // reference CSV, first block (Geocentric::Forward)
      {33.3, 44.4, 6000.0, 3816209.604493, 3737108.550254, 3485109.572568},
      {-34.9, 138.5, 10000.0, -3928260.519648, 3475431.327490, -3634495.174896},
      {60.0, -120.0, -100.0, -1598527.293462, -2768730.489562, 5500390.531398},
      {10.0, -75.0, 1000000.0, 1880755.329458, -7019074.446142, 1273896.725402},
  };
  std::printf("| geodetic (lat, lon, h) | GeographicLib ECEF m | skyshield ECEF m | distance mm |\n|---|---|---|---:|\n");
  for (const Fwd& r : rows) {
    const sk::Vec3 p = sk::ecef_from_geodetic({r.lat, r.lon, r.h});
    std::printf("| %.1f, %.1f, %.0f m | %.3f, %.3f, %.3f | %.3f, %.3f, %.3f | %.3f |\n", r.lat, r.lon, r.h, r.x, r.y, r.z,
                p.x(), p.y(), p.z(), (p - sk::Vec3(r.x, r.y, r.z)).norm() * 1e3);
  }
  // Geodesic::Inverse rows of the same file: JFK -> Singapore Changi, Wellington -> Salamanca.
  struct Inv { double lat1, lon1, lat2, lon2, s12, azi1; };
  const Inv inv[] = {{40.64, -73.78, 1.36, 103.99, 15347512.940513, 3.305773478},
                     {-41.32, 174.81, 40.96, -5.5, 19959679.267354, 161.067669986}};
  std::printf("\n| geodesic | GeographicLib s12 m | skyshield s12 m | GeographicLib azi1 deg | skyshield azi1 deg |\n|---|---:|---:|---:|---:|\n");
  for (const Inv& r : inv) {
    const sk::GeodesicResult g = sk::geodesic_inverse({r.lat1, r.lon1, 0.0}, {r.lat2, r.lon2, 0.0});
    std::printf("| (%.2f, %.2f) to (%.2f, %.2f) | %.3f | %.3f | %.9f | %.9f |\n", r.lat1, r.lon1, r.lat2, r.lon2, r.s12,
                g.distance_m, r.azi1, g.azimuth_deg);
  }
}

sk::RadarEquationTerms matlab_defaults(double f_hz, double tau_s, double pt_w) {
  sk::RadarEquationTerms t;  // MATLAB defaults: Gain 20 dB, RCS 1 m2, Ts 290 K, Loss 0 dB
  t.peak_power_w = pt_w;
  t.pulse_width_s = tau_s;
  t.gain_tx_linear = t.gain_rx_linear = sk::db_to_linear(20.0);
  t.wavelength_m = sk::kSpeedOfLight / f_hz;
  return t;
}

void radar_equation() {
  heading("Radar range equation",
          "MATLAB Radar Toolbox documentation examples of radareqsnr / radareqrng (mathworks.com/help/radar/ref/), "
          "tests/reference/radar_reference_values.txt block A",
          "`RadarEquation.MatlabRadareqsnrExamples`, `RadarEquation.MatlabRadareqrngExamples`, `RadarEquation.MatlabRadareqpowExamplesByInversion`");
  std::printf("| example | MATLAB | skyshield |\n|---|---:|---:|\n");
  sk::RadarEquationTerms t = matlab_defaults(1e9, 0.2e-6, 1e6);
  std::printf("| radareqsnr f 1 GHz, R 50 km, Pt 1 MW, tau 0.2 us | 5.5868 dB | %.4f dB |\n",
              sk::linear_to_db(sk::radar_equation_snr(t, 50e3)));
  t = matlab_defaults(10e9, 1e-6, 1e6);
  t.rcs_m2 = 0.5;
  t.gain_tx_linear = t.gain_rx_linear = sk::db_to_linear(40.0);
  t.system_temperature_k = 300.0;
  t.losses_linear = sk::db_to_linear(3.0);
  std::printf("| radareqsnr f 10 GHz, R 100 km, RCS 0.5, G 40 dB, Ts 300 K, L 3 dB | 14.3778 dB | %.4f dB |\n",
              sk::linear_to_db(sk::radar_equation_snr(t, 100e3)));
  t = matlab_defaults(10e9, 10e-6, 1e6);
  std::printf("| radareqrng f 10 GHz, SNR 6 dB, tau 10 us, Pt 1 MW | 4.1057e4 m | %.0f m |\n",
              sk::radar_equation_range(t, sk::db_to_linear(6.0)));
  t.gain_tx_linear = t.gain_rx_linear = sk::db_to_linear(40.0);
  t.rcs_m2 = 0.1;
  t.losses_linear = sk::db_to_linear(3.0);
  std::printf("| radareqrng same, G 40 dB, RCS 0.1, L 3 dB | 1.9426e5 m | %.0f m |\n",
              sk::radar_equation_range(t, sk::db_to_linear(6.0)));
}

void swerling() {
  heading("Detection probability (Swerling 0-4, square-law detector, N looks)",
          "radarsimpy tests/test_tools.py (Mahafza's formulas) and MATLAB albersheim/shnidman via mhostetter/sdr tests, "
          "tests/reference/radar_reference_values.txt blocks B and D; Skolnik, Introduction to Radar Systems (3rd ed.), figs. 2.7 and 2.23",
          "`Detection.PublishedSingleLookValues` (Pd within 1e-3), `Detection.PublishedNonCoherentIntegrationValues` (0.3 dB, Pd 0.01), "
          "`Detection.RequiredSnrAgreesWithAlbersheimAndShnidman`, `Detection.IssueTablePointsAtPfa1e6`");
  struct Row { sk::Swerling sw; double pfa, snr_db; int n; double pd; };
  const Row rows[] = {  // block B (radarsimpy)
      {sk::Swerling::Case0, 1e-8, 13.0, 1, 0.6290},   {sk::Swerling::Case1, 1e-4, 16.0, 1, 0.7980},
      {sk::Swerling::Case2, 1e-4, 6.8, 1, 0.2036},    {sk::Swerling::Case3, 1e-4, 15.2, 1, 0.8846},
      {sk::Swerling::Case4, 1e-4, 6.8, 1, 0.1931},    {sk::Swerling::Case0, 1e-8, -3.2, 256, 0.8424},
      {sk::Swerling::Case1, 1e-4, 3.6, 256, 0.8959},  {sk::Swerling::Case2, 1e-4, -4.4, 256, 0.9120},
      {sk::Swerling::Case3, 1e-4, -0.4, 256, 0.8889}, {sk::Swerling::Case4, 1e-4, -4.8, 256, 0.8413},
  };
  std::printf("| Swerling | Pfa | looks | SNR per look dB | Pd published | Pd skyshield |\n|---:|---:|---:|---:|---:|---:|\n");
  for (const Row& r : rows)
    std::printf("| %d | %.0e | %d | %.1f | %.4f | %.4f |\n", static_cast<int>(r.sw), r.pfa, r.n, r.snr_db, r.pd,
                sk::detection_probability(r.sw, sk::db_to_linear(r.snr_db), r.pfa, r.n));
  std::printf("\n| single-look SNR for Pd, Pfa 1e-6 | published | skyshield (exact) |\n|---|---:|---:|\n");
  std::printf("| Swerling 0, Pd 0.5 (Albersheim / Shnidman, approximations) | 11.232 / 11.172 dB | %.3f dB |\n",
              sk::linear_to_db(sk::required_snr(sk::Swerling::Case0, 0.5, 1e-6)));
  std::printf("| Swerling 0, Pd 0.9 (Skolnik fig. 2.7) | 13.2 dB | %.3f dB |\n",
              sk::linear_to_db(sk::required_snr(sk::Swerling::Case0, 0.9, 1e-6)));
  std::printf("| Swerling 1, Pd 0.9 (closed form ln Pfa / ln Pd - 1) | %.3f dB | %.3f dB |\n",
              sk::linear_to_db(std::log(1e-6) / std::log(0.9) - 1.0),
              sk::linear_to_db(sk::required_snr(sk::Swerling::Case1, 0.9, 1e-6)));
  std::printf("| Swerling 3, Pd 0.9 (Skolnik fig. 2.23, read off the figure) | ~17 dB | %.3f dB |\n",
              sk::linear_to_db(sk::required_snr(sk::Swerling::Case3, 0.9, 1e-6)));
}

}  // namespace

int main() {
  std::printf("# Reference tables\n\nGenerated by `build/release/tools/skyshield-validation-tables` (source "
              "`tools/validation_tables.cpp`); ctest `docs.validation_tables` fails when this file is not its output.\n");
  atmosphere();
  gravity();
  geodesy();
  radar_equation();
  swerling();
  return 0;
}
