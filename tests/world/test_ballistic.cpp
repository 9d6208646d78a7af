// Ballistic flight: the Keplerian free-flight formulas, and the 3-DOF flight against them.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "core/atmosphere.hpp"
#include "core/units.hpp"
#include "world/ballistic/flight.hpp"
#include "world/ballistic/kepler.hpp"

using namespace skyshield;

namespace {
constexpr double kA = 6378137.0;  // WGS-84 equatorial radius: the equator is a circle of this radius

// Flies an unpowered body from the equator (radius a + h0) in the equatorial plane, central
// gravity, non-rotating earth, down to radius a; returns the central angle travelled.
double integrated_range_angle(double v, double gamma, double beta = 0.0, double h0 = 0.0) {
  const Vec3 pos(kA + h0, 0, 0), vel(v * std::sin(gamma), v * std::cos(gamma), 0);
  DragModel drag;
  drag.ballistic_coefficient = beta;
  BallisticFlight f(pos, vel, 1000.0, drag, 0.0, {GravityModel{false, false}, false});
  EXPECT_TRUE(f.fly_to_impact(1e5));
  return std::atan2(f.pos().y(), f.pos().x());
}
}  // namespace

TEST(Ballistic, FreeFlightMatchesKeplerRange) {
  // tan(psi/2) = nu sin g cos g / (1 - nu cos^2 g), nu = v^2 r / mu (Bate, Mueller & White, ch. 6;
  // Regan & Anandakrishnan sec. 2.4). Cases: SRBM-like 1.7 km/s, MRBM-like 3 km/s, IRBM-like 4.5 km/s.
  // Issue requirement: within 0.5 %; the integrator does far better.
  for (double v : {1700.0, 3000.0, 4500.0}) {
    for (double gdeg : {30.0, 40.0, 45.0, 60.0}) {
      const double g = gdeg * kDegToRad;
      const double analytic = free_flight_range_angle(v, kA, g) * kA;
      const double numeric = integrated_range_angle(v, g) * kA;
      EXPECT_NEAR(numeric, analytic, 0.005 * analytic) << "v=" << v << " gamma=" << gdeg;
      EXPECT_NEAR(numeric, analytic, 50.0) << "v=" << v << " gamma=" << gdeg;
    }
  }
}

TEST(Ballistic, DragShortensTheRange) {
  // Same burnout state at 25 km (a typical SRBM burnout altitude) with and without the US-1976 air
  // on an RV of beta = 2000 kg/m^2: drag acts mostly on the way down, so a few per cent shorter.
  for (double v : {1500.0, 2500.0}) {
    const double vacuum = integrated_range_angle(v, 40 * kDegToRad, 0.0, 25e3);
    const double with_drag = integrated_range_angle(v, 40 * kDegToRad, 2000.0, 25e3);
    EXPECT_LT(with_drag, vacuum * 0.995) << v;
    EXPECT_GT(with_drag, vacuum * 0.8) << v;
  }
}

