#pragma once
// Weapons control status (docs/identification.md), per battalion (doctrine `weapons_control:`), by
// sector and time window: hold (fire at nothing; self-defence is not modelled), tight (fire only at
// tracks identified hostile), free (fire at any track not identified friend or assumed friend).
#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "c2/identification.hpp"

namespace skyshield {

enum class WeaponsControlStatus { Hold, Tight, Free };
const char* to_string(WeaponsControlStatus s);
std::optional<WeaponsControlStatus> weapons_control_from_string(const std::string& s);

// Under `free`, an unknown track whose IFF answer is still pending (the interrogator is up, the track
// in its range, fewer than min_no_reply silent interrogations and no reply yet):
//   never          - engaged at once (the answer may come while the round flies: command destruct);
//   while_feasible - held while a launch would still be feasible once the answer is due, fired at
//                    once when waiting would lose the shot (default);
//   always         - never engaged before its evidence is no_reply (refusal `awaiting_iff`).
enum class IffWait { Never, WhileFeasible, Always };
const char* to_string(IffWait w);
std::optional<IffWait> iff_wait_from_string(const std::string& s);

// A status over a time window [from_s, to_s) and the azimuths center_deg +- width_deg / 2 from the
// battalion's command post (width 360 = all round).
struct WeaponsControlWindow {
  WeaponsControlStatus status = WeaponsControlStatus::Free;
  double from_s = 0.0;
  double to_s = std::numeric_limits<double>::infinity();
  double center_deg = 0.0, width_deg = 360.0;
};

struct WeaponsControl {
  WeaponsControlStatus base = WeaponsControlStatus::Free;   // outside every window
  std::vector<WeaponsControlWindow> windows;
  IffWait iff_wait = IffWait::WhileFeasible;
  bool configured() const { return base != WeaponsControlStatus::Free || !windows.empty(); }
};

// The status at time t for a track at azimuth az_deg: the window holding (t, az), else the base.
WeaponsControlStatus status_at(const WeaponsControl& wc, double t, double az_deg);
// May a track of this identity be engaged under this status?
bool may_engage(WeaponsControlStatus s, Identity id);
// Two windows that overlap in time and in azimuth but say different statuses contradict each other:
// the first such pair (indices), or none.
std::optional<std::pair<std::size_t, std::size_t>> contradicting_windows(const std::vector<WeaponsControlWindow>& w);

}  // namespace skyshield
