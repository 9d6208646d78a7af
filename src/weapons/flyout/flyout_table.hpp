#pragma once
// The flyout of an interceptor class tabulated from its physics: the full guided flight
// (weapons/interceptor: vertical launch, turnover, lofted mid-course, seeker, fuze) simulated from a
// launcher at sea level to stationary points. For each of a set of heights the table holds the
// greatest ground range reached (by a scan and bisection: the missile must arrive inside its lethal
// radius, faster than its minimum speed and within its maximum flight time) and the time of flight and
// arrival speed at twenty fractions of it (an interval between two fractions is reachable when its ends
// and its middle are). Queries interpolate linearly in range fraction and height;
// beyond the reach the time is extrapolated at the last speed and the point marked unreachable.
// Built lazily on the first query (thread-safe), so that scenarios that never fire pay nothing; and
// kept in the on-disk cache (core/disk_cache.hpp) when the class comes with its source text, so that
// the next process with the same program and class reads it instead (the same bits).
#include <atomic>
#include <mutex>
#include <string>
#include <vector>

#include "weapons/flyout/flyout_model.hpp"
#include "weapons/interceptor_class.hpp"

namespace skyshield {

// One guided flight from a launcher at sea level to a point at ground range (due north) and height,
// with a perfect uplink. The target is stationary there, or (target_vel_enu, in the point's east-
// north-up axes) flies straight through it lead_time_s after launch.
struct FlyoutRun {
  bool reached = false;
  double time_s = 0.0;
  double speed_mps = 0.0;
  double miss_m = -1.0;
};
FlyoutRun simulate_flyout(const InterceptorClass& c, double ground_range_m, double height_m, double step_s = 0.1,
                          const Vec3& target_vel_enu = Vec3::Zero(), double lead_time_s = 0.0);

// Greatest ground range reached at a height, up to twice the specified range (0 when none of the
// scanned ranges is reached), to within rel_tol of the specified range.
double max_ground_range(const InterceptorClass& c, double height_m, double rel_tol = 0.004);

class FlyoutTable final : public FlyoutModel {
 public:
  // Keeps its own copy of the class (without its flyout model). `source`: the text the class was made
  // from (its scenario YAML), which with the program's build id keys the disk cache; empty: the table
  // is always built here.
  explicit FlyoutTable(const InterceptorClass& c, std::string source = {});
  // The point's ground range and height above the launcher: the ENU up plus the earth's drop d^2 / 2R
  // at ground range d (spherical earth).
  FlyoutPoint to(const Vec3& from_launcher_enu) const override;
  FlyoutPoint at(double ground_range_m, double height_m) const;
  double reach_m() const override;

  struct Row {
    double height_m = 0.0;
    double reach_m = 0.0;
    std::vector<double> time_s, speed_mps;  // at ground range reach * j / (n - 1)
    std::vector<bool> reachable;
    std::vector<char> interval_ok;  // between samples j and j + 1: both ends and the middle reached
  };
  const std::vector<Row>& rows() const;
  // True when the rows came from the disk cache (builds the table first if needed).
  bool from_cache() const;
  // True once the rows exist (built or read), without building them.
  bool built() const { return built_done_.load(); }

  // The rows as bytes and back (the disk cache's entry; decode returns false on anything malformed).
  static std::string encode(const std::vector<Row>& rows);
  static bool decode(const std::string& bytes, std::vector<Row>& rows);

 private:
  InterceptorClass c_;
  std::string source_;
  mutable std::once_flag built_;
  mutable std::vector<Row> rows_;
  mutable bool from_cache_ = false;
  mutable std::atomic<bool> built_done_{false};
  void build() const;
  std::string cache_key() const;   // "" when there is nothing to key the cache on
  FlyoutPoint in_row(const Row& r, double ground_range_m) const;
};

}  // namespace skyshield
