// libFuzzer target: the DIS decoder (the listener behind it is fuzzed in tests/dis). Any input must decode to a PDU or an
// error code without reading out of bounds; a decoded PDU must encode back to the same bytes (but
// the length field). Run with scripts/fuzz.sh dis SECONDS; seeds in fuzz/corpus/dis (one PDU of each type).
#include <cstdint>
#include <cstdlib>
#include <span>
#include <variant>

#include "dis/codec.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace skyshield::dis;
  const std::span<const std::uint8_t> in(data, size);
  const Decoded d = decode(in);
  if (d.error != DecodeError::None) {
    if (!std::holds_alternative<std::monostate>(d.pdu)) std::abort();
    return 0;
  }
  std::vector<std::uint8_t> again;
  if (const auto* p = std::get_if<EntityStatePdu>(&d.pdu)) again = encode(*p);
  else if (const auto* p = std::get_if<FirePdu>(&d.pdu)) again = encode(*p);
  else if (const auto* p = std::get_if<DetonationPdu>(&d.pdu)) again = encode(*p);
  else std::abort();  // no error, yet no PDU
  if (again.size() > size) std::abort();
  for (std::size_t k = 0; k < again.size(); ++k)
    if (k != 8 && k != 9 && again[k] != data[k]) std::abort();  // not the bytes it was decoded from
  return 0;
}
