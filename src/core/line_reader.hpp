#pragma once
// Lines of a hand-read text file with bounds, so that no input (a huge file, /dev/zero, a FIFO that
// never ends a line) makes a reader hold more than it allows: a line longer than max_line_bytes, or
// more than max_lines lines, is an InputError naming the file, the line and the limit. '\r' before
// the '\n' is dropped; a NUL byte is an error (text files have none).
#include <fmt/format.h>

#include <cstddef>
#include <fstream>
#include <string>

#include "core/error.hpp"

namespace skyshield {

class LineReader {
 public:
  LineReader(const std::string& path, std::size_t max_line_bytes, long long max_lines)
      : path_(path), in_(path, std::ios::binary), max_bytes_(max_line_bytes), max_lines_(max_lines) {
    if (!in_) throw InputError(fmt::format("{}: cannot open the file", path));
  }
  // The next line (without its end) into `line`; false at the end of the file.
  bool next(std::string& line) {
    line.clear();
    std::streambuf* buf = in_.rdbuf();
    for (;;) {
      const int c = buf->sbumpc();
      if (c == std::char_traits<char>::eof()) {
        if (line.empty()) return false;
        break;
      }
      if (c == '\n') break;
      if (c == '\0') throw InputError(fmt::format("{}:{}: a NUL byte: not a text file", path_, number_ + 1));
      if (line.size() >= max_bytes_)
        throw InputError(fmt::format("{}:{}: the line is longer than the limit of {} bytes", path_, number_ + 1, max_bytes_));
      line.push_back(static_cast<char>(c));
    }
    if (++number_ > max_lines_)
      throw InputError(fmt::format("{}:{}: more than the limit of {} lines", path_, number_, max_lines_));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return true;
  }
  // The number of the line last returned (1-based).
  long long number() const { return number_; }

 private:
  std::string path_;
  std::ifstream in_;
  std::size_t max_bytes_;
  long long max_lines_;
  long long number_ = 0;
};

}  // namespace skyshield
