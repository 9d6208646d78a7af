// Output sets (record/output_set.hpp): written whole or not at all, never through a planted link,
// and a failure names the file and the system's reason.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/interrupt.hpp"
#include "record/writers.hpp"

namespace skyshield {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void put(const fs::path& p, const std::string& s) { std::ofstream(p, std::ios::binary) << s; }

// A fresh folder holding the previous set: a.txt = "old a", b.txt = "old b".
fs::path previous_set(const std::string& name) {
  const fs::path d = fs::temp_directory_path() / ("skyshield-output-set-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  put(d / "a.txt", "old a");
  put(d / "b.txt", "old b");
  return d;
}

std::vector<std::string> names_in(const fs::path& d) {
  std::vector<std::string> v;
  for (const auto& e : fs::directory_iterator(d)) v.push_back(e.path().filename().string());
  std::sort(v.begin(), v.end());
  return v;
}

TEST(OutputSet, PlantedLinkAtTheOldTemporaryNameIsNotFollowed) {
  const fs::path d = previous_set("links");
  put(d / "victim", "precious");
  fs::create_symlink(d / "victim", d / "a.txt.tmp");   // the fixed temporary name of the first version
  write_file_atomically((d / "a.txt").string(), "new a");
  EXPECT_EQ(slurp(d / "victim"), "precious");
  EXPECT_EQ(slurp(d / "a.txt"), "new a");
  EXPECT_FALSE(fs::is_symlink(d / "a.txt"));
  fs::remove_all(d);
}

TEST(OutputSet, CommitReplacesTheWholeSetAndDropsStaleFiles) {
  const fs::path d = previous_set("commit");
  put(d / "stale.csv", "from an older run");
  {
    OutputSet set(d);
    set.add("a.txt", "new a");
    set.add("b.txt", "new b");
    set.drop("stale.csv");
    set.drop("never_there.csv");
    EXPECT_EQ(slurp(d / "a.txt"), "old a");   // nothing visible before the commit
    set.commit();
  }
  EXPECT_EQ(slurp(d / "a.txt"), "new a");
  EXPECT_EQ(slurp(d / "b.txt"), "new b");
  EXPECT_EQ(names_in(d), (std::vector<std::string>{"a.txt", "b.txt"}));   // no staging folder left
  fs::remove_all(d);
}

TEST(OutputSet, FullDiskKeepsThePreviousSetAndNamesTheReason) {
  const fs::path d = previous_set("full");
  OutputSetHooks hooks;
  hooks.full_disk_at = "b.txt";   // written to /dev/full: the kernel's own ENOSPC
  try {
    OutputSet set(d, hooks);
    set.add("a.txt", "new a");
    set.add("b.txt", "new b");
    set.commit();
    FAIL() << "no error";
  } catch (const OutputError& e) {
    EXPECT_NE(std::string(e.what()).find("b.txt: cannot write: No space left on device"), std::string::npos) << e.what();
  }
  EXPECT_EQ(slurp(d / "a.txt"), "old a");
  EXPECT_EQ(slurp(d / "b.txt"), "old b");
  EXPECT_EQ(names_in(d), (std::vector<std::string>{"a.txt", "b.txt"}));
  fs::remove_all(d);
}

TEST(OutputSet, DirectoryInTheWayChangesNothing) {
  const fs::path d = previous_set("dir");
  fs::remove(d / "b.txt");
  fs::create_directory(d / "b.txt");
  try {
    OutputSet set(d);
    set.add("a.txt", "new a");
    set.add("b.txt", "new b");
    set.commit();
    FAIL() << "no error";
  } catch (const OutputError& e) {
    EXPECT_NE(std::string(e.what()).find("b.txt: cannot write: a directory is in the way"), std::string::npos) << e.what();
  }
  EXPECT_EQ(slurp(d / "a.txt"), "old a");
  EXPECT_EQ(names_in(d), (std::vector<std::string>{"a.txt", "b.txt"}));
  fs::remove_all(d);
}

TEST(OutputSet, SignalWhileWritingAbandonsTheNewSet) {
  const fs::path d = previous_set("signal");
  install_interrupt_handler();
  OutputSetHooks hooks;
  hooks.before_write = [](const std::string& name) {
    if (name == "b.txt") std::raise(SIGTERM);   // counted, not fatal, while the set is open
  };
  EXPECT_THROW(
      {
        OutputSet set(d, hooks);
        set.add("a.txt", "new a");
        set.add("b.txt", "new b");
        set.commit();
      },
      Interrupted);
  EXPECT_EQ(interrupt_signal_name(), "SIGTERM");
  EXPECT_EQ(slurp(d / "a.txt"), "old a");
  EXPECT_EQ(slurp(d / "b.txt"), "old b");
  EXPECT_EQ(names_in(d), (std::vector<std::string>{"a.txt", "b.txt"}));
  fs::remove_all(d);
}

}  // namespace
}  // namespace skyshield
