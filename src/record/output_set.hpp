#pragma once
// A set of output files written as a whole: each file is first written into a staging folder made
// with mkdtemp inside the output folder (a fresh name, created exclusively, so nothing planted in
// the folder, such as a symbolic link at a predictable temporary name, is followed), and only when
// every file is complete are they renamed into place. If anything fails on the way (a write, a
// rename, a directory where a file must go, or a signal: core/interrupt.hpp) the renames done so
// far are undone, the staging folder is removed and the previous set stays as it was: a reader
// finds the previous set whole or the new one whole, never a mix.
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/interrupt.hpp"

namespace skyshield {

// An output could not be written: names the file and the system's reason.
class OutputError : public std::runtime_error {
 public:
  explicit OutputError(const std::string& what) : std::runtime_error(what) {}
};

// Test-only hooks (the CLI sets them from SKYSHIELD_TEST_* environment variables).
struct OutputSetHooks {
  std::function<void(const std::string& name)> before_write;  // called before each file is staged
  std::string full_disk_at;  // this file's bytes go to /dev/full: a genuine ENOSPC
};

class OutputSet {
 public:
  // Creates the staging folder in `dir` (which must exist). Throws OutputError.
  explicit OutputSet(std::filesystem::path dir, OutputSetHooks hooks = {});
  // Removes the staging folder with what is in it, unless committed.
  ~OutputSet();
  OutputSet(const OutputSet&) = delete;
  OutputSet& operator=(const OutputSet&) = delete;

  // Stages file `name` (a plain file name) with `content`. Throws OutputError naming dir/name and
  // the reason, or Interrupted when a SIGINT/SIGTERM arrived since the set was opened.
  void add(const std::string& name, const std::string& content);
  // A file of the previous set that the new one does not have: removed at commit (so that, e.g., an
  // old detections.csv does not sit beside a new summary.json).
  void drop(const std::string& name);
  // Moves the staged files into place as one step (undone on failure). Throws like add().
  void commit();

  const std::filesystem::path& staging() const { return staging_; }

 private:
  void abandon_if_interrupted(const std::string& what) const;

  std::filesystem::path dir_, staging_;
  OutputSetHooks hooks_;
  std::vector<std::string> added_, dropped_;
  int signals_at_open_ = 0;
  bool committed_ = false;
  TerminationDeferred defer_;
};

// One file written the same way (a set of one).
void write_file_atomically(const std::string& path, const std::string& content);

}  // namespace skyshield
