#include "data_paths.hpp"

#include <fmt/format.h>

#include <system_error>

#include "core/error.hpp"

namespace skyshield {

std::filesystem::path program_dir() {
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::current_path(ec) : exe.parent_path();
}

std::vector<std::filesystem::path> data_dirs() {
  // SKYSHIELD_DATA_FROM_BIN: the install's data folder relative to its bin folder ("../share/skyshield");
  // SKYSHIELD_SOURCE_DATA_DIR: the source tree, for a program still in its build tree.
  std::vector<std::filesystem::path> dirs{(program_dir() / SKYSHIELD_DATA_FROM_BIN).lexically_normal()};
  std::error_code ec;
  if (std::filesystem::exists(program_dir() / "CMakeFiles", ec)) dirs.emplace_back(SKYSHIELD_SOURCE_DATA_DIR);
  return dirs;
}

std::string find_data(const std::string& relative, const std::string& what, const std::string& option) {
  std::string looked;
  for (const std::filesystem::path& d : data_dirs()) {
    const std::filesystem::path p = d / relative;
    std::error_code ec;
    if (std::filesystem::exists(p, ec)) return p.string();
    looked += (looked.empty() ? "" : ", ") + p.string();
  }
  throw InputError(fmt::format("{} not found next to the program (looked at {}); give it with {}", what, looked, option));
}

std::string data_path(const std::string& relative) {
  const std::vector<std::filesystem::path> dirs = data_dirs();
  for (const std::filesystem::path& d : dirs) {
    std::error_code ec;
    if (std::filesystem::exists(d / relative, ec)) return (d / relative).string();
  }
  return (dirs.back() / relative).string();
}

}  // namespace skyshield
