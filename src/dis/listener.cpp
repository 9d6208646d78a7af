#include "dis/listener.hpp"

#include <fmt/format.h>

#include <cmath>
#include <utility>

#include "core/geo.hpp"
#include "dis/codec.hpp"
#include "dis/entity_types.hpp"

namespace skyshield::dis {

namespace {
bool finite(const EntityStatePdu& p) {
  const auto ok = [](double v) { return std::isfinite(v) && std::abs(v) < 1e9; };  // within ~150 earth radii
  const Vec3f& a = p.dead_reckoning.linear_acceleration;
  return ok(p.location.x) && ok(p.location.y) && ok(p.location.z) && ok(p.velocity.x) && ok(p.velocity.y) &&
         ok(p.velocity.z) && ok(a.x) && ok(a.y) && ok(a.z) && ok(p.orientation.psi) && ok(p.orientation.theta) &&
         ok(p.orientation.phi);
}

// A state a threat can have (listener.hpp): not inside the earth, not faster than escape velocity.
bool plausible(const EntityStatePdu& p) {
  const Vec3 pos(p.location.x, p.location.y, p.location.z);
  if (pos.norm() < 6.0e6) return false;  // deeper than any point of the surface (polar radius 6,356.8 km)
  const double alt = geodetic_from_ecef(pos).alt_m;
  const Vec3f& v = p.velocity;
  const Vec3f& a = p.dead_reckoning.linear_acceleration;
  const double speed = std::sqrt(double(v.x) * v.x + double(v.y) * v.y + double(v.z) * v.z);
  const double acc = std::sqrt(double(a.x) * a.x + double(a.y) * a.y + double(a.z) * a.z);
  return alt >= kMinAltitudeM && alt <= kMaxAltitudeM && speed <= kMaxSpeedMps && acc <= kMaxAccelerationMps2;
}
}  // namespace

std::string marking_name(const EntityMarking& m) {
  std::string s;
  for (char c : m.characters) {
    if (c == '\0') break;
    const bool ok = c >= 0x20 && c < 0x7F && c != ',' && c != '"' && c != '\\';
    s.push_back(ok ? c : '_');
  }
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

std::string external_key(const EntityId& id) { return fmt::format("dis:{}:{}:{}", id.site, id.application, id.entity); }

void Listener::take(std::span<const std::uint8_t> packet, double t) {
  ++counts_.packets;
  const Decoded d = decode(packet);
  if (d.error == DecodeError::UnsupportedType) {
    ++counts_.other_pdus;
    return;
  }
  if (d.error != DecodeError::None) {
    ++counts_.malformed;
    return;
  }
  const auto* es = std::get_if<EntityStatePdu>(&d.pdu);
  if (!es) {
    ++counts_.other_pdus;
    return;
  }
  if (es->header.exercise_id != me_.exercise || (es->entity.site == me_.site && es->entity.application == me_.application)) {
    ++counts_.foreign;
    return;
  }
  if (!finite(*es)) {
    ++counts_.malformed;
    return;
  }
  const std::optional<ThreatClass> cls = threat_class_of(es->type);
  if (!cls) {
    ++counts_.not_threats;
    return;
  }
  if (!plausible(*es)) {
    ++counts_.implausible;
    return;
  }
  auto it = remotes_.find(es->entity);
  if (it == remotes_.end() && remotes_.size() >= kMaxExternalEntities) {
    ++counts_.over_limit;
    return;
  }
  ++counts_.entity_states;
  if (it == remotes_.end()) {
    Remote r;
    // Names must be unique in the run's records: "dis:" and the marking, else (or when taken) the
    // entity id; the prefix keeps them apart from the scenario's own threats.
    const std::string marking = marking_name(es->marking);
    r.name = "dis:" + marking;
    if (marking.empty() || by_name_.count(r.name)) r.name = external_key(es->entity);
    r.cls = *cls;
    by_name_[r.name] = es->entity;
    it = remotes_.emplace(es->entity, std::move(r)).first;
    ++counts_.entities;
  }
  Remote& r = it->second;
  if (r.gone) return;  // an entity id is not reused within a run
  r.state = dead_reckoned_state(*es, t);
  ExternalUpdate u;
  u.key = external_key(es->entity);
  u.name = r.name;
  u.cls = r.cls;
  if (es->appearance & appearance::kDeactivated) {
    r.gone = true;
    u.kind = ExternalUpdate::Kind::Gone;
  } else {
    u.pos = r.state.pos;
    u.vel = dead_reckon_velocity(r.state, t);
    u.acc = r.state.acc;
  }
  pending_.push_back(std::move(u));
}

std::vector<ExternalUpdate> Listener::updates(double t) {
  for (auto& [id, r] : remotes_) {
    if (r.gone || t - r.state.t <= kEntityTimeoutS) continue;
    r.gone = true;  // no PDU for 2.4 heartbeats: it has left the exercise
    ExternalUpdate u;
    u.kind = ExternalUpdate::Kind::Gone;
    u.key = external_key(id);
    u.name = r.name;
    u.cls = r.cls;
    pending_.push_back(std::move(u));
  }
  return std::exchange(pending_, {});
}

std::optional<EntityId> Listener::entity_of(const std::string& name) const {
  const auto it = by_name_.find(name);
  if (it == by_name_.end()) return std::nullopt;
  return it->second;
}

}  // namespace skyshield::dis
