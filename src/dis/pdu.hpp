#pragma once
// The three DIS PDUs skyshield speaks, as plain structs: Entity State (type 1), Fire (2) and
// Detonation (3) of IEEE 1278.1-2012 (DIS protocol version 7). Field order and widths follow the
// standard's layouts (section 7.2.2 Entity State, 7.3.2 Fire, 7.3.3 Detonation; records in 6.2);
// enumerated values are those of SISO-REF-010. The codec (dis/codec.hpp) writes them big-endian.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace skyshield::dis {

inline constexpr std::uint8_t kProtocolVersion = 7;  // IEEE 1278.1-2012
inline constexpr std::size_t kHeaderSize = 12;
inline constexpr std::size_t kEntityStateSize = 144;  // without variable parameters
inline constexpr std::size_t kFireSize = 96;
inline constexpr std::size_t kDetonationSize = 104;   // without variable parameters
inline constexpr std::size_t kVariableParameterSize = 16;

enum class PduType : std::uint8_t { EntityState = 1, Fire = 2, Detonation = 3 };
enum class ProtocolFamily : std::uint8_t { EntityInformation = 1, Warfare = 2 };

// SISO-REF-010 UID 6 (Force ID).
enum class ForceId : std::uint8_t { Other = 0, Friendly = 1, Opposing = 2, Neutral = 3 };

// SISO-REF-010 UID 44 (Dead Reckoning Algorithm): F = fixed (world) coordinates, R = rotating
// (body) coordinates; P/V = position / velocity (first / second order); W/B = world / body axes.
enum class DeadReckoning : std::uint8_t {
  Other = 0, Static = 1, FPW = 2, RPW = 3, RVW = 4, FVW = 5, FPB = 6, RPB = 7, RVB = 8, FVB = 9
};

// SISO-REF-010 UID 62 (Detonation Result), the values used here.
enum class DetonationResult : std::uint8_t {
  Other = 0, EntityImpact = 1, EntityProximateDetonation = 2, GroundImpact = 3, GroundProximateDetonation = 4,
  Detonation = 5, NoneDud = 6, AirHit = 17
};

struct PduHeader {
  std::uint8_t protocol_version = kProtocolVersion;
  std::uint8_t exercise_id = 1;
  PduType type = PduType::EntityState;
  ProtocolFamily family = ProtocolFamily::EntityInformation;
  std::uint32_t timestamp = 0;   // see dis_timestamp()
  std::uint16_t length = 0;      // whole PDU in bytes (the codec fills it in)
  std::uint8_t status = 0;       // PDU status record (7.2 in 1278.1-2012)
  std::uint8_t padding = 0;
  bool operator==(const PduHeader&) const = default;
};

// Simulation address (site, application) + entity number; 0:0:0 means "no entity".
struct EntityId {
  std::uint16_t site = 0, application = 0, entity = 0;
  bool operator==(const EntityId&) const = default;
  auto operator<=>(const EntityId&) const = default;
};

// Event identifier: simulation address + event number (Fire and Detonation of one shot share it).
struct EventId {
  std::uint16_t site = 0, application = 0, event_number = 0;
  bool operator==(const EventId&) const = default;
};

// Entity type record (SISO-REF-010 section 4): kind, domain, country, category, subcategory,
// specific, extra.
struct EntityType {
  std::uint8_t kind = 0, domain = 0;
  std::uint16_t country = 0;
  std::uint8_t category = 0, subcategory = 0, specific = 0, extra = 0;
  bool operator==(const EntityType&) const = default;
};

struct Vec3f {
  float x = 0, y = 0, z = 0;
  bool operator==(const Vec3f&) const = default;
};
struct Vec3d {
  double x = 0, y = 0, z = 0;
  bool operator==(const Vec3d&) const = default;
};
// Euler angles (rad) of the body axes relative to the world (ECEF) axes: psi about z, then theta
// about the new y, then phi about the new x (1278.1-2012 section 1.4.1 and annex E).
struct EulerAngles {
  float psi = 0, theta = 0, phi = 0;
  bool operator==(const EulerAngles&) const = default;
};

