// The on-disk cache: a stored blob reads back byte for byte under its key and under no other; an
// entry that is damaged, truncated or of another key is refused; the directory follows the
// environment; the build id is the program's own (the independent reference: binutils' readelf).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "core/disk_cache.hpp"

namespace skyshield {
namespace {

namespace fs = std::filesystem;

// Sets (or unsets, with nullptr) an environment variable for the scope.
class EnvVar {
 public:
  EnvVar(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    value ? ::setenv(name, value, 1) : ::unsetenv(name);
  }
  ~EnvVar() { old_ ? ::setenv(name_, old_->c_str(), 1) : ::unsetenv(name_); }
  EnvVar(const EnvVar&) = delete;
  EnvVar& operator=(const EnvVar&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

fs::path fresh_dir(const std::string& name) {
  const fs::path d = fs::temp_directory_path() / ("skyshield-cache-test-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(d);
  return d;
}

std::vector<fs::path> entries(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path());
  return out;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void write(const fs::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << bytes;
}

TEST(DiskCache, BlobReadsBackUnderItsKeyOnly) {
  const fs::path dir = fresh_dir("roundtrip");
  std::string blob;
  for (int i = 0; i < 1000; ++i) blob += static_cast<char>(i * 37);  // every byte value, zeros included
  cache_store(dir.string(), "t-", "key one", blob);
  ASSERT_EQ(entries(dir).size(), 1u);
  EXPECT_EQ(cache_load(dir.string(), "t-", "key one"), blob);
  EXPECT_EQ(cache_load(dir.string(), "t-", "key two"), std::nullopt);
  EXPECT_EQ(cache_load(dir.string(), "u-", "key one"), std::nullopt);
  // Stored again (another process, say): replaced in place, still one entry.
  cache_store(dir.string(), "t-", "key one", blob + "x");
  EXPECT_EQ(entries(dir).size(), 1u);
  EXPECT_EQ(cache_load(dir.string(), "t-", "key one"), blob + "x");
  fs::remove_all(dir);
}

TEST(DiskCache, DamagedTruncatedOrForeignEntriesAreRefused) {
  const fs::path dir = fresh_dir("damage");
  cache_store(dir.string(), "t-", "key A", std::string(300, 'a'));
  const fs::path a = entries(dir).at(0);
  cache_store(dir.string(), "t-", "key B", std::string(300, 'b'));
  fs::path b;
  for (const fs::path& p : entries(dir))
    if (p != a) b = p;
  ASSERT_FALSE(b.empty());
  const std::string a_bytes = read(a), b_bytes = read(b);
  // Another key's entry under this key's name (as a collision of the file-name hash would give).
  write(b, a_bytes);
  EXPECT_EQ(cache_load(dir.string(), "t-", "key B"), std::nullopt);
  // Every single-byte change and every truncation is refused.
  int refused = 0, tried = 0;
  for (std::size_t i = 0; i < b_bytes.size(); i += 7, ++tried) {
    std::string bad = b_bytes;
    bad[i] = static_cast<char>(bad[i] ^ 0x10);
    write(b, bad);
    refused += !cache_load(dir.string(), "t-", "key B").has_value();
  }
  for (std::size_t n = 0; n < b_bytes.size(); n += 5, ++tried) {
    write(b, b_bytes.substr(0, n));
    refused += !cache_load(dir.string(), "t-", "key B").has_value();
  }
  EXPECT_EQ(refused, tried);
  write(b, b_bytes);
  EXPECT_EQ(cache_load(dir.string(), "t-", "key B"), std::string(300, 'b'));
  fs::remove_all(dir);
}

TEST(DiskCache, NoDirectoryNoCache) {
  cache_store("", "t-", "k", "blob");   // nothing happens, nothing throws
  EXPECT_EQ(cache_load("", "t-", "k"), std::nullopt);
  // A directory that cannot be made (under a regular file): skipped silently.
  const fs::path dir = fresh_dir("file");
  fs::create_directories(dir);
  write(dir / "plain", "x");
  cache_store((dir / "plain" / "sub").string(), "t-", "k", "blob");
  EXPECT_EQ(cache_load((dir / "plain" / "sub").string(), "t-", "k"), std::nullopt);
  fs::remove_all(dir);
}

TEST(DiskCache, DirectoryFollowsTheEnvironment) {
  {
    EnvVar d("SKYSHIELD_CACHE_DIR", "/some/where");
    EXPECT_EQ(cache_directory(), "/some/where");
  }
  {
    EnvVar d("SKYSHIELD_CACHE_DIR", "off");
    EXPECT_EQ(cache_directory(), "");
  }
  EnvVar d("SKYSHIELD_CACHE_DIR", nullptr);
  {
    EnvVar x("XDG_CACHE_HOME", "/xdg");
    EXPECT_EQ(cache_directory(), "/xdg/skyshield");
  }
  EnvVar x("XDG_CACHE_HOME", nullptr);
  {
    EnvVar h("HOME", "/home/analyst");
    EXPECT_EQ(cache_directory(), "/home/analyst/.cache/skyshield");
  }
  EnvVar h("HOME", nullptr);
  EXPECT_EQ(cache_directory(), "");
}

TEST(DiskCache, BuildIdIsTheProgramsOwn) {
  // This test program links the code statically, so its build id is the executable's (readelf gets
  // the file's path: its own /proc/self/exe would be readelf).
  const std::string cmd = "readelf -n '" + fs::read_symlink("/proc/self/exe").string() + "' 2>/dev/null";
  std::FILE* p = ::popen(cmd.c_str(), "r");
  ASSERT_NE(p, nullptr);
  std::string out;
  char buf[256];
  while (std::fgets(buf, sizeof buf, p)) out += buf;
  ::pclose(p);
  const std::size_t at = out.find("Build ID: ");
  if (at == std::string::npos) GTEST_SKIP() << "readelf shows no build id here";
  const std::string id = out.substr(at + 10, out.find('\n', at) - at - 10);
  EXPECT_GE(id.size(), 16u);
  EXPECT_EQ(program_build_id(), id);
}

}  // namespace
}  // namespace skyshield
