#pragma once
// The fuzz targets that read files: each input is written to one file per process, then read by
// the reader under test.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

inline std::string fuzz_input_file(const char* name, const std::uint8_t* data, std::size_t size) {
  static const std::string dir = [] {
    const auto d = std::filesystem::temp_directory_path() / ("skyshield-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    return d.string();
  }();
  const std::string path = dir + "/" + name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  return path;
}
