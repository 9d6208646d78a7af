#include "core/disk_cache.hpp"

#include <elf.h>
#include <fmt/format.h>
#include <link.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <string_view>
#include <system_error>

#include "core/raw_bytes.hpp"

namespace skyshield {

namespace {

constexpr std::string_view kMagic = "SKYSHIELD-CACHE 1\n";
constexpr auto kMaxAge = std::chrono::hours(24 * 30);

std::uint64_t checksum(std::string_view bytes) { return std::hash<std::string_view>{}(bytes); }

std::string entry_path(const std::string& dir, const std::string& prefix, const std::string& key) {
  return (std::filesystem::path(dir) / fmt::format("{}{:016x}.bin", prefix, checksum(key))).string();
}

// The build id note of the loaded object whose segments hold `address`.
struct BuildIdSearch {
  std::uintptr_t address = 0;
  std::string id;
};

int find_build_id(dl_phdr_info* info, std::size_t, void* data) {
  auto* search = static_cast<BuildIdSearch*>(data);
  bool holds = false;
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& ph = info->dlpi_phdr[i];
    const std::uintptr_t lo = info->dlpi_addr + ph.p_vaddr;
    if (ph.p_type == PT_LOAD && search->address >= lo && search->address < lo + ph.p_memsz) holds = true;
  }
  if (!holds) return 0;
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& ph = info->dlpi_phdr[i];
    if (ph.p_type != PT_NOTE) continue;
    const char* p = reinterpret_cast<const char*>(info->dlpi_addr + ph.p_vaddr);
    const char* end = p + ph.p_memsz;
    auto align4 = [](std::size_t n) { return (n + 3) & ~std::size_t{3}; };
    while (p + sizeof(ElfW(Nhdr)) <= end) {
      ElfW(Nhdr) nh;
      std::memcpy(&nh, p, sizeof nh);
      const char* name = p + sizeof nh;
      const char* desc = name + align4(nh.n_namesz);
      if (desc + nh.n_descsz > end) break;
      if (nh.n_type == NT_GNU_BUILD_ID && nh.n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0) {
        for (std::size_t k = 0; k < nh.n_descsz; ++k) search->id += fmt::format("{:02x}", static_cast<unsigned char>(desc[k]));
        return 1;
      }
      p = desc + align4(nh.n_descsz);
    }
  }
  return 1;  // the object holding the code has no build id
}

}  // namespace

std::string cache_directory() {
  if (const char* d = std::getenv("SKYSHIELD_CACHE_DIR")) return std::string_view(d) == "off" ? std::string() : std::string(d);
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) return (std::filesystem::path(x) / "skyshield").string();
  if (const char* h = std::getenv("HOME"); h && *h) return (std::filesystem::path(h) / ".cache" / "skyshield").string();
  return {};
}

const std::string& program_build_id() {
  static const std::string id = [] {
    BuildIdSearch search;
    search.address = reinterpret_cast<std::uintptr_t>(&find_build_id);
    dl_iterate_phdr(find_build_id, &search);
    return search.id;
  }();
  return id;
}

std::optional<std::string> cache_load(const std::string& dir, const std::string& prefix, const std::string& key) {
  if (dir.empty()) return std::nullopt;
  std::ifstream in(entry_path(dir, prefix, key), std::ios::binary);
  if (!in) return std::nullopt;
  const std::string file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (file.size() < kMagic.size() + 24) return std::nullopt;
  std::string_view body(file.data(), file.size() - 8), tail(file.data() + file.size() - 8, 8);
  std::uint64_t sum = 0, key_size = 0, blob_size = 0;
  if (!get_raw(tail, sum) || sum != checksum(body) || !body.starts_with(kMagic)) return std::nullopt;
  body.remove_prefix(kMagic.size());
  if (!get_raw(body, key_size) || key_size > body.size() || body.substr(0, key_size) != key) return std::nullopt;
  body.remove_prefix(key_size);
  if (!get_raw(body, blob_size) || blob_size != body.size()) return std::nullopt;
  return std::string(body);
}

void cache_store(const std::string& dir, const std::string& prefix, const std::string& key, const std::string& blob) {
  if (dir.empty()) return;
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return;
  // Old entries of this prefix go first (another build's tables, never read again).
  const auto now = fs::file_time_type::clock::now();
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    std::error_code age_ec;
    if (name.starts_with(prefix) && now - fs::last_write_time(it->path(), age_ec) > kMaxAge && !age_ec) fs::remove(it->path(), age_ec);
  }
  std::string file(kMagic);
  put_raw<std::uint64_t>(file, key.size());
  file += key;
  put_raw<std::uint64_t>(file, blob.size());
  file += blob;
  put_raw<std::uint64_t>(file, checksum(file));
  static std::atomic<unsigned> serial{0};
  const std::string path = entry_path(dir, prefix, key);
  const std::string tmp = fmt::format("{}.{}.{}.tmp", path, ::getpid(), serial++);
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return;
    out.write(file.data(), static_cast<std::streamsize>(file.size()));
    if (!out) {
      out.close();
      fs::remove(tmp, ec);
      return;
    }
  }
  fs::rename(tmp, path, ec);
  if (ec) fs::remove(tmp, ec);
}

}  // namespace skyshield
