#include "dis/codec.hpp"

#include <algorithm>
#include <cmath>

#include "dis/byte_io.hpp"

namespace skyshield::dis {

namespace {

// One description of each record's layout serves both directions: with Out it writes the fields of a
// record, with In it reads them into one. Encoding and decoding cannot disagree on a layout.
struct Out {
  ByteWriter& w;
  void u8(std::uint8_t v) { w.u8(v); }
  void u16(std::uint16_t v) { w.u16(v); }
  void u32(std::uint32_t v) { w.u32(v); }
  void f32(float v) { w.f32(v); }
  void f64(double v) { w.f64(v); }
  void ch(char c) { w.u8(static_cast<std::uint8_t>(c)); }
  template <class E>
  void e8(E v) { w.u8(static_cast<std::uint8_t>(v)); }
  // The number of variable parameters (the records themselves come at the end of the PDU).
  void count(const std::vector<VariableParameter>& v, std::size_t /*fixed_size*/) { w.u8(static_cast<std::uint8_t>(v.size())); }
};

struct In {
  ByteReader& r;
  bool bad_length = false;  // variable parameters announced beyond the PDU's length
  void u8(std::uint8_t& v) { v = r.u8(); }
  void u16(std::uint16_t& v) { v = r.u16(); }
  void u32(std::uint32_t& v) { v = r.u32(); }
  void f32(float& v) { v = r.f32(); }
  void f64(double& v) { v = r.f64(); }
  void ch(char& c) { c = static_cast<char>(r.u8()); }
  template <class E>
  void e8(E& v) { v = static_cast<E>(r.u8()); }
  void count(std::vector<VariableParameter>& v, std::size_t fixed_size) {
    const std::size_t n = r.u8();
    if (fixed_size + n * kVariableParameterSize > r.size()) bad_length = true;
    else v.resize(n);
  }
};

// Record layouts (1278.1-2012 section 6.2); R is the record, const when writing.
template <class IO, class R>
void header(IO& io, R& h) {
  io.u8(h.protocol_version);
  io.u8(h.exercise_id);
  io.e8(h.type);
  io.e8(h.family);
  io.u32(h.timestamp);
  io.u16(h.length);  // written as given, then set to the PDU's size (finish)
  io.u8(h.status);
  io.u8(h.padding);
}

template <class IO, class R>
void entity_id(IO& io, R& id) {
  io.u16(id.site);
  io.u16(id.application);
  io.u16(id.entity);
}

template <class IO, class R>
void event_id(IO& io, R& id) {
  io.u16(id.site);
  io.u16(id.application);
  io.u16(id.event_number);
}

template <class IO, class R>
void entity_type(IO& io, R& t) {
  io.u8(t.kind);
  io.u8(t.domain);
  io.u16(t.country);
  io.u8(t.category);
  io.u8(t.subcategory);
  io.u8(t.specific);
  io.u8(t.extra);
}

template <class IO, class R>
void vec3f(IO& io, R& v) {
  io.f32(v.x);
  io.f32(v.y);
  io.f32(v.z);
}

template <class IO, class R>
void vec3d(IO& io, R& v) {
  io.f64(v.x);
  io.f64(v.y);
  io.f64(v.z);
}

template <class IO, class R>
void descriptor(IO& io, R& d) {
  entity_type(io, d.munition);
  io.u16(d.warhead);
  io.u16(d.fuse);
  io.u16(d.quantity);
  io.u16(d.rate);
}

template <class IO, class R>
void parameters(IO& io, R& list) {
  for (auto& p : list) {
    io.u8(p.record_type);
    for (auto& b : p.data) io.u8(b);
  }
}

// PDU layouts: Entity State (7.2.2), Fire (7.3.2), Detonation (7.3.3).
template <class IO, class P>
void entity_state(IO& io, P& p) {
  header(io, p.header);
  entity_id(io, p.entity);
  io.e8(p.force);
  io.count(p.variable_parameters, kEntityStateSize);
  entity_type(io, p.type);
  entity_type(io, p.alternative_type);
  vec3f(io, p.velocity);
  vec3d(io, p.location);
  io.f32(p.orientation.psi);
  io.f32(p.orientation.theta);
  io.f32(p.orientation.phi);
  io.u32(p.appearance);
  io.e8(p.dead_reckoning.algorithm);
  for (auto& b : p.dead_reckoning.other) io.u8(b);
  vec3f(io, p.dead_reckoning.linear_acceleration);
  vec3f(io, p.dead_reckoning.angular_velocity);
  io.u8(p.marking.character_set);
  for (auto& c : p.marking.characters) io.ch(c);
  io.u32(p.capabilities);
  parameters(io, p.variable_parameters);
}

template <class IO, class P>
void fire(IO& io, P& p) {
  header(io, p.header);
  entity_id(io, p.firing);
  entity_id(io, p.target);
  entity_id(io, p.munition);
  event_id(io, p.event);
  io.u32(p.fire_mission_index);
  vec3d(io, p.location);
  descriptor(io, p.descriptor);
  vec3f(io, p.velocity);
  io.f32(p.range);
}

template <class IO, class P>
void detonation(IO& io, P& p) {
  header(io, p.header);
  entity_id(io, p.firing);
  entity_id(io, p.target);
  entity_id(io, p.munition);
  event_id(io, p.event);
  vec3f(io, p.velocity);
  vec3d(io, p.location);
  descriptor(io, p.descriptor);
  vec3f(io, p.location_in_entity);
  io.e8(p.result);
  io.count(p.variable_parameters, kDetonationSize);
  io.u16(p.padding);
  parameters(io, p.variable_parameters);
}

// Writes a PDU (fill lays it out), then sets the header's length to its size.
template <class Fill>
std::vector<std::uint8_t> write(std::size_t size, Fill fill) {
  ByteWriter w(size);
  Out out{w};
  fill(out);
  w.patch_u16(8, static_cast<std::uint16_t>(w.size()));
  return w.take();
}

// Reads a PDU of type P from the packet cut to the header's length, which must hold its fixed part.
template <class P, class Layout>
Decoded read(std::span<const std::uint8_t> packet, const PduHeader& h, std::size_t fixed_size, Layout layout) {
  Decoded out;
  out.pdu_type = static_cast<std::uint8_t>(h.type);
  if (h.length < fixed_size) {
    out.error = DecodeError::BadLength;
    return out;
  }
  ByteReader r(packet.first(h.length));
  In in{r};
  P p;
  layout(in, p);
  if (in.bad_length) out.error = DecodeError::BadLength;
  else if (r.failed()) out.error = DecodeError::Truncated;  // cannot happen after the length checks; a guard
  else out.pdu = std::move(p);
  return out;
}

}  // namespace

std::vector<std::uint8_t> encode(const EntityStatePdu& p) {
  return write(kEntityStateSize + kVariableParameterSize * p.variable_parameters.size(), [&](Out& o) { entity_state(o, p); });
}

std::vector<std::uint8_t> encode(const FirePdu& p) {
  return write(kFireSize, [&](Out& o) { fire(o, p); });
}

std::vector<std::uint8_t> encode(const DetonationPdu& p) {
  return write(kDetonationSize + kVariableParameterSize * p.variable_parameters.size(), [&](Out& o) { detonation(o, p); });
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
  In in{r};
  PduHeader h;
  header(in, h);
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
  switch (h.type) {
    case PduType::EntityState:
      return read<EntityStatePdu>(packet, h, kEntityStateSize, [](In& i, EntityStatePdu& x) { entity_state(i, x); });
    case PduType::Fire: return read<FirePdu>(packet, h, kFireSize, [](In& i, FirePdu& x) { fire(i, x); });
    case PduType::Detonation:
      return read<DetonationPdu>(packet, h, kDetonationSize, [](In& i, DetonationPdu& x) { detonation(i, x); });
    default: out.error = DecodeError::UnsupportedType;
  }
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
