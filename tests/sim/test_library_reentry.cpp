// Re-entry speeds of the library's ballistic missiles (issue 26, defect 10). Each missile of
// scenarios/library/threats.yaml flies alone (no defence) at a representative range of its class;
// the warhead's speed at impact is checked against the published range given next to each case.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "core/atmosphere.hpp"
#include "scenario/loader.hpp"
#include "world/threat.hpp"

using namespace skyshield;

namespace {

struct Flown {
  double impact_speed_mps = -1.0;   // the warhead (the RV when it separates) at the ground
  double max_speed_mps = 0.0;
  double speed_at_30km_mps = -1.0;  // on the way down
  double sin_gamma_at_30km = 0.0;   // sine of the flight-path angle below the horizontal there
};

// Allen & Eggers (NACA TR-1381, 1958), straight-line gravity-free entry: d(ln V)/dh = rho / (2 beta
// sin gamma), so V_ground = V_30 exp(-int_0^30km rho dh / (2 beta sin gamma)); the integral of the
// US-1976 density (core/atmosphere) by the trapezoidal rule on 10 m steps.
double allen_eggers_impact(double v30, double sin_gamma, double beta) {
  double column = 0.0;   // kg/m^2 of air below 30 km
  for (double h = 0.0; h < 30e3; h += 10.0) column += 5.0 * (us1976(h).density_kg_m3 + us1976(h + 10.0).density_kg_m3);
  return v30 * std::exp(-column / (2.0 * beta * sin_gamma));
}

// Flies every threat of the scenario to its end; results by the name of the scenario threat (a
// separating missile flies on as its RV; what it releases, the spent stage and decoys, is left out).
std::map<std::string, Flown> fly_all(const Scenario& s) {
  std::vector<Threat> threats;
  std::vector<std::vector<int>> children(s.threats.size());
  for (std::size_t i = 0; i < s.threats.size(); ++i) {
    threats.emplace_back(static_cast<int>(i), s.threats[i], &s.threat_types[s.threats[i].type_index], nullptr, 1);
    if (s.threats[i].parent >= 0) children[s.threats[i].parent].push_back(static_cast<int>(i));
  }
  auto root = [&](int i) {
    while (s.threats[i].parent >= 0) i = s.threats[i].parent;
    return i;
  };
  std::map<std::string, Flown> out;
  const double dt = s.sim.step_s;
  for (long long k = 0; k * dt < s.sim.duration_s; ++k) {
    const double t = k * dt;
    bool any = false;
    for (Threat& th : threats) {
      if (th.type().decoy) continue;
      const bool was_up = th.alive();
      const double alt_before = th.alive() ? th.geodetic().alt_m : 0.0;
      th.step(t, dt);
      if (th.releasing())
        for (int c : children[th.id()]) threats[c].release(t + dt, th.pos_ecef(), th.vel_ecef());
      any = any || th.alive() || th.status() == ThreatStatus::Waiting;
      Flown& f = out[s.threats[root(th.id())].name];
      if (th.alive()) {
        const double v = th.vel_ecef().norm();
        f.max_speed_mps = std::max(f.max_speed_mps, v);
        if (alt_before >= 30e3 && th.geodetic().alt_m < 30e3) {
          f.speed_at_30km_mps = v;
          const Vec3 up = th.pos_ecef().normalized();   // geocentric vertical: close enough for the angle
          f.sin_gamma_at_30km = -th.vel_ecef().dot(up) / v;
        }
      }
      if (was_up && th.status() == ThreatStatus::Leaked) f.impact_speed_mps = th.vel_ecef().norm();
    }
    if (!any) break;
  }
  return out;
}

TEST(LibraryReentry, WarheadsReachTheGroundAtTheirBallisticCoefficientsSpeed) {
  const Scenario s = load_scenario(SKYSHIELD_SOURCE_DIR "/tests/sim/data/reentry_speeds.yaml");
  const std::map<std::string, Flown> flown = fly_all(s);
  ASSERT_EQ(flown.size(), 4u);
  for (const auto& [name, f] : flown) {
    std::printf("%-10s impact %6.0f m/s  at 30 km %6.0f m/s (%.0f deg down)  max %6.0f m/s\n", name.c_str(),
                f.impact_speed_mps, f.speed_at_30km_mps, std::asin(f.sin_gamma_at_30km) * 180.0 / 3.14159265358979, f.max_speed_mps);
    ASSERT_GT(f.impact_speed_mps, 0.0) << name << " never reached the ground";
  }
  // The separating RVs (constant beta below 30 km) against Allen & Eggers from their state at 30 km.
  // Tolerance 15 %: the formula leaves out gravity (it adds ~0.1 km/s over the last 30 km of a 40 deg
  // dive) and the curvature of the path.
  int separating = 0;
  for (const ThreatSpec& spec : s.threats) {
    const ThreatType& tt = s.threat_types[spec.type_index];
    if (spec.parent >= 0 || tt.decoy || !tt.ballistic.separates) continue;
    ++separating;
    const Flown& f = flown.at(spec.name);
    const double beta = tt.ballistic.rv_ballistic_coefficient_kg_m2;
    const double reference = allen_eggers_impact(f.speed_at_30km_mps, f.sin_gamma_at_30km, beta);
    std::printf("%-10s beta %5.0f kg/m^2: Allen-Eggers %6.0f m/s, simulated %6.0f m/s\n", spec.name.c_str(), beta,
                reference, f.impact_speed_mps);
    EXPECT_NEAR(f.impact_speed_mps, reference, 0.15 * reference) << spec.name;
  }
  EXPECT_EQ(separating, 3);
  // Defect 10: the MRBM's RV landed at 0.42-0.45 km/s (Mach 1.3, beta 3,500 kg/m^2), far slower than
  // the Scud-class SRBM's whole body (1.18 km/s). Band (notional, docs/validation/library_parameters.md):
  // a separating MRBM/IRBM warhead lands at Mach 3 (1.0 km/s) or more.
  for (const char* name : {"mrbm-1000", "mrbm-1300", "irbm-3000"}) EXPECT_GE(flown.at(name).impact_speed_mps, 1000.0) << name;
}

}  // namespace
