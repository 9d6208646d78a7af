#include "weapons/launcher.hpp"

#include <algorithm>

namespace skyshield {

Launcher::Launcher(LauncherConfig cfg) : cfg_(std::move(cfg)), site_ecef_(ecef_from_geodetic(cfg_.site)), rounds_(cfg_.tubes) {}

bool Launcher::ready(double t) const { return rounds_ > 0 && !reloading_ && t + 1e-9 >= next_ready_t_; }

void Launcher::finish_reload(int rounds, double t) {
  rounds_ = std::min(cfg_.tubes, rounds_ + rounds);
  reloading_ = false;
  next_ready_t_ = std::max(next_ready_t_, t);
}

double Launcher::accept_order(double t) {
  --rounds_;
  next_ready_t_ = t + cfg_.launch_interval_s;
  return t + cfg_.reaction_time_s;
}

}  // namespace skyshield