TEST(Ballistic, ReentryPeakDecelerationMatchesAllenEggers) {
  // Allen & Eggers (NACA TR-1381, 1958): for a straight-line, gravity-free entry into an
  // exponential atmosphere of scale height H, the peak deceleration is V_E^2 sin(gamma_E) / (2 e H),
  // independent of beta, reached where rho = beta sin(gamma_E) / H. The US-1976 air is not exactly
  // exponential, so H is taken as its local scale height -rho / (d rho / dh) at the altitude of
  // that density; tolerance 10 %. A vertical entry (the straight line stays vertical over the
  // curved earth) at 120 km, 4 km/s, beta 1000 kg/m^2.
  const double v = 4000.0, gamma = 90 * kDegToRad, beta = 1000.0;
  const Vec3 pos(kA + 120e3, 0, 0), vel(-v, 0, 0);
  DragModel drag;
  drag.ballistic_coefficient = beta;
  BallisticFlight f(pos, vel, 500.0, drag, 0.0, {GravityModel{false, false, false}, false});
  double peak = 0.0;
  while (!f.step(0.01) && f.altitude_m() > 2e3)
    peak = std::max(peak, drag_acceleration(f.pos(), f.vel(), f.mass(), f.drag()).norm());
  auto scale_height = [](double h) {
    const double d = 10.0;
    return -us1976(h).density_kg_m3 * 2 * d / (us1976(h + d).density_kg_m3 - us1976(h - d).density_kg_m3);
  };
  double H = 7000.0, h_peak = 0.0;
  for (int i = 0; i < 20; ++i) {  // altitude where rho = beta sin(gamma) / H, then H there
    const double rho_peak = beta * std::sin(gamma) / H;
    double lo = 0.0, hi = 100e3;
    for (int k = 0; k < 60; ++k) ((us1976(0.5 * (lo + hi)).density_kg_m3 > rho_peak) ? lo : hi) = 0.5 * (lo + hi);
    h_peak = 0.5 * (lo + hi);
    H = scale_height(h_peak);
  }
  const double allen_eggers = v * v * std::sin(gamma) / (2 * std::exp(1.0) * H);
  EXPECT_NEAR(peak, allen_eggers, 0.10 * allen_eggers) << "H=" << H << " h_peak=" << h_peak;
  // Allen & Eggers' solution before the exponential assumption holds for any density profile:
  // V(h) = V_E exp(-M(h) / (2 beta sin gamma)), M(h) = column mass above h; decel = rho V^2 / (2 beta).
  // Evaluated by quadrature on the US-1976 density: the integrator must match it to 1 %.
  double column = 0.0, exact = 0.0;
  for (double h = 120e3; h > 2e3; h -= 1.0) {
    column += 0.5 * (us1976(h).density_kg_m3 + us1976(h - 1.0).density_kg_m3);
    const double vh = v * std::exp(-column / (2 * beta * std::sin(gamma)));
    exact = std::max(exact, us1976(h - 1.0).density_kg_m3 * vh * vh / (2 * beta));
  }
  EXPECT_NEAR(peak, exact, 0.01 * exact);
  EXPECT_GT(peak / kStandardGravity, 15.0);  // a steep fast re-entry: over 15 g
}

TEST(Ballistic, VerticalBurnFollowsTheRocketEquation) {
  // Two stages fired straight up from the north pole in vacuum-like conditions (tiny area): the
  // burnout speed is the Tsiolkovsky delta-v, sum Isp g0 ln(m0/mf), minus the gravity loss, which
  // lies between g(burnout altitude) t and g0' t (g0' = gravity at the surface).
  BallisticMissileParams p;
  p.stages = {{400e3, 60.0, 9000.0, 1000.0}, {100e3, 50.0, 2500.0, 300.0}};
  p.payload_kg = 500.0;
  p.diameter_m = 1e-4;
  p.vertical_rise_s = 200.0;  // never pitches over
  BallisticPlan plan;
  plan.cutoff_s = p.total_burn_s();
  BallisticFlight f(p, Geodetic{90.0, 0.0, 0.0}, plan, {GravityModel{false, true}, false});
  while (!f.burned_out()) f.step(0.05);
  double dv = 0.0, m = p.launch_mass_kg();
  for (const RocketStage& s : p.stages) {
    dv += s.thrust_n / s.mass_flow() * std::log(m / (m - s.propellant_kg));
    m -= s.propellant_kg + s.dry_mass_kg;
  }
  const double r0 = 6356752.3142, t = p.total_burn_s();
  const double g_surface = kEarthMu / (r0 * r0), g_top = kEarthMu / std::pow(r0 + f.burnout_alt_m(), 2);
  EXPECT_LT(f.burnout_speed_mps(), dv - g_top * t);
  EXPECT_GT(f.burnout_speed_mps(), dv - g_surface * t);
  EXPECT_NEAR(f.burnout_gamma_deg(), 90.0, 0.01);
  // Mass after burnout: payload + last stage dry mass (the first stage was dropped).
  EXPECT_NEAR(f.mass(), 500.0 + 300.0, 1e-6);
}

