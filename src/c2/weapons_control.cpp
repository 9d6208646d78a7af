#include "c2/weapons_control.hpp"

#include <algorithm>
#include <cmath>

namespace skyshield {

const char* to_string(WeaponsControlStatus s) {
  switch (s) {
    case WeaponsControlStatus::Hold: return "hold";
    case WeaponsControlStatus::Tight: return "tight";
    case WeaponsControlStatus::Free: return "free";
  }
  return "free";
}

std::optional<WeaponsControlStatus> weapons_control_from_string(const std::string& s) {
  for (WeaponsControlStatus w : {WeaponsControlStatus::Hold, WeaponsControlStatus::Tight, WeaponsControlStatus::Free})
    if (s == to_string(w)) return w;
  return std::nullopt;
}

const char* to_string(IffWait w) {
  switch (w) {
    case IffWait::Never: return "never";
    case IffWait::WhileFeasible: return "while_feasible";
    case IffWait::Always: return "always";
  }
  return "while_feasible";
}

std::optional<IffWait> iff_wait_from_string(const std::string& s) {
  for (IffWait w : {IffWait::Never, IffWait::WhileFeasible, IffWait::Always})
    if (s == to_string(w)) return w;
  return std::nullopt;
}

namespace {
bool in_azimuths(double center_deg, double width_deg, double az_deg) {
  return width_deg >= 360.0 || std::abs(std::remainder(az_deg - center_deg, 360.0)) <= 0.5 * width_deg;
}
// Two azimuth sectors share some direction (edges included).
bool sectors_overlap(const WeaponsControlWindow& a, const WeaponsControlWindow& b) {
  if (a.width_deg >= 360.0 || b.width_deg >= 360.0) return true;
  return std::abs(std::remainder(a.center_deg - b.center_deg, 360.0)) <= 0.5 * (a.width_deg + b.width_deg);
}
}  // namespace

WeaponsControlStatus status_at(const WeaponsControl& wc, double t, double az_deg) {
  for (const WeaponsControlWindow& w : wc.windows)
    if (t >= w.from_s && t < w.to_s && in_azimuths(w.center_deg, w.width_deg, az_deg)) return w.status;
  return wc.base;
}

bool may_engage(WeaponsControlStatus s, Identity id) {
  switch (s) {
    case WeaponsControlStatus::Hold: return false;
    case WeaponsControlStatus::Tight: return id == Identity::Hostile;
    case WeaponsControlStatus::Free: return id != Identity::Friend && id != Identity::AssumedFriend;
  }
  return false;
}

std::optional<std::pair<std::size_t, std::size_t>> contradicting_windows(const std::vector<WeaponsControlWindow>& w) {
  for (std::size_t i = 0; i < w.size(); ++i)
    for (std::size_t j = i + 1; j < w.size(); ++j) {
      if (w[i].status == w[j].status) continue;
      const bool times = std::max(w[i].from_s, w[j].from_s) < std::min(w[i].to_s, w[j].to_s);
      if (times && sectors_overlap(w[i], w[j])) return std::make_pair(i, j);
    }
  return std::nullopt;
}

}  // namespace skyshield
