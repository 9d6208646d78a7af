#include "world/ballistic/targeting.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/units.hpp"
#include "world/ballistic/kepler.hpp"

namespace skyshield {

namespace {

constexpr double kMaxFlightS = 4 * 3600.0;
constexpr double kAcceptMissM = 25.0;

double minimum_energy_gamma_deg(double ground_range_m) {
  return minimum_energy_gamma(ground_range_m / kMeanEarthRadius) * kRadToDeg;
}

struct Shot {
  bool impacted = false;
  double gamma_bo = 0.0;
  double downrange_err = 0.0;   // impact range minus aim range (m)
  double cross_err = 0.0;       // positive: impact right of the aim line (m)
  BallisticPlan plan;
};

struct Problem {
  const BallisticMissileParams& p;
  Geodetic launch, aim;
  GravityModel gravity;
  GeodesicResult to_aim;
};

// What the plan records of the flight it was solved from.
void record_flight(BallisticPlan& pl, const BallisticFlight& f, const Geodetic& impact) {
  pl.burnout_gamma_deg = f.burnout_gamma_deg();
  pl.burnout_speed_mps = f.burnout_speed_mps();
  pl.burnout_alt_m = f.burnout_alt_m();
  pl.apogee_m = f.apogee_m();
  pl.flight_time_s = f.time();
  pl.predicted_impact = impact;
}

BallisticPlan plan_for(double az, double kick, double cutoff, double impact_alt) {
  BallisticPlan p;
  p.azimuth_deg = az;
  p.kick_deg = kick;
  p.cutoff_s = cutoff;
  p.impact_alt_m = impact_alt;
  return p;
}

double burnout_gamma(const Problem& pr, double az, double kick, double cutoff) {
  const BallisticPlan plan = plan_for(az, kick, cutoff, pr.aim.alt_m);
  BallisticFlight f(pr.p, pr.launch, plan, {pr.gravity, false});
  while (!f.burned_out() && !f.impacted()) f.step(0.2);
  return f.impacted() ? -90.0 : f.burnout_gamma_deg();
}

Shot shoot(const Problem& pr, double az, double kick, double cutoff) {
  Shot s;
  s.plan = plan_for(az, kick, cutoff, pr.aim.alt_m);
  BallisticFlight f(pr.p, pr.launch, s.plan, {pr.gravity, false});
  s.impacted = f.fly_to_impact(kMaxFlightS);
  s.gamma_bo = f.burnout_gamma_deg();
  const Geodetic impact = geodetic_from_ecef(f.pos());
  const GeodesicResult g = geodesic_inverse(pr.launch, impact);
  const double daz = (g.azimuth_deg - pr.to_aim.azimuth_deg) * kDegToRad;
  s.downrange_err = g.distance_m * std::cos(daz) - pr.to_aim.distance_m;
  s.cross_err = g.distance_m * std::sin(daz);
  record_flight(s.plan, f, impact);
  return s;
}

// Kick angle (deg from vertical) that gives the wanted burnout angle: the burnout angle falls as
// the kick grows, so bracket on [0.2, 85] and refine by the Illinois variant of regula falsi.
double solve_kick(const Problem& pr, double az, double cutoff, double want) {
  double lo = 0.2, hi = 85.0;
  double flo = burnout_gamma(pr, az, lo, cutoff) - want, fhi = burnout_gamma(pr, az, hi, cutoff) - want;
  if (flo <= 0.0) return lo;   // even the gentlest kick is too flat: steepest possible
  if (fhi >= 0.0) return hi;
  int side = 0;
  for (int i = 0; i < 40; ++i) {
    const double x = (lo * fhi - hi * flo) / (fhi - flo);
    const double fx = burnout_gamma(pr, az, x, cutoff) - want;
    if (std::abs(fx) < 0.01 || hi - lo < 1e-4) return x;
    if (fx > 0.0) {
      lo = x, flo = fx;
      if (side == 1) fhi /= 2;
      side = 1;
    } else {
      hi = x, fhi = fx;
      if (side == -1) flo /= 2;
      side = -1;
    }
  }
  return 0.5 * (lo + hi);
}

}  // namespace

namespace {

// Shoots for a given burnout angle: the cut-off by regula falsi on the downrange miss, the
// azimuth by the cross-range miss. `shortfall_m` reports how far short a full burn falls.
TargetingResult solve_for_gamma(const Problem& pr, double want, double* shortfall_m) {
  const BallisticMissileParams& p = pr.p;
  TargetingResult r;
  double az = pr.to_aim.azimuth_deg;
  // Cut-off bracket: from just after the pitch program to the full burn.
  double lo = std::min(p.total_burn_s(), p.vertical_rise_s + p.pitch_over_s + 1.0), hi = p.total_burn_s();
  auto solve_at = [&](double cutoff) { return shoot(pr, az, solve_kick(pr, az, cutoff, want), cutoff); };

  Shot shi = solve_at(hi);
  if (shortfall_m) *shortfall_m = shi.impacted ? std::max(0.0, -shi.downrange_err) : 0.0;
  if (!shi.impacted || shi.downrange_err < 0.0) {
    r.error = fmt::format("aim point unreachable: {:.0f} km away, but a full burn on this trajectory shape "
                          "(burnout angle {:.1f} deg) reaches only {:.0f} km",
                          pr.to_aim.distance_m / 1e3, want, (pr.to_aim.distance_m + shi.downrange_err) / 1e3);
    if (!shi.impacted) r.error = "aim point unreachable: the full burn does not come back down (orbit or escape)";
    return r;
  }
  Shot slo = solve_at(lo);
  if (slo.downrange_err > 0.0) {
    r.error = fmt::format("aim point too close: {:.0f} km away, but the shortest shot of this missile on this "
                          "trajectory shape reaches {:.0f} km",
                          pr.to_aim.distance_m / 1e3, (pr.to_aim.distance_m + slo.downrange_err) / 1e3);
    return r;
  }
  double flo = slo.downrange_err, fhi = shi.downrange_err;
  Shot best = std::abs(flo) < std::abs(fhi) ? slo : shi;
  int side = 0;
  for (int i = 0; i < 60; ++i) {
    const double cutoff = (lo * fhi - hi * flo) / (fhi - flo);
    const Shot s = solve_at(cutoff);
    if (std::hypot(s.downrange_err, s.cross_err) < std::hypot(best.downrange_err, best.cross_err)) best = s;
    if (std::hypot(s.downrange_err, s.cross_err) < kAcceptMissM) break;
    az -= s.cross_err / std::max(1.0, pr.to_aim.distance_m) * kRadToDeg;  // small-angle steer
    if (s.downrange_err < 0.0) {
      lo = cutoff, flo = s.downrange_err;
      if (side == -1) fhi /= 2;
      side = -1;
    } else {
      hi = cutoff, fhi = s.downrange_err;
      if (side == 1) flo /= 2;
      side = 1;
    }
    if (hi - lo < 1e-6) break;
  }
  r.plan = best.plan;
  r.miss_m = std::hypot(best.downrange_err, best.cross_err);
  r.ok = r.miss_m < 1000.0;
  if (!r.ok) r.error = fmt::format("no launch solution found (closest predicted impact {:.1f} km from the aim)", r.miss_m / 1e3);
  return r;
}

// The minimum-energy burnout angle of this missile for this shot: the one that needs the least
// propellant (earliest cut-off), found by golden-section search. Where a full burn falls short,
// the cost is the total burn plus the shortfall, so the search still climbs toward the angle of
// maximum range.
double minimum_energy_burnout_gamma(const Problem& pr) {
  auto cost = [&](double g) {
    double shortfall = 0.0;
    const TargetingResult r = solve_for_gamma(pr, g, &shortfall);
    if (r.ok) return r.plan.cutoff_s;
    return pr.p.total_burn_s() + 1.0 + shortfall / 1e3;
  };
  const double center = minimum_energy_gamma_deg(pr.to_aim.distance_m);
  double a = std::max(10.0, center - 20.0), b = std::min(80.0, center + 10.0);
  const double k = (std::sqrt(5.0) - 1.0) / 2.0;
  double x1 = b - k * (b - a), x2 = a + k * (b - a), f1 = cost(x1), f2 = cost(x2);
  while (b - a > 0.25) {
    if (f1 < f2) {
      b = x2, x2 = x1, f2 = f1, x1 = b - k * (b - a), f1 = cost(x1);
    } else {
      a = x1, x1 = x2, f1 = f2, x2 = a + k * (b - a), f2 = cost(x2);
    }
  }
  return 0.5 * (a + b);
}

// A glide vehicle: boosted along the azimuth to the aim with its library kick and a full burn, then
// gliding and steering on its own (world/ballistic/glide.hpp); the plan is accepted when the flight
// ends within kGlideAcceptMissM of the aim (its dive is a pursuit, not a ballistic fall).
constexpr double kGlideAcceptMissM = 5e3;

TargetingResult plan_glide_flight(const Problem& pr) {
  TargetingResult r;
  r.plan = plan_for(pr.to_aim.azimuth_deg, pr.p.glide.boost_kick_deg, pr.p.total_burn_s(), pr.aim.alt_m);
  r.plan.aim = pr.aim;
  BallisticFlight f(pr.p, pr.launch, r.plan, {pr.gravity, true});
  const bool impacted = f.fly_to_impact(kMaxFlightS);
  const Geodetic impact = geodetic_from_ecef(f.pos());
  record_flight(r.plan, f, impact);
  r.miss_m = geodesic_inverse(impact, pr.aim).distance_m;
  r.ok = impacted && r.miss_m < kGlideAcceptMissM;
  if (!impacted) r.error = "the glide vehicle does not come down (orbit or escape)";
  else if (!r.ok)
    r.error = fmt::format("aim point unreachable by the glide vehicle: {:.0f} km away, its boost and glide end {:.0f} km from it, "
                          "{:.0f} km from the launch point",
                          pr.to_aim.distance_m / 1e3, r.miss_m / 1e3, geodesic_inverse(pr.launch, impact).distance_m / 1e3);
  return r;
}

}  // namespace

double target_burnout_gamma_deg(const BallisticMissileParams& p, double minimum_energy_deg) {
  switch (p.shape) {
    case TrajectoryShape::Lofted: return std::min(85.0, minimum_energy_deg + p.shape_offset_deg);
    case TrajectoryShape::Depressed: return std::max(5.0, minimum_energy_deg - p.shape_offset_deg);
    case TrajectoryShape::MinimumEnergy: break;
  }
  return minimum_energy_deg;
}

TargetingResult plan_ballistic_flight(const BallisticMissileParams& p, const Geodetic& launch, const Geodetic& aim,
                                      const GravityModel& gravity) {
  const Problem pr{p, launch, aim, gravity, geodesic_inverse(launch, aim)};
  if (p.glide.enabled) return plan_glide_flight(pr);
  const double me = minimum_energy_burnout_gamma(pr);
  TargetingResult r = solve_for_gamma(pr, target_burnout_gamma_deg(p, me), nullptr);
  r.minimum_energy_gamma_deg = me;
  r.plan.aim = aim;
  return r;
}

}  // namespace skyshield
