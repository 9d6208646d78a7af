#include "scenario/text_file.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include "core/error.hpp"

namespace skyshield {

std::string read_text_file(const std::string& path, std::size_t max_bytes, const std::string& what) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status))
    throw InputError(fmt::format("{}: cannot open the {} file: {}", path, what, ec ? ec.message() : "no such file"));
  if (!std::filesystem::is_regular_file(status)) throw InputError(fmt::format("{}: not a file (a directory or a device)", path));
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) throw InputError(fmt::format("{}: cannot open the {} file: {}", path, what, std::strerror(errno)));
  // Read in chunks up to one byte past the limit: the size the system reports is not trusted
  // (files under /proc report 0 bytes).
  std::string text;
  char buf[65536];
  while (true) {
    const std::size_t want = std::min(sizeof buf, max_bytes + 1 - text.size());
    const std::size_t got = std::fread(buf, 1, want, f.get());
    text.append(buf, got);
    if (text.size() > max_bytes)
      throw InputError(fmt::format("{}: the {} file is larger than the {} bytes allowed", path, what, max_bytes));
    if (got < want) break;
  }
  if (std::ferror(f.get())) throw InputError(fmt::format("{}: cannot read the {} file: {}", path, what, std::strerror(errno)));
  return text;
}

}  // namespace skyshield
