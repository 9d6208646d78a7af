#include "weapons/flyout/flyout_table.hpp"

#include <algorithm>
#include <cmath>

#include "core/disk_cache.hpp"
#include "core/geo.hpp"
#include "core/units.hpp"
#include "weapons/interceptor.hpp"

namespace skyshield {

namespace {
constexpr int kRangeSamples = 20;
constexpr double kTableHeights[] = {1e3, 3e3, 6e3, 10e3, 15e3, 20e3, 25e3, 30e3, 40e3};
}  // namespace

FlyoutRun simulate_flyout(const InterceptorClass& cls, double ground_range_m, double height_m, double step_s,
                          const Vec3& target_vel_enu, double lead_time_s) {
  // The reach is kinematic: flown with a noise-free, unlimited seeker (angle noise and glint scatter
  // the miss around the lethal radius at the edge of the reach, the gimbal's look angle decides
  // between seeker and command guidance there; c2 accounts for the end game separately).
  InterceptorClass c = cls;
  c.seeker_angle_noise_rad = 0.0;
  c.seeker_glint_m = 0.0;
  c.seeker_gimbal_rad = kPi;
  c.seeker_gimbal_rate_rps = 0.0;
  const Geodetic site{0.0, 0.0, 0.0};
  const Geodetic point = geodesic_direct(Geodetic{0.0, 0.0, height_m}, 0.0, ground_range_m);  // due north
  const Vec3 p_ecef = ecef_from_geodetic(point);
  const Vec3 v_ecef = LocalFrame(point).vector_to_ecef(target_vel_enu);
  TruthView target;
  target.id = 0;
  target.vel_ecef = v_ecef;
  Interceptor m(0, &c, 0, 0.0, ecef_from_geodetic(site), p_ecef, Rng(1));
  m.set_max_substep(step_s);
  const int max_steps = static_cast<int>(std::ceil((c.max_flight_time_s + 1.0) / step_s));
  for (int k = 0; k < max_steps && m.flying(); ++k) {
    target.pos_ecef = p_ecef + v_ecef * (k * step_s - lead_time_s);
    m.step(k * step_s, step_s, Uplink{target.pos_ecef, v_ecef}, std::span<const TruthView>(&target, 1));
  }
  FlyoutRun r;
  const InterceptorOutcome& o = m.outcome();
  r.miss_m = o.miss_distance_m;
  // Reached: the fuze functioned (whatever the kill roll gave).
  const bool fuzed = o.state == InterceptorState::Killed || o.state == InterceptorState::Missed;
  if (!fuzed || o.miss_distance_m > c.lethal_radius_m) return r;
  r.reached = true;
  r.time_s = o.t;
  r.speed_mps = m.vel().norm();
  return r;
}

double max_ground_range(const InterceptorClass& c, double height_m, double rel_tol) {
  // The reachable set need not be one interval (a shot can fail inside the reach, e.g. by overshooting in
  // thin air): scan outward to the last reached sample, then bisect the edge beyond it.
  constexpr int kScan = 24;
  const double span = 2.0 * c.max_range_m;
  double lo = 0.0;
  for (int i = 1; i <= kScan; ++i)
    if (simulate_flyout(c, span * i / kScan, height_m).reached) lo = span * i / kScan;
  if (lo <= 0.0) return 0.0;
  double hi = lo + span / kScan;
  while (hi - lo > rel_tol * c.max_range_m) {
    const double mid = 0.5 * (lo + hi);
    (simulate_flyout(c, mid, height_m).reached ? lo : hi) = mid;
  }
  return lo;
}

FlyoutTable::FlyoutTable(const InterceptorClass& c, std::string source) : c_(c), source_(std::move(source)) { c_.flyout.reset(); }

void FlyoutTable::build() const {
  std::vector<double> heights{std::max(c_.min_altitude_m, 50.0)};
  for (double h : kTableHeights)
    if (h > heights.back() && h < c_.max_altitude_m) heights.push_back(h);
  if (c_.max_altitude_m > heights.back()) heights.push_back(c_.max_altitude_m);
  for (double h : heights) {
    Row row;
    row.height_m = h;
    row.reach_m = max_ground_range(c_, h);
    for (int j = 0; j < kRangeSamples; ++j) {
      const FlyoutRun run = simulate_flyout(c_, row.reach_m * j / (kRangeSamples - 1), h);
      row.time_s.push_back(run.time_s);
      row.speed_mps.push_back(run.speed_mps);
      row.reachable.push_back(run.reached && row.reach_m > 0.0);
    }
    // An interval counts only when its ends, its middle and its quarter points are reached (the
    // reachable set has holes: overhead, dense air at mid range for the large missiles, just inside
    // the reach - e.g. 344-348 km at 20 km for the very long range class, narrower than an interval).
    const auto reached_at = [&](int j, double f) {
      return simulate_flyout(c_, row.reach_m * (j + f) / (kRangeSamples - 1), h).reached;
    };
    for (int j = 0; j + 1 < kRangeSamples; ++j)
      row.interval_ok.push_back(row.reachable[j] && row.reachable[j + 1] && reached_at(j, 0.5) && reached_at(j, 0.25) &&
                                reached_at(j, 0.75));
    rows_.push_back(std::move(row));
  }
}

const std::vector<FlyoutTable::Row>& FlyoutTable::rows() const {
  std::call_once(built_, [this] {
    const std::string key = cache_key();
    const std::string dir = key.empty() ? std::string() : cache_directory();
    if (const auto bytes = cache_load(dir, "flyout-", key); bytes && decode(*bytes, rows_)) {
      from_cache_ = true;
    } else {
      rows_.clear();
      build();
      cache_store(dir, "flyout-", key, encode(rows_));
    }
    built_done_ = true;
  });
  return rows_;
}

bool FlyoutTable::from_cache() const {
  rows();
  return from_cache_;
}

double FlyoutTable::reach_m() const {
  double r = 0.0;
  for (const Row& row : rows()) r = std::max(r, row.reach_m);
  return r;
}

FlyoutPoint FlyoutTable::in_row(const Row& r, double range) const {
  if (r.reach_m <= 0.0) return {};
  const double x = range / r.reach_m * (kRangeSamples - 1);
  if (x >= kRangeSamples - 1) {
    const double v = std::max(r.speed_mps.back(), 1.0);
    return {r.time_s.back() + (range - r.reach_m) / v, r.speed_mps.back(), x <= kRangeSamples - 1 + 1e-9 && r.reachable.back()};
  }
  const int j = static_cast<int>(x);
  const double f = x - j;
  return {r.time_s[j] + f * (r.time_s[j + 1] - r.time_s[j]), r.speed_mps[j] + f * (r.speed_mps[j + 1] - r.speed_mps[j]),
          r.interval_ok[j] != 0};
}

FlyoutPoint FlyoutTable::to(const Vec3& d) const {
  const double ground = std::hypot(d.x(), d.y());
  return at(ground, d.z() + earth_drop_m(ground));
}

FlyoutPoint FlyoutTable::at(double range, double height) const {
  const std::vector<Row>& rs = rows();
  if (height <= rs.front().height_m) return in_row(rs.front(), range);
  if (height >= rs.back().height_m) return in_row(rs.back(), range);
  std::size_t i = 1;
  while (rs[i].height_m < height) ++i;
  const Row &a = rs[i - 1], &b = rs[i];
  const double f = (height - a.height_m) / (b.height_m - a.height_m);
  // Interpolate at the same fraction of each row's reach, so that the reach edge is interpolated too.
  const double reach = a.reach_m + f * (b.reach_m - a.reach_m);
  if (reach <= 0.0) return {};
  const double frac = range / reach;
  const FlyoutPoint pa = in_row(a, frac * a.reach_m), pb = in_row(b, frac * b.reach_m);
  const double t = pa.time_s + f * (pb.time_s - pa.time_s);
  const double v = pa.speed_mps + f * (pb.speed_mps - pa.speed_mps);
  // Beyond the interpolated reach the time grows at the arrival speed.
  return {t, v, frac <= 1.0 + 1e-9 && (pa.reachable || a.reach_m <= 0) && (pb.reachable || b.reach_m <= 0) && (pa.reachable || pb.reachable)};
}

}  // namespace skyshield
