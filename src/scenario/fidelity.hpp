#pragma once
// The model's resolution (`simulation.fidelity`, `--fidelity` on run, mc, sweep and bench;
// docs/fidelity.md). `full` is the reference model. `fast` is a lower-resolution model for large
// Monte Carlo studies whose per-class kill and leak rates are checked against the full model
// (`skyshield compare-fidelity`): the radars draw no false alarms, they look and the trackers update
// every kFastSensorPeriodS instead of every step, and the engine takes steps of that length while no
// interceptor flies and no fire order waits (the world, the command posts and the weapons are the
// full model's).
#include <optional>
#include <string_view>

namespace skyshield {

enum class Fidelity { Full, Fast };

// The fast model's radar and tracker update period, and its engine step while nothing is engaged
// (a whole number of steps of the scenario: rounded to the nearest, at least one).
inline constexpr double kFastSensorPeriodS = 0.5;

inline const char* to_string(Fidelity f) { return f == Fidelity::Fast ? "fast" : "full"; }

// "full" or "fast"; nothing otherwise.
inline std::optional<Fidelity> fidelity_from_string(std::string_view s) {
  if (s == "full") return Fidelity::Full;
  if (s == "fast") return Fidelity::Fast;
  return std::nullopt;
}

}  // namespace skyshield
