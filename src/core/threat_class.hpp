#pragma once
// The four threat classes the defence engages. Shared vocabulary of world, tracking, c2 and weapons.
#include <array>
#include <optional>
#include <string_view>

namespace skyshield {

enum class ThreatClass { Aircraft = 0, Drone = 1, CruiseMissile = 2, BallisticMissile = 3 };
inline constexpr int kThreatClassCount = 4;
inline constexpr std::array<ThreatClass, kThreatClassCount> kAllThreatClasses = {
    ThreatClass::Aircraft, ThreatClass::Drone, ThreatClass::CruiseMissile, ThreatClass::BallisticMissile};

inline constexpr std::string_view to_string(ThreatClass c) {
  switch (c) {
    case ThreatClass::Aircraft: return "aircraft";
    case ThreatClass::Drone: return "drone";
    case ThreatClass::CruiseMissile: return "cruise_missile";
    case ThreatClass::BallisticMissile: return "ballistic_missile";
  }
  return "unknown";
}

inline std::optional<ThreatClass> threat_class_from_string(std::string_view s) {
  for (ThreatClass c : kAllThreatClasses)
    if (to_string(c) == s) return c;
  return std::nullopt;
}

}  // namespace skyshield
