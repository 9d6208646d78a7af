#pragma once
// The model's resolution (`simulation.fidelity`, `--fidelity` on run, mc, sweep and bench;
// docs/fidelity.md). `full` is the reference model. `fast` is a lower-resolution model for large
// Monte Carlo studies whose per-class kill and leak rates are checked against the full model
// (`skyshield compare-fidelity`): the radars draw no false alarms, they look and the trackers update
// every kFastSensorPeriodS instead of every step, and the engine takes steps of that length while no
// fire order waits and no interceptor is in its launch or end game (the world, the command posts and
// the weapons are the full model's; an interceptor still integrates its flight in its own sub-steps).
#include <optional>
#include <string_view>

namespace skyshield {

enum class Fidelity { Full, Fast };

// The fast model's radar and tracker update period, and its engine step while nothing is engaged
// (a whole number of steps of the scenario: rounded to the nearest, at least one).
inline constexpr double kFastSensorPeriodS = 0.5;
// Fine steps while an interceptor is in its first kFastLaunchS after launch (vertical rise and
// turnover), or closer to its guidance target than kFastEndgameS at the highest closing speed in the
// air (the terminal homing begins 10 s before the intercept; the seeker acquires, the fuze finds the
// closest approach against the target's true motion step by step).
inline constexpr double kFastLaunchS = 5.0;
inline constexpr double kFastEndgameS = 15.0;

inline const char* to_string(Fidelity f) { return f == Fidelity::Fast ? "fast" : "full"; }

// "full" or "fast"; nothing otherwise.
inline std::optional<Fidelity> fidelity_from_string(std::string_view s) {
  if (s == "full") return Fidelity::Full;
  if (s == "fast") return Fidelity::Fast;
  return std::nullopt;
}

}  // namespace skyshield