TEST(Ballistic, FlatEarthLimit) {
  // For short ranges the free-flight range tends to v^2 sin(2 gamma) / g (vacuum, flat earth),
  // with g = mu / r^2. At v = 100 m/s the curvature correction (order nu = v^2 r / mu = 1.6e-4) is below 0.1 %.
  const double r = 6378137.0, v = 100.0, g = kEarthMu / (r * r);
  for (double gdeg : {20.0, 45.0, 70.0}) {
    const double gam = gdeg * kDegToRad;
    const double flat = v * v * std::sin(2 * gam) / g;
    EXPECT_NEAR(free_flight_range_angle(v, r, gam) * r, flat, 1e-3 * flat);
  }
}

TEST(Ballistic, BurnoutSpeedInvertsRangeAngle) {
  const double r = 6378137.0;
  for (double psi_km : {100.0, 300.0, 1000.0, 3000.0}) {
    const double psi = psi_km * 1e3 / r;
    const double g = minimum_energy_gamma(psi);
    const double v = burnout_speed_for_range(psi, r, g);
    EXPECT_NEAR(free_flight_range_angle(v, r, g), psi, 1e-12);
  }
}

TEST(Ballistic, MinimumEnergyAngleMinimisesSpeed) {
  // The minimum-energy flight-path angle 45 deg - psi/4 needs less speed than any neighbour angle.
  const double r = 6378137.0, psi = 500e3 / r;
  const double g = minimum_energy_gamma(psi);
  const double v = burnout_speed_for_range(psi, r, g);
  EXPECT_LT(v, burnout_speed_for_range(psi, r, g + 0.02));
  EXPECT_LT(v, burnout_speed_for_range(psi, r, g - 0.02));
}


// Issue 26, defect 2: a ballistic body impacts on the terrain under it, not on the aim's altitude.
// On a plain 1000 m above the equator a body leaving the plain comes back to it after the Kepler range
// angle for r = a + 1000 m (Bate, Mueller & White, ch. 6: symmetric free flight returns to its own
// radius); over hills no sample of its path is under the ground and it ends on it (brute force).
TEST(Ballistic, ImpactsOnTheTerrainUnderIt) {
  TerrainParams plain_params;
  plain_params.base_m = 1000.0;
  const Terrain plain(plain_params);
  const double r = kA + 1000.0, v = 1700.0, g = 40.0 * kDegToRad;
  FlightOptions opt{GravityModel{false, false}, false, &plain};
  BallisticFlight f(Vec3(r, 0, 0), Vec3(v * std::sin(g), v * std::cos(g), 0), 1000.0, DragModel{}, 0.0, opt);
  ASSERT_TRUE(f.fly_to_impact(1e5));
  const double analytic = free_flight_range_angle(v, r, g) * r;
  EXPECT_NEAR(std::atan2(f.pos().y(), f.pos().x()) * r, analytic, 50.0);
  EXPECT_NEAR(f.altitude_m(), 1000.0, 0.5);

  TerrainParams hp;
  hp.kind = TerrainParams::Kind::Hills;
  hp.base_m = 200.0;
  hp.amplitude_m = 1500.0;
  hp.wavelength_m = 8e3;
  const Terrain hills(hp);
  opt.terrain = &hills;
  BallisticFlight h(Vec3(kA + 3000.0, 0, 0), Vec3(-300.0, 900.0, 0), 1000.0, DragModel{}, 0.0, opt);
  double lowest = 1e9;
  int steps = 0;
  while (!h.step(0.05) && ++steps < 100000) lowest = std::min(lowest, h.altitude_m() - hills.height(geodetic_from_ecef(h.pos())));
  const double end = h.altitude_m() - hills.height(geodetic_from_ecef(h.pos()));
  EXPECT_LT(steps, 100000);
  EXPECT_GE(lowest, 0.0);
  EXPECT_NEAR(end, 0.0, 1.0);   // linear interpolation within one 0.05 s step over smooth hills
}
