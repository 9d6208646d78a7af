#include "weapons/flyout/kinematic_flyout.hpp"

#include <algorithm>
#include <cmath>

namespace skyshield {

namespace {
double boost_accel(const KinematicProfile& c) { return (c.max_speed_mps - c.launch_speed_mps) / c.boost_time_s; }
}  // namespace

double KinematicProfile::speed(double t) const {
  if (t <= 0) return launch_speed_mps;
  if (t >= boost_time_s) return max_speed_mps;
  return launch_speed_mps + boost_accel(*this) * t;
}

double KinematicProfile::distance(double t) const {
  if (t <= 0) return 0.0;
  const double tb = std::min(t, boost_time_s);
  const double d_boost = launch_speed_mps * tb + 0.5 * boost_accel(*this) * tb * tb;
  return d_boost + (t > boost_time_s ? max_speed_mps * (t - boost_time_s) : 0.0);
}

double KinematicProfile::time_to_fly(double d) const {
  if (d <= 0) return 0.0;
  const double d_boost = 0.5 * (launch_speed_mps + max_speed_mps) * boost_time_s;
  if (d >= d_boost) return boost_time_s + (d - d_boost) / max_speed_mps;
  const double a = boost_accel(*this), v0 = launch_speed_mps;
  if (a <= 0) return d / v0;
  // 0.5 a t^2 + v0 t - d = 0, stable root form.
  return 2.0 * d / (v0 + std::sqrt(v0 * v0 + 2.0 * a * d));
}

FlyoutPoint KinematicFlyout::to(const Vec3& from_launcher_enu) const {
  const double d = from_launcher_enu.norm();
  const double t = p_.time_to_fly(d);
  return {t, p_.speed(t), d <= p_.max_range_m};
}

}  // namespace skyshield
