// libFuzzer target for the scenario loader: any bytes must give a scenario or an InputError (one clear
// message), never a crash, a hang or undefined behaviour. The input is written as
// <work>/a/b/input.yaml where <work>/scenarios links to the repository's, so that the library paths
// of the seed corpus (../../scenarios/library/...) resolve and the fuzzer reaches past them.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/error.hpp"
#include "scenario/loader.hpp"

namespace {
std::string input_path() {
  static const std::string path = [] {
    namespace fs = std::filesystem;
    const fs::path work = fs::temp_directory_path() / ("skyshield-fuzz-" + std::to_string(::getpid()));
    fs::create_directories(work / "a" / "b");
    std::error_code ec;
    fs::create_directory_symlink(fs::path(SKYSHIELD_SOURCE_DIR) / "scenarios", work / "scenarios", ec);
    return (work / "a" / "b" / "input.yaml").string();
  }();
  return path;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path = input_path();
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  try {
    skyshield::load_scenario(path);
  } catch (const skyshield::InputError&) {
    // the expected outcome for broken input
  }
  return 0;
}
