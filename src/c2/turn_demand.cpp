#include "c2/turn_demand.hpp"

#include <algorithm>
#include <limits>

namespace skyshield {

double endgame_lateral_demand(const EndgameGeometry& g, GuidanceLaw law, double nav_constant) {
  // PN with N' <= 2 does not converge against a maneuver: any persistent one is unbounded demand.
  if (nav_constant <= 2.0) return std::numeric_limits<double>::infinity();
  const Vec3 rel = g.missile_vel - g.target_vel;
  const double vr = rel.norm();
  const Vec3 u = vr > 1e-9 ? Vec3(rel / vr) : Vec3::UnitX();
  const auto across = [&](const Vec3& a) { return Vec3(a - a.dot(u) * u); };
  const double vm = g.missile_vel.norm();
  const Vec3 axial = vm > 1e-9 ? Vec3(g.missile_axial_accel * g.missile_vel / vm) : Vec3::Zero();
  const double end_gain = nav_constant / (nav_constant - 2.0);
  if (law == GuidanceLaw::TruePN) return (end_gain * across(g.target_accel - axial) - across(g.gravity)).norm();
  const double at_end = (end_gain * across(-axial) - across(g.gravity)).norm();
  const double at_start = (0.5 * nav_constant * across(g.target_accel) - across(g.gravity)).norm();
  return std::max(at_end, at_start);
}

}  // namespace skyshield
