#pragma once
// The Monte Carlo journal: one line per finished run, appended and flushed as each run ends, so an
// interrupted batch resumes with no run lost or counted twice. Doubles are written in their shortest
// round-trip form, so resumed statistics are byte-identical to an uninterrupted batch's.
#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

#include "analysis/monte_carlo.hpp"

namespace skyshield {

// Identifies the batch a journal belongs to: scenario file contents, base seed and layers (and, in
// the header, the build of skyshield that wrote it).
struct JournalKey {
  std::string scenario;
  std::uint64_t scenario_hash = 0;
  std::uint64_t base_seed = 0;
  std::vector<std::string> layers;
};

std::string journal_header(const JournalKey& key);
std::string journal_line(const RunRow& row);

// Parses one journal line (without its newline) of a batch with n_layers layers; `where` names the
// source in errors ("file:line").
RunRow parse_journal_line(const std::string& line, std::size_t n_layers, const std::string& where);

// Reads the finished runs of a journal at `path` (none when it does not exist). A last line without
// its newline (a run cut off while being written) is ignored. Throws InputError when the journal
// belongs to another scenario, seed, set of layers or build of skyshield, or a complete line is
// malformed.
std::vector<RunRow> read_journal(const std::string& path, const JournalKey& key);

// Appends lines to a journal, creating it (with its header) when absent.
class JournalWriter {
 public:
  JournalWriter(const std::string& path, const JournalKey& key);
  void append(const RunRow& row);  // writes and flushes one line

 private:
  std::string path_;
  std::ofstream out_;
};

// Hash of a file's bytes (FNV-1a, 64 bit); 0 when it cannot be read.
std::uint64_t file_hash(const std::string& path);
// Hash of the bytes of several files in order (a scenario and its library files).
std::uint64_t files_hash(const std::vector<std::string>& paths);

}  // namespace skyshield
