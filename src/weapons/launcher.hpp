#pragma once
// A transporter-erector-launcher (TEL): a site, tubes of one interceptor class, a reaction time
// from fire order to launch and a minimum interval between its launches. Reloaded by the battalion's
// transloaders from its magazine (weapons/magazine.hpp).
#include <string>

#include "core/geo.hpp"
#include "weapons/interceptor_class.hpp"

namespace skyshield {

struct LauncherConfig {
  std::string name;
  Geodetic site;
  int interceptor_class = -1;     // index into the scenario's interceptor classes
  int tubes = 4;
  double reaction_time_s = 5.0;   // fire order -> launch
  double launch_interval_s = 3.0; // between two launches of this launcher
};

class Launcher {
 public:
  explicit Launcher(LauncherConfig cfg);
  const LauncherConfig& config() const { return cfg_; }
  const Vec3& site_ecef() const { return site_ecef_; }
  int rounds_left() const { return rounds_; }
  // Can accept a fire order at time t (a round left, not being reloaded, and the previous launch
  // interval elapsed).
  bool ready(double t) const;
  bool reloading() const { return reloading_; }
  // A transloader starts reloading it (it cannot fire until finish_reload).
  void begin_reload() { reloading_ = true; }
  // The reload ends at t with `rounds` more in the tubes (at most its tube count).
  void finish_reload(int rounds, double t);
  // Accept a fire order at t; returns the launch time (t + reaction time). Requires ready(t).
  double accept_order(double t);
  // An accepted order called off before its launch (its track was dropped): the round stays aboard.
  void cancel_order() { ++rounds_; }

 private:
  LauncherConfig cfg_;
  Vec3 site_ecef_;
  int rounds_;
  double next_ready_t_ = 0.0;
  bool reloading_ = false;
};

}  // namespace skyshield
