#include "dis/entity_types.hpp"

namespace skyshield::dis {

EntityType threat_entity_type(ThreatClass cls, bool decoy) {
  // The raid's side is not named by the scenarios: country 0 (other).
  if (decoy) return {kind::kExpendable, platform_domain::kAir, country::kOther, 0, 0, 0, 0};
  switch (cls) {
    case ThreatClass::Aircraft:
      return {kind::kPlatform, platform_domain::kAir, country::kOther, category::kAirAttackStrike, 0, 0, 0};
    case ThreatClass::Drone: return {kind::kPlatform, platform_domain::kAir, country::kOther, category::kAirUnmanned, 0, 0, 0};
    case ThreatClass::CruiseMissile:
      return {kind::kMunition, munition_domain::kBattlefieldSupport, country::kOther, category::kMunitionGuided, 0, 0, 0};
    case ThreatClass::BallisticMissile:
      return {kind::kMunition, munition_domain::kStrategic, country::kOther, category::kMunitionGuided, 0, 0, 0};
  }
  return {};
}

EntityType interceptor_entity_type() {
  return {kind::kMunition, munition_domain::kAntiAir, country::kRussia, category::kMunitionGuided, 0, 0, 0};
}

EntityType launcher_entity_type() {
  return {kind::kPlatform, platform_domain::kLand, country::kRussia, category::kLandAirDefenseEquipment, 0, 0, 0};
}

EntityType radar_entity_type() { return launcher_entity_type(); }

EntityType command_post_entity_type() {
  return {kind::kPlatform, platform_domain::kLand, country::kRussia, category::kLandC3I, 0, 0, 0};
}

std::optional<ThreatClass> threat_class_of(const EntityType& t) {
  if (t.kind == kind::kPlatform) {
    if (t.domain == platform_domain::kAir)
      return t.category == category::kAirUnmanned ? ThreatClass::Drone : ThreatClass::Aircraft;
    if (t.domain == platform_domain::kSpace) return ThreatClass::BallisticMissile;
    return std::nullopt;
  }
  if (t.kind == kind::kMunition) {
    if (t.domain == munition_domain::kAntiAir) return std::nullopt;  // someone's interceptor, not a threat to us
    if (t.category == category::kMunitionBallistic || t.domain == munition_domain::kStrategic ||
        t.domain == munition_domain::kTactical)
      return ThreatClass::BallisticMissile;
    return ThreatClass::CruiseMissile;
  }
  return std::nullopt;
}

}  // namespace skyshield::dis
