#pragma once
// Publishes a run on DIS: Entity State PDUs for the command posts, radars and launchers (static),
// for every threat and interceptor in flight (dead reckoning FVW, sent when the receivers'
// extrapolation drifts past the thresholds or the 5 s heartbeat is due, and a last one marking the
// entity destroyed or deactivated), a Fire PDU at every launch and a Detonation PDU at every
// interceptor's end and every missile's impact. Threats that came in from another simulator are
// not published again.
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "dis/dead_reckoning.hpp"
#include "dis/markings.hpp"
#include "dis/pdu.hpp"
#include "sim/live_link.hpp"

namespace skyshield::dis {

// Who we are on the exercise: exercise id and simulation address (site, application).
struct DisIdentity {
  std::uint8_t exercise = 1;
  std::uint16_t site = 1, application = 1;
};

using PacketSink = std::function<void(std::span<const std::uint8_t>)>;

struct PublisherCounts {
  long long entity_state = 0, fire = 0, detonation = 0;
  long long entities = 0;        // entity ids handed out
  long long unpublished = 0;     // entities beyond the 65,534 numbers an application has
};

class Publisher {
 public:
  // external_id: the DIS entity id of a threat that came in from another simulator, by its name.
  using ExternalId = std::function<std::optional<EntityId>(const std::string& name)>;
  Publisher(DisIdentity identity, PacketSink sink, ExternalId external_id = {})
      : me_(identity), sink_(std::move(sink)), external_id_(std::move(external_id)) {}
  void publish(const LiveFrame& frame);
  const PublisherCounts& counts() const { return counts_; }
  // Every entity published so far: its id, the records' name and its marking.
  struct Published {
    EntityId id;
    std::string name, marking;
  };
  std::vector<Published> entities() const;

 private:
  struct Entity {
    EntityId id;
    EntityType type;
    ForceId force = ForceId::Other;
    std::string name;      // as the run's records call it
    std::string marking;   // unique within the run (markings.hpp)
    UpdatePolicy policy;
    Vec3 last_vel = Vec3::Zero();
    double last_t = -1.0;
    bool ended = false;
  };
  std::optional<EntityId> new_id();
  void publish_sites(const LiveFrame& f);
  void publish_threats(const LiveFrame& f);
  void publish_interceptors(const LiveFrame& f);
  // One Entity State PDU if due (or forced); `final_appearance` ends the entity.
  void entity_state(Entity& e, double t, const Vec3& pos, const Vec3& vel, DeadReckoning algorithm,
                    std::optional<std::uint32_t> final_appearance = std::nullopt);
  void fire(const LiveFrame& f, std::size_t interceptor);
  void detonation(const LiveFrame& f, std::size_t interceptor);
  void impact(const LiveFrame& f, std::size_t threat);
  EntityId threat_entity(const std::string& name) const;
  void name_entity(Entity& e, const std::string& name) {
    e.name = name;
    e.marking = markings_.assign(name);
  }
  PduHeader header(PduType type, double t) const;
  void send(const std::vector<std::uint8_t>& bytes) { sink_(bytes); }

  DisIdentity me_;
  PacketSink sink_;
  ExternalId external_id_;
  PublisherCounts counts_;
  MarkingBook markings_;
  std::uint16_t next_entity_ = 1, next_event_ = 1;
  bool sites_done_ = false;
  std::vector<Entity> sites_;
  std::vector<Vec3> site_pos_;
  std::vector<bool> launcher_;
  std::vector<Entity> threats_, interceptors_;
  std::vector<bool> threat_known_, interceptor_known_;
  std::vector<EventId> fire_event_;        // per interceptor
  std::vector<EntityId> fired_by_;         // per interceptor: its launcher's entity
  std::unordered_map<std::string, std::size_t> threat_index_;   // name -> threat id, every threat (ours and external)
};

}  // namespace skyshield::dis
