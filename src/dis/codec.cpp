#include "dis/codec.hpp"

#include <algorithm>
#include <cmath>

#include "dis/byte_io.hpp"

namespace skyshield::dis {

namespace {

// --- writing ---------------------------------------------------------------------------------

void put(ByteWriter& w, const PduHeader& h) {
  w.u8(h.protocol_version);
  w.u8(h.exercise_id);
  w.u8(static_cast<std::uint8_t>(h.type));
  w.u8(static_cast<std::uint8_t>(h.family));
  w.u32(h.timestamp);
  w.u16(0);  // length: patched by finish()
  w.u8(h.status);
  w.u8(h.padding);
}

void put(ByteWriter& w, const EntityId& id) {
  w.u16(id.site);
  w.u16(id.application);
  w.u16(id.entity);
}

void put(ByteWriter& w, const EventId& id) {
  w.u16(id.site);
  w.u16(id.application);
  w.u16(id.event_number);
}

void put(ByteWriter& w, const EntityType& t) {
  w.u8(t.kind);
  w.u8(t.domain);
  w.u16(t.country);
  w.u8(t.category);
  w.u8(t.subcategory);
  w.u8(t.specific);
  w.u8(t.extra);
}

void put(ByteWriter& w, const Vec3f& v) {
  w.f32(v.x);
  w.f32(v.y);
  w.f32(v.z);
}

void put(ByteWriter& w, const Vec3d& v) {
  w.f64(v.x);
  w.f64(v.y);
  w.f64(v.z);
}

void put(ByteWriter& w, const MunitionDescriptor& d) {
  put(w, d.munition);
  w.u16(d.warhead);
  w.u16(d.fuse);
  w.u16(d.quantity);
  w.u16(d.rate);
}

void put(ByteWriter& w, const VariableParameter& p) {
  w.u8(p.record_type);
  for (std::uint8_t b : p.data) w.u8(b);
}

std::vector<std::uint8_t> finish(ByteWriter& w) {
  w.patch_u16(8, static_cast<std::uint16_t>(w.size()));
  return w.take();
}

// --- reading ---------------------------------------------------------------------------------

PduHeader get_header(ByteReader& r) {
  PduHeader h;
  h.protocol_version = r.u8();
  h.exercise_id = r.u8();
  h.type = static_cast<PduType>(r.u8());
  h.family = static_cast<ProtocolFamily>(r.u8());
  h.timestamp = r.u32();
  h.length = r.u16();
  h.status = r.u8();
  h.padding = r.u8();
  return h;
}

EntityId get_entity(ByteReader& r) {
  EntityId id;
  id.site = r.u16();
  id.application = r.u16();
  id.entity = r.u16();
  return id;
}

EventId get_event(ByteReader& r) {
  EventId id;
  id.site = r.u16();
  id.application = r.u16();
  id.event_number = r.u16();
  return id;
}

EntityType get_type(ByteReader& r) {
  EntityType t;
  t.kind = r.u8();
  t.domain = r.u8();
  t.country = r.u16();
  t.category = r.u8();
  t.subcategory = r.u8();
  t.specific = r.u8();
  t.extra = r.u8();
  return t;
}

Vec3f get_vec3f(ByteReader& r) {
  Vec3f v;
  v.x = r.f32();
  v.y = r.f32();
  v.z = r.f32();
  return v;
}

Vec3d get_vec3d(ByteReader& r) {
  Vec3d v;
  v.x = r.f64();
  v.y = r.f64();
  v.z = r.f64();
  return v;
}

MunitionDescriptor get_descriptor(ByteReader& r) {
  MunitionDescriptor d;
  d.munition = get_type(r);
  d.warhead = r.u16();
  d.fuse = r.u16();
  d.quantity = r.u16();
  d.rate = r.u16();
  return d;
}

VariableParameter get_parameter(ByteReader& r) {
  VariableParameter p;
  p.record_type = r.u8();
  for (std::uint8_t& b : p.data) b = r.u8();
  return p;
}

EntityStatePdu get_entity_state(ByteReader& r, const PduHeader& h, std::size_t length, DecodeError& err) {
  EntityStatePdu p;
  p.header = h;
  p.entity = get_entity(r);
  p.force = static_cast<ForceId>(r.u8());
  const std::size_t n_params = r.u8();
  if (length < kEntityStateSize + n_params * kVariableParameterSize) {
    err = DecodeError::BadLength;
    return p;
  }
  p.type = get_type(r);
  p.alternative_type = get_type(r);
  p.velocity = get_vec3f(r);
  p.location = get_vec3d(r);
  p.orientation.psi = r.f32();
  p.orientation.theta = r.f32();
  p.orientation.phi = r.f32();
  p.appearance = r.u32();
  p.dead_reckoning.algorithm = static_cast<DeadReckoning>(r.u8());
  for (std::uint8_t& b : p.dead_reckoning.other) b = r.u8();
  p.dead_reckoning.linear_acceleration = get_vec3f(r);
  p.dead_reckoning.angular_velocity = get_vec3f(r);
  p.marking.character_set = r.u8();
  for (char& c : p.marking.characters) c = static_cast<char>(r.u8());
  p.capabilities = r.u32();
  for (std::size_t i = 0; i < n_params; ++i) p.variable_parameters.push_back(get_parameter(r));
  return p;
}

FirePdu get_fire(ByteReader& r, const PduHeader& h) {
  FirePdu p;
  p.header = h;
  p.firing = get_entity(r);
  p.target = get_entity(r);
  p.munition = get_entity(r);
  p.event = get_event(r);
  p.fire_mission_index = r.u32();
  p.location = get_vec3d(r);
  p.descriptor = get_descriptor(r);
  p.velocity = get_vec3f(r);
  p.range = r.f32();
  return p;
}

DetonationPdu get_detonation(ByteReader& r, const PduHeader& h, std::size_t length, DecodeError& err) {
  DetonationPdu p;
  p.header = h;
  p.firing = get_entity(r);
  p.target = get_entity(r);
  p.munition = get_entity(r);
  p.event = get_event(r);
  p.velocity = get_vec3f(r);
  p.location = get_vec3d(r);
  p.descriptor = get_descriptor(r);
  p.location_in_entity = get_vec3f(r);
  p.result = static_cast<DetonationResult>(r.u8());
  const std::size_t n_params = r.u8();
  p.padding = r.u16();
  if (length < kDetonationSize + n_params * kVariableParameterSize) {
    err = DecodeError::BadLength;
    return p;
  }
  for (std::size_t i = 0; i < n_params; ++i) p.variable_parameters.push_back(get_parameter(r));
  return p;
}

}  // namespace

std::vector<std::uint8_t> encode(const EntityStatePdu& p) {
  ByteWriter w(kEntityStateSize + p.variable_parameters.size() * kVariableParameterSize);
  put(w, p.header);
  put(w, p.entity);
  w.u8(static_cast<std::uint8_t>(p.force));
  w.u8(static_cast<std::uint8_t>(p.variable_parameters.size()));
  put(w, p.type);
  put(w, p.alternative_type);
  put(w, p.velocity);
  put(w, p.location);
  w.f32(p.orientation.psi);
  w.f32(p.orientation.theta);
  w.f32(p.orientation.phi);
  w.u32(p.appearance);
  w.u8(static_cast<std::uint8_t>(p.dead_reckoning.algorithm));
  for (std::uint8_t b : p.dead_reckoning.other) w.u8(b);
  put(w, p.dead_reckoning.linear_acceleration);
  put(w, p.dead_reckoning.angular_velocity);
  w.u8(p.marking.character_set);
  for (char c : p.marking.characters) w.u8(static_cast<std::uint8_t>(c));
  w.u32(p.capabilities);
  for (const VariableParameter& v : p.variable_parameters) put(w, v);
  return finish(w);
}

std::vector<std::uint8_t> encode(const FirePdu& p) {
  ByteWriter w(kFireSize);
  put(w, p.header);
  put(w, p.firing);
  put(w, p.target);
  put(w, p.munition);
  put(w, p.event);
  w.u32(p.fire_mission_index);
  put(w, p.location);
  put(w, p.descriptor);
  put(w, p.velocity);
  w.f32(p.range);
  return finish(w);
}

std::vector<std::uint8_t> encode(const DetonationPdu& p) {
  ByteWriter w(kDetonationSize + p.variable_parameters.size() * kVariableParameterSize);
  put(w, p.header);
  put(w, p.firing);
  put(w, p.target);
  put(w, p.munition);
  put(w, p.event);
  put(w, p.velocity);
  put(w, p.location);
  put(w, p.descriptor);
  put(w, p.location_in_entity);
  w.u8(static_cast<std::uint8_t>(p.result));
  w.u8(static_cast<std::uint8_t>(p.variable_parameters.size()));
  w.u16(p.padding);
  for (const VariableParameter& v : p.variable_parameters) put(w, v);
  return finish(w);
}

std::string_view to_string(DecodeError e) {
  switch (e) {
    case DecodeError::None: return "none";
    case DecodeError::Truncated: return "truncated";
    case DecodeError::BadVersion: return "unsupported protocol version";
    case DecodeError::BadLength: return "inconsistent length";
    case DecodeError::UnsupportedType: return "unsupported PDU type";
  }
  return "unknown";
}

Decoded decode(std::span<const std::uint8_t> packet) {
  Decoded out;
  if (packet.size() < kHeaderSize) {
    out.error = DecodeError::Truncated;
    return out;
  }
  ByteReader r(packet);
  const PduHeader h = get_header(r);
  out.pdu_type = static_cast<std::uint8_t>(h.type);
  if (h.protocol_version < 5 || h.protocol_version > 7) {
    out.error = DecodeError::BadVersion;
    return out;
  }
  // The header's length bounds the PDU; bytes after it (if any) are not ours to read.
  if (h.length > packet.size()) {
    out.error = DecodeError::Truncated;
    return out;
  }
  std::size_t fixed = 0;
  switch (h.type) {
    case PduType::EntityState: fixed = kEntityStateSize; break;
    case PduType::Fire: fixed = kFireSize; break;
    case PduType::Detonation: fixed = kDetonationSize; break;
    default:
      out.error = DecodeError::UnsupportedType;
      return out;
  }
  if (h.length < fixed) {
    out.error = DecodeError::BadLength;
    return out;
  }
  ByteReader body(packet.first(h.length));
  get_header(body);
  DecodeError err = DecodeError::None;
  switch (h.type) {
    case PduType::EntityState: out.pdu = get_entity_state(body, h, h.length, err); break;
    case PduType::Fire: out.pdu = get_fire(body, h); break;
    case PduType::Detonation: out.pdu = get_detonation(body, h, h.length, err); break;
    default: break;
  }
  if (err == DecodeError::None && body.failed()) err = DecodeError::Truncated;  // cannot happen after the checks; kept as a guard
  out.error = err;
  if (err != DecodeError::None) out.pdu = std::monostate{};
  return out;
}

EntityMarking make_marking(const std::string& text) {
  EntityMarking m;
  for (std::size_t i = 0; i < m.characters.size() && i < text.size(); ++i) m.characters[i] = text[i];
  return m;
}

std::string marking_text(const EntityMarking& m) {
  std::string s;
  for (char c : m.characters) {
    if (c == '\0') break;
    s.push_back(c);
  }
  return s;
}

std::uint32_t dis_timestamp(double seconds, bool absolute) {
  const double past_hour = std::fmod(std::max(0.0, seconds), 3600.0);
  // 2^31 units per hour in the upper 31 bits.
  auto units = static_cast<std::uint32_t>(std::min(past_hour / 3600.0 * 2147483648.0, 2147483647.0));
  return (units << 1) | (absolute ? 1u : 0u);
}

double seconds_past_hour(std::uint32_t timestamp) { return (timestamp >> 1) * (3600.0 / 2147483648.0); }

}  // namespace skyshield::dis
