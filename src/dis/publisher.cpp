#include "dis/publisher.hpp"

#include <limits>

#include "core/geo.hpp"
#include "dis/codec.hpp"
#include "dis/entity_types.hpp"
#include "dis/orientation.hpp"

namespace skyshield::dis {

namespace {
constexpr std::uint16_t kWarheadHighExplosive = 1000;  // SISO-REF-010 UID 60
constexpr std::uint16_t kFuseContact = 1000;           // UID 61
constexpr std::uint16_t kFuseProximity = 3000;         // UID 61

Vec3f to_f(const Vec3& v) { return {static_cast<float>(v.x()), static_cast<float>(v.y()), static_cast<float>(v.z())}; }
Vec3d to_d(const Vec3& v) { return {v.x(), v.y(), v.z()}; }

DetonationResult result_of(const std::string& outcome) {
  if (outcome == "killed") return DetonationResult::EntityProximateDetonation;
  if (outcome == "ground_impact") return DetonationResult::GroundImpact;
  return DetonationResult::Detonation;  // missed (fuzed, no kill) or self-destruct: an air burst
}
}  // namespace

PduHeader Publisher::header(PduType type, double t) const {
  PduHeader h;
  h.exercise_id = me_.exercise;
  h.type = type;
  h.family = type == PduType::EntityState ? ProtocolFamily::EntityInformation : ProtocolFamily::Warfare;
  h.timestamp = dis_timestamp(t);
  return h;
}

std::optional<EntityId> Publisher::new_id() {
  if (next_entity_ == std::numeric_limits<std::uint16_t>::max()) {  // 0xFFFF means "all entities"
    ++counts_.unpublished;
    return std::nullopt;
  }
  ++counts_.entities;
  return EntityId{me_.site, me_.application, next_entity_++};
}

void Publisher::publish(const LiveFrame& f) {
  publish_sites(f);
  publish_threats(f);
  publish_interceptors(f);
}

void Publisher::entity_state(Entity& e, double t, const Vec3& pos, const Vec3& vel, DeadReckoning algorithm,
                             std::optional<std::uint32_t> final_appearance) {
  const bool moving = algorithm != DeadReckoning::Static;
  Vec3 acc = Vec3::Zero();
  if (moving && e.last_t >= 0.0 && t > e.last_t) acc = (vel - e.last_vel) / (t - e.last_t);
  e.last_vel = vel;
  e.last_t = t;
  const EulerAngles orient = euler_from_velocity(pos, vel);
  if (!final_appearance && !e.policy.due(t, pos, orient)) return;
  EntityStatePdu p;
  p.header = header(PduType::EntityState, t);
  p.entity = e.id;
  p.force = e.force;
  p.type = e.type;
  p.velocity = to_f(moving ? vel : Vec3::Zero());
  p.location = to_d(pos);
  p.orientation = orient;
  p.appearance = final_appearance.value_or(0);
  p.dead_reckoning.algorithm = algorithm;
  p.dead_reckoning.linear_acceleration = to_f(acc);
  p.marking = make_marking(e.marking);
  send(encode(p));
  ++counts_.entity_state;
  e.policy.sent(dead_reckoned_state(p, t));
}

void Publisher::publish_sites(const LiveFrame& f) {
  if (!sites_done_) {
    sites_done_ = true;
    for (const Site& s : f.record->sites) {
      if (s.kind == "asset") continue;  // a defended area, not an entity
      const auto id = new_id();
      if (!id) break;
      Entity e;
      e.id = *id;
      e.type = s.kind == "launcher" ? launcher_entity_type() : s.kind == "radar" ? radar_entity_type() : command_post_entity_type();
      e.force = ForceId::Friendly;
      name_entity(e, s.name);
      sites_.push_back(std::move(e));
      site_pos_.push_back(ecef_from_geodetic(s.position));
      launcher_.push_back(s.kind == "launcher");
    }
  }
  for (std::size_t i = 0; i < sites_.size(); ++i) entity_state(sites_[i], f.t, site_pos_[i], Vec3::Zero(), DeadReckoning::Static);
}

void Publisher::publish_threats(const LiveFrame& f) {
  const std::vector<ThreatRecord>& recs = f.record->threats;
  threats_.resize(f.threats.size());
  threat_known_.resize(f.threats.size(), false);
  for (std::size_t i = threat_index_.size(); i < f.threats.size(); ++i) threat_index_[recs[i].name] = i;  // names are unique
  for (std::size_t i = 0; i < f.threats.size(); ++i) {
    const LiveEntity& live = f.threats[i];
    if (live.external) continue;  // another simulator's entity: it publishes it
    Entity& e = threats_[i];
    if (!threat_known_[i]) {
      if (!live.alive) continue;
      const auto id = new_id();
      if (!id) continue;
      threat_known_[i] = true;
      e.id = *id;
      e.type = threat_entity_type(recs[i].cls, recs[i].decoy);
      e.force = ForceId::Opposing;
      name_entity(e, recs[i].name);
    }
    if (e.ended) continue;
    if (live.alive) {
      entity_state(e, f.t, live.pos, live.vel, DeadReckoning::FVW);
      continue;
    }
    e.ended = true;
    const bool killed = recs[i].outcome == "killed";
    if (recs[i].outcome == "leaked" && recs[i].cls != ThreatClass::Aircraft) impact(f, i);
    entity_state(e, f.t, live.pos, live.vel, DeadReckoning::FVW,
                 appearance::kDeactivated | (killed ? appearance::kDestroyed : 0u));
  }
}

void Publisher::publish_interceptors(const LiveFrame& f) {
  const std::size_t n = f.interceptors.size();
  interceptors_.resize(n);
  interceptor_known_.resize(n, false);
  fire_event_.resize(n);
  fired_by_.resize(n);
  for (std::size_t j = 0; j < n; ++j) {
    Entity& e = interceptors_[j];
    const LiveEntity& live = f.interceptors[j];
    if (!interceptor_known_[j]) {
      const auto id = new_id();
      if (!id) continue;
      interceptor_known_[j] = true;
      e.id = *id;
      e.type = interceptor_entity_type();
      e.force = ForceId::Friendly;
      name_entity(e, f.record->interceptors[j].name);
      fire(f, j);
    }
    if (e.ended) continue;
    if (live.alive) {
      entity_state(e, f.t, live.pos, live.vel, DeadReckoning::FVW);
      continue;
    }
    e.ended = true;
    detonation(f, j);
    entity_state(e, f.t, live.pos, live.vel, DeadReckoning::FVW, appearance::kDeactivated | appearance::kDestroyed);
  }
}

std::vector<Publisher::Published> Publisher::entities() const {
  std::vector<Published> out;
  for (const Entity& e : sites_) out.push_back({e.id, e.name, e.marking});
  for (std::size_t i = 0; i < threats_.size(); ++i)
    if (threat_known_[i]) out.push_back({threats_[i].id, threats_[i].name, threats_[i].marking});
  for (std::size_t j = 0; j < interceptors_.size(); ++j)
    if (interceptor_known_[j]) out.push_back({interceptors_[j].id, interceptors_[j].name, interceptors_[j].marking});
  return out;
}

EntityId Publisher::threat_entity(const std::string& name) const {
  if (name.empty()) return {};
  if (external_id_) {
    if (const auto id = external_id_(name)) return *id;
  }
  const auto it = threat_index_.find(name);
  if (it == threat_index_.end() || !threat_known_[it->second]) return {};
  return threats_[it->second].id;
}

void Publisher::fire(const LiveFrame& f, std::size_t j) {
  const InterceptorRecord& r = f.record->interceptors[j];
  const LiveEntity& live = f.interceptors[j];
  // The launcher: the launcher site of that name nearest the missile (names repeat across battalions).
  std::size_t best = sites_.size();
  double best_d = std::numeric_limits<double>::infinity();
  for (int pass = 0; pass < 2 && best == sites_.size(); ++pass)
    for (std::size_t i = 0; i < sites_.size(); ++i) {
      if (!launcher_[i] || (pass == 0 && sites_[i].name != r.launcher)) continue;
      const double d = (site_pos_[i] - live.pos).norm();
      if (d < best_d) { best_d = d; best = i; }
    }
  FirePdu p;
  p.header = header(PduType::Fire, f.t);
  p.firing = best < sites_.size() ? sites_[best].id : EntityId{};
  p.target = threat_entity(r.threat);
  p.munition = interceptors_[j].id;
  p.event = {me_.site, me_.application, next_event_++};
  if (next_event_ == 0) next_event_ = 1;
  const Vec3 from = best < sites_.size() ? site_pos_[best] : live.pos;
  p.location = to_d(from);
  p.descriptor.munition = interceptor_entity_type();
  p.descriptor.warhead = kWarheadHighExplosive;
  p.descriptor.fuse = kFuseProximity;
  p.velocity = to_f(live.vel);
  const auto t = threat_index_.find(r.threat);
  if (t != threat_index_.end() && threat_known_[t->second]) p.range = static_cast<float>((f.threats[t->second].pos - from).norm());
  fire_event_[j] = p.event;
  fired_by_[j] = p.firing;
  send(encode(p));
  ++counts_.fire;
}

void Publisher::detonation(const LiveFrame& f, std::size_t j) {
  const InterceptorRecord& r = f.record->interceptors[j];
  const LiveEntity& live = f.interceptors[j];
  const std::string& target = r.killed_threat.empty() ? r.threat : r.killed_threat;
  DetonationPdu p;
  p.header = header(PduType::Detonation, f.t);
  p.firing = fired_by_[j];
  p.target = threat_entity(target);
  p.munition = interceptors_[j].id;
  p.event = fire_event_[j];
  p.velocity = to_f(live.vel);
  p.location = to_d(live.pos);
  p.descriptor.munition = interceptor_entity_type();
  p.descriptor.warhead = kWarheadHighExplosive;
  p.descriptor.fuse = kFuseProximity;
  p.result = result_of(r.outcome);
  // Where it burst relative to the target, in the target's body axes.
  if (const auto ti = threat_index_.find(target); ti != threat_index_.end()) {
    const LiveEntity& th = f.threats[ti->second];
    p.location_in_entity = to_f(body_to_ecef(euler_from_velocity(th.pos, th.vel)).transpose() * (live.pos - th.pos));
  }
  send(encode(p));
  ++counts_.detonation;
}

void Publisher::impact(const LiveFrame& f, std::size_t i) {
  const ThreatRecord& r = f.record->threats[i];
  const LiveEntity& live = f.threats[i];
  DetonationPdu p;
  p.header = header(PduType::Detonation, f.t);
  // IEEE 1278.1 Detonation PDU: the Firing Entity ID names who fired the munition, the Munition ID the
  // munition itself. A released object was fired by its carrier; a missile whose launcher is not
  // simulated (ground-launched ballistic and cruise missiles, raids) has no firing entity we can name:
  // ENTITY_ID_UNKNOWN, (0,0,0) (the standard's symbolic value, as KDIS's KSymbolicNames.h lists it).
  p.firing = r.carrier >= 0 && static_cast<std::size_t>(r.carrier) < f.record->threats.size()
                 ? threat_entity(f.record->threats[static_cast<std::size_t>(r.carrier)].name)
                 : EntityId{};
  p.munition = threats_[i].id;
  p.event = {me_.site, me_.application, next_event_++};
  if (next_event_ == 0) next_event_ = 1;
  p.velocity = to_f(live.vel);
  p.location = to_d(live.pos);
  p.descriptor.munition = threat_entity_type(r.cls, r.decoy);
  p.descriptor.warhead = r.decoy ? 0 : kWarheadHighExplosive;
  p.descriptor.fuse = kFuseContact;
  p.result = DetonationResult::GroundImpact;
  send(encode(p));
  ++counts_.detonation;
}

}  // namespace skyshield::dis
