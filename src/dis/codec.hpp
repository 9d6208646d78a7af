#pragma once
// Encoding and decoding of the DIS PDUs in dis/pdu.hpp, byte for byte as IEEE 1278.1-2012 lays
// them out (big-endian, 12-byte header). Decoding never trusts the packet: a short, inconsistent or
// unknown packet gives an error code, never a read past its end.
#include <cstdint>
#include <span>
#include <string_view>
#include <variant>
#include <vector>

#include "dis/pdu.hpp"

namespace skyshield::dis {

std::vector<std::uint8_t> encode(const EntityStatePdu& pdu);
std::vector<std::uint8_t> encode(const FirePdu& pdu);
std::vector<std::uint8_t> encode(const DetonationPdu& pdu);

enum class DecodeError {
  None,
  Truncated,           // shorter than its header says, or than its fixed part
  BadVersion,          // protocol version outside 5..7 (the layouts here are those of 5, 6 and 7)
  BadLength,           // the header's length is below the PDU's fixed size, or variable parts overrun it
  UnsupportedType,     // a well-formed header of a PDU type we do not decode
};
std::string_view to_string(DecodeError e);

struct Decoded {
  DecodeError error = DecodeError::None;
  std::uint8_t pdu_type = 0;   // from the header, when it could be read
  std::variant<std::monostate, EntityStatePdu, FirePdu, DetonationPdu> pdu;
};

Decoded decode(std::span<const std::uint8_t> packet);

}  // namespace skyshield::dis
