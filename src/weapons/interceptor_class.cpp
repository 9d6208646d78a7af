#include "weapons/interceptor_class.hpp"

#include <algorithm>
#include <cmath>

namespace skyshield {

namespace {
double boost_accel(const InterceptorClass& c) { return (c.max_speed_mps - c.launch_speed_mps) / c.boost_time_s; }
}  // namespace

double flyout_speed_mps(const InterceptorClass& c, double t) {
  if (t <= 0) return c.launch_speed_mps;
  if (t >= c.boost_time_s) return c.max_speed_mps;
  return c.launch_speed_mps + boost_accel(c) * t;
}

double flyout_distance_m(const InterceptorClass& c, double t) {
  if (t <= 0) return 0.0;
  const double tb = std::min(t, c.boost_time_s);
  const double d_boost = c.launch_speed_mps * tb + 0.5 * boost_accel(c) * tb * tb;
  return d_boost + (t > c.boost_time_s ? c.max_speed_mps * (t - c.boost_time_s) : 0.0);
}

double flyout_time_s(const InterceptorClass& c, double d) {
  if (d <= 0) return 0.0;
  const double d_boost = 0.5 * (c.launch_speed_mps + c.max_speed_mps) * c.boost_time_s;
  if (d >= d_boost) return c.boost_time_s + (d - d_boost) / c.max_speed_mps;
  const double a = boost_accel(c), v0 = c.launch_speed_mps;
  if (a <= 0) return d / v0;
  // 0.5 a t^2 + v0 t - d = 0, stable root form.
  return 2.0 * d / (v0 + std::sqrt(v0 * v0 + 2.0 * a * d));
}

}  // namespace skyshield
