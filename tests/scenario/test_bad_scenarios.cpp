// The broken-scenario corpus (tests/bad-scenarios/): every file there must fail to load with exactly
// the message its second line gives ("# expect: LINE:COL: FIELD: MESSAGE", after the file's path;
// "{dir}" stands for the corpus directory). Adding a case is adding a file.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "scenario/loader.hpp"

namespace skyshield {
namespace {

const std::string kDir = SKYSHIELD_SOURCE_DIR "/tests/bad-scenarios";

std::string expectation(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string line;
  const std::string tag = "# expect: ";
  while (std::getline(in, line))
    if (line.rfind(tag, 0) == 0) return line.substr(tag.size());
  return "";
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
  return s;
}

TEST(BadScenarioCorpus, EveryFileGivesItsExpectedError) {
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(kDir))
    if (e.path().extension() == ".yaml") files.push_back(e.path().filename().string());
  std::sort(files.begin(), files.end());
  EXPECT_GE(files.size(), 60u);
  for (const std::string& f : files) {
    SCOPED_TRACE(f);
    const std::string path = kDir + "/" + f;
    const std::string want = expectation(path);
    ASSERT_FALSE(want.empty()) << "no '# expect: ' line";
    std::string got;
    try {
      load_scenario(path);
    } catch (const InputError& e) {
      got = e.what();
    }
    ASSERT_FALSE(got.empty()) << "loaded without error";
    ASSERT_EQ(got.rfind(path + ":", 0), 0u) << "the error does not start with the file: " << got;
    EXPECT_EQ(replace_all(got.substr(path.size() + 1), kDir, "{dir}"), want);
    EXPECT_EQ(got.find('\n'), std::string::npos) << "one line only";
  }
}

}  // namespace
}  // namespace skyshield
