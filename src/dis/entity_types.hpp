#pragma once
// Entity types of skyshield's entities as SISO-REF-010 enumerations (kind, domain, country,
// category; subcategory and specific left 0 = generic: the library's classes are notional), and the
// reverse mapping that turns a received entity into one of our threat classes.
#include <optional>

#include "core/threat_class.hpp"
#include "dis/pdu.hpp"

namespace skyshield::dis {

// SISO-REF-010 UID 7 (entity kind), 8 (platform domain), 14 (munition domain), 29 (country).
namespace kind {
inline constexpr std::uint8_t kPlatform = 1, kMunition = 2, kExpendable = 8;
}
namespace platform_domain {
inline constexpr std::uint8_t kLand = 1, kAir = 2, kSpace = 5;
}
namespace munition_domain {
inline constexpr std::uint8_t kAntiAir = 1, kBattlefieldSupport = 9, kStrategic = 10, kTactical = 11;
}
namespace country {
inline constexpr std::uint16_t kOther = 0, kRussia = 222;
}
// Categories: platform-air (UID 10), platform-land (UID 9), munition (UID 15: 1 guided, 2 ballistic).
namespace category {
inline constexpr std::uint8_t kAirAttackStrike = 2, kAirUnmanned = 50;
inline constexpr std::uint8_t kLandAirDefenseEquipment = 28, kLandC3I = 29;
inline constexpr std::uint8_t kMunitionGuided = 1, kMunitionBallistic = 2;
}

EntityType threat_entity_type(ThreatClass cls, bool decoy);
EntityType interceptor_entity_type();
EntityType launcher_entity_type();
EntityType radar_entity_type();
EntityType command_post_entity_type();

// The threat class a received entity stands for: air platforms (unmanned = drone, else aircraft),
// guided munitions (strategic or tactical domain = ballistic missile, else cruise missile), ballistic
// munitions and space platforms (ballistic missile). Land, sea and everything else: nullopt (ignored).
std::optional<ThreatClass> threat_class_of(const EntityType& type);

}  // namespace skyshield::dis
