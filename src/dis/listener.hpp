#pragma once
// Takes entities from another simulator's Entity State PDUs and turns those that are threats (air
// platforms, missiles; see threat_class_of) into external threats for the run: each dead-reckoned
// from its latest PDU, dropped when its simulator deactivates it or stops sending for 12 s (2.4
// heartbeats). Malformed and truncated packets are counted and dropped, and so are states no threat
// can have (the plausible states below): an entity at the earth's centre is not a leak.
//
// Limits: at most kMaxExternalEntities distinct entities in a run (the PDUs of further ones are
// counted and dropped: a flood of new entity ids cannot grow the run without bound; measured on a
// loaded 2-core machine, a UDP flood of 20,000 entities at one spot: the run stops 0.04 s after
// Ctrl-C; with 1000 taken it stopped 4.7 s after, the tracker's work on one crowded step); at most
// kMaxPacketsPerPoll datagrams taken per simulation step (the rest wait in the socket's buffer, where
// the kernel drops what overflows), so a flood cannot hold a step, or Ctrl-C, back. Markings are
// taken as ASCII: a byte outside printable ASCII, and ',' '"' '\', becomes '_' in the threat's name
// (names reach JSON, CSV and the terminal).
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "dis/dead_reckoning.hpp"
#include "dis/pdu.hpp"
#include "dis/publisher.hpp"
#include "sim/live_link.hpp"

namespace skyshield::dis {

inline constexpr std::size_t kMaxExternalEntities = 200;
inline constexpr int kMaxPacketsPerPoll = 4096;
// Plausible states of a threat: geodetic altitude from -1 km to 2,000 km (ballistic apogees of
// intermediate-range missiles stay below ~1,300 km), speed below 12 km/s (above the earth's escape
// velocity, 11.2 km/s), acceleration below 2,000 m/s^2 (~200 g).
inline constexpr double kMinAltitudeM = -1e3, kMaxAltitudeM = 2e6;
inline constexpr double kMaxSpeedMps = 12e3, kMaxAccelerationMps2 = 2e3;

// A marking as a name: printable ASCII, other bytes and , " \ as '_', trailing spaces dropped.
std::string marking_name(const EntityMarking& m);

struct ListenerCounts {
  long long packets = 0;
  long long entity_states = 0;     // decoded and taken
  long long malformed = 0;         // truncated, inconsistent length, bad version, non-finite values
  long long other_pdus = 0;        // well-formed PDUs of other types (Fire, Detonation, ...): ignored
  long long foreign = 0;           // another exercise, or our own PDUs looped back
  long long not_threats = 0;       // entity types that are not threats (land, sea, anti-air munitions)
  long long implausible = 0;       // states no threat can have (below ground, too fast, ...): dropped
  long long over_limit = 0;        // PDUs of entities beyond kMaxExternalEntities: dropped
  long long entities = 0;          // distinct external threats seen
};

class Listener {
 public:
  explicit Listener(DisIdentity me) : me_(me) {}
  // One received datagram at simulation time t.
  void take(std::span<const std::uint8_t> packet, double t);
  // The updates since the last call, plus departures (deactivated or timed out by time t).
  std::vector<ExternalUpdate> updates(double t);
  std::optional<EntityId> entity_of(const std::string& name) const;
  const ListenerCounts& counts() const { return counts_; }

 private:
  struct Remote {
    std::string name;
    ThreatClass cls = ThreatClass::Aircraft;
    DeadReckonedState state;
    bool gone = false;
  };
  DisIdentity me_;
  ListenerCounts counts_;
  std::map<EntityId, Remote> remotes_;
  std::map<std::string, EntityId> by_name_;
  std::vector<ExternalUpdate> pending_;
};

// The key of an external entity in the run: "dis:SITE:APP:ENTITY"; its name is "dis:" + its marking
// (or that key when the marking is empty or taken).
std::string external_key(const EntityId& id);

}  // namespace skyshield::dis
