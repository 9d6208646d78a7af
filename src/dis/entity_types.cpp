#include "dis/entity_types.hpp"

namespace skyshield::dis {

EntityType threat_entity_type(ThreatClass cls, bool decoy) {
  EntityType t;
  t.country = country::kOther;  // the raid's side is not named by the scenarios
  if (decoy) {
    t.kind = kind::kExpendable;
    t.domain = platform_domain::kAir;
    return t;
  }
  switch (cls) {
    case ThreatClass::Aircraft:
      t.kind = kind::kPlatform;
      t.domain = platform_domain::kAir;
      t.category = category::kAirAttackStrike;
      break;
    case ThreatClass::Drone:
      t.kind = kind::kPlatform;
      t.domain = platform_domain::kAir;
      t.category = category::kAirUnmanned;
      break;
    case ThreatClass::CruiseMissile:
      t.kind = kind::kMunition;
      t.domain = munition_domain::kBattlefieldSupport;
      t.category = category::kMunitionGuided;
      break;
    case ThreatClass::BallisticMissile:
      t.kind = kind::kMunition;
      t.domain = munition_domain::kStrategic;
      t.category = category::kMunitionGuided;
      break;
  }
  return t;
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
