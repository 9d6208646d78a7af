#pragma once
// The output directory of a subcommand, created if needed (an InputError when it cannot be).
#include <fmt/format.h>

#include <filesystem>
#include <string>
#include <system_error>

#include "core/error.hpp"

inline std::filesystem::path make_output_dir(const std::string& out_dir) {
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec) throw skyshield::InputError(fmt::format("{}: cannot create the output directory: {}", out_dir, ec.message()));
  return std::filesystem::path(out_dir);
}