struct DeadReckoningParameters {
  DeadReckoning algorithm = DeadReckoning::FPW;
  std::array<std::uint8_t, 15> other{};
  Vec3f linear_acceleration;   // m/s^2, world coordinates for the W algorithms
  Vec3f angular_velocity;      // rad/s, body axes
  bool operator==(const DeadReckoningParameters&) const = default;
};

struct EntityMarking {
  std::uint8_t character_set = 1;  // 1 = ASCII
  std::array<char, 11> characters{};
  bool operator==(const EntityMarking&) const = default;
};
EntityMarking make_marking(const std::string& text);   // truncated to 11 characters
std::string marking_text(const EntityMarking& m);

// A variable parameter record (articulated part, attached part, ...): kept as raw bytes.
struct VariableParameter {
  std::uint8_t record_type = 0;
  std::array<std::uint8_t, 15> data{};
  bool operator==(const VariableParameter&) const = default;
};

// Entity appearance (32 bits, SISO-REF-010 section 4.3): the general bits used here.
namespace appearance {
inline constexpr std::uint32_t kDamageShift = 3;                 // bits 3-4: 0 none .. 3 destroyed
inline constexpr std::uint32_t kDamageMask = 3u << kDamageShift;
inline constexpr std::uint32_t kDestroyed = 3u << kDamageShift;
inline constexpr std::uint32_t kDeactivated = 1u << 23;          // bit 23: state (0 active, 1 deactivated)
}  // namespace appearance

struct EntityStatePdu {
  PduHeader header{kProtocolVersion, 1, PduType::EntityState, ProtocolFamily::EntityInformation};
  EntityId entity;
  ForceId force = ForceId::Other;
  EntityType type, alternative_type;
  Vec3f velocity;              // m/s, ECEF
  Vec3d location;              // m, ECEF
  EulerAngles orientation;
  std::uint32_t appearance = 0;
  DeadReckoningParameters dead_reckoning;
  EntityMarking marking;
  std::uint32_t capabilities = 0;
  std::vector<VariableParameter> variable_parameters;
  bool operator==(const EntityStatePdu&) const = default;
};

// Munition descriptor (1278.1-2012 6.2.19.2): what was fired.
struct MunitionDescriptor {
  EntityType munition;
  std::uint16_t warhead = 0;   // SISO-REF-010 UID 60: 1000 = HE (general)
  std::uint16_t fuse = 0;      // UID 61: 3000 = proximity, 1000 = contact
  std::uint16_t quantity = 1;
  std::uint16_t rate = 0;
  bool operator==(const MunitionDescriptor&) const = default;
};

struct FirePdu {
  PduHeader header{kProtocolVersion, 1, PduType::Fire, ProtocolFamily::Warfare};
  EntityId firing, target, munition;
  EventId event;
  std::uint32_t fire_mission_index = 0;
  Vec3d location;              // where the munition was launched, ECEF
  MunitionDescriptor descriptor;
  Vec3f velocity;              // munition's initial velocity, ECEF
  float range = 0;             // m; 0 when not known
  bool operator==(const FirePdu&) const = default;
};

struct DetonationPdu {
  PduHeader header{kProtocolVersion, 1, PduType::Detonation, ProtocolFamily::Warfare};
  EntityId firing, target, munition;
  EventId event;
  Vec3f velocity;              // munition's velocity at detonation, ECEF
  Vec3d location;              // ECEF
  MunitionDescriptor descriptor;
  Vec3f location_in_entity;    // relative to the target's centre, its body axes
  DetonationResult result = DetonationResult::Other;
  std::uint16_t padding = 0;
  std::vector<VariableParameter> variable_parameters;
  bool operator==(const DetonationPdu&) const = default;
};

// DIS timestamp (1278.1-2012 6.2.88): the upper 31 bits count units of 3600/2^31 s past the hour,
// the lowest bit is 1 for absolute time, 0 for relative (our simulation clock).
std::uint32_t dis_timestamp(double seconds, bool absolute = false);
double seconds_past_hour(std::uint32_t timestamp);

}  // namespace skyshield::dis
