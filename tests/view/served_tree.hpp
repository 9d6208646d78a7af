#pragma once
// A throw-away pair of served folders for the replay-server tests, with planted traps: symlinks out of
// the run folder, a FIFO, a device link, a sibling folder whose name shares the run folder's prefix,
// and a 128 MiB sparse file. Removed on destruction.
#include <filesystem>
#include <string>

namespace skyshield::test {

inline constexpr const char* kSecret = "TOP-SECRET-MARKER";  // in files outside both served folders
inline constexpr std::size_t kBigFileBytes = std::size_t{128} << 20;

struct ServedTree {
  std::filesystem::path base, viewer, run;
  std::string app_js;  // the text of viewer/app.js (served gzip-compressed from app.js.gz too)
  explicit ServedTree(const std::string& name);
  ~ServedTree();
};

// gzip (RFC 1952) with zlib, and back.
std::string gzip(const std::string& data);
std::string gunzip(const std::string& data);

}  // namespace skyshield::test
