// libFuzzer target: the replay server's request-path resolver (apps/skyshield/view_paths.hpp). Any
// percent-decoded path must map to nothing or to a regular file inside one of the two served folders
// (checked here independently: realpath(3), a string prefix on "root/", stat(2)), never throw, and
// its segments must be plain names. The folders are planted once in a temporary directory with the
// traps the tests use: symlinks out of the run folder, a FIFO, a device link, a prefix-sharing sibling.
// Run with scripts/fuzz.sh view_path SECONDS; seeds in fuzz/corpus/view_path.
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "view_paths.hpp"

namespace {

namespace fs = std::filesystem;

const fs::path& base_dir() {
  static const fs::path base = fs::temp_directory_path() / ("skyshield-fuzz-view-" + std::to_string(getpid()));
  return base;
}

skyshield::ServedRoots plant() {
  const fs::path& base = base_dir();
  fs::remove_all(base);
  std::atexit([] {
    std::error_code ec;
    fs::remove_all(base_dir(), ec);
  });
  fs::create_directories(base / "viewer" / "cesium");
  fs::create_directories(base / "run");
  fs::create_directories(base / "run2");
  std::ofstream(base / "viewer" / "index.html") << "index";
  std::ofstream(base / "viewer" / "cesium" / "Cesium.js") << "cesium";
  std::ofstream(base / "run" / "summary.json") << "{}";
  std::ofstream(base / "run2" / "secret.txt") << "secret";
  std::ofstream(base / "secret.txt") << "secret";
  fs::create_symlink("/etc/passwd", base / "run" / "escape");
  fs::create_symlink("..", base / "run" / "up");
  fs::create_symlink("../run2/secret.txt", base / "run" / "sibling");
  fs::create_symlink("/dev/zero", base / "run" / "zero");
  fs::create_symlink("summary.json", base / "run" / "inner.json");
  mkfifo((base / "run" / "pipe.csv").c_str(), 0644);
  return skyshield::canonical_roots((base / "viewer").string(), (base / "run").string());
}

bool inside(const std::string& real, const fs::path& root) { return real.rfind(root.string() + "/", 0) == 0; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const skyshield::ServedRoots roots = plant();
  const std::string_view path(reinterpret_cast<const char*>(data), size);
  if (const auto segments = skyshield::request_segments(path)) {
    for (const auto& s : *segments)
      if (s.empty() || s == "." || s == ".." || s.find('/') != std::string::npos || s.find('\0') != std::string::npos) std::abort();
  }
  const auto file = skyshield::resolve_request(path, roots);
  if (!file) return 0;
  char real[PATH_MAX];
  if (!realpath(file->c_str(), real) || file->string() != real) std::abort();  // not canonical
  if (!inside(real, roots.viewer) && !inside(real, roots.run)) std::abort();  // escaped the two folders
  struct stat st {};
  if (stat(real, &st) != 0 || !S_ISREG(st.st_mode)) std::abort();  // a FIFO, device or folder
  return 0;
}
