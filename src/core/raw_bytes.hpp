#pragma once
// Fixed-width values appended to and read from a byte string in the machine's own representation
// (the disk cache's entries: read back only by the same program, see core/disk_cache.hpp). Network
// order for DIS is dis/byte_io.hpp.
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>

namespace skyshield {

template <class T>
void put_raw(std::string& out, T v) {
  static_assert(std::is_trivially_copyable_v<T>);
  char b[sizeof(T)];
  std::memcpy(b, &v, sizeof(T));
  out.append(b, sizeof(T));
}

// Reads a T from the front of in and drops it; false (in unchanged) when in is too short.
template <class T>
bool get_raw(std::string_view& in, T& v) {
  static_assert(std::is_trivially_copyable_v<T>);
  if (in.size() < sizeof(T)) return false;
  std::memcpy(&v, in.data(), sizeof(T));
  in.remove_prefix(sizeof(T));
  return true;
}

}  // namespace skyshield
