#pragma once
// The one CSV dialect skyshield writes and reads: RFC 4180 (comma-separated fields; a field holding
// a comma, a double quote, CR or LF is enclosed in double quotes, its quotes doubled). Records end
// with LF when written; CRLF and LF are both read. The reader is bounded like core/line_reader.hpp
// (a record longer than its limit, or too many lines, is an error naming the file and line), and
// every malformed record is an InputError "file:line: ...".
#include <cstddef>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace skyshield {

// The field as it must appear in a record: quoted only when it has to be.
std::string csv_field(std::string_view s);
// Fields joined into one record, without the line end.
std::string csv_record(const std::vector<std::string>& fields);

class CsvReader {
 public:
  // Skips blank lines and lines starting with '#' (comments) between records when skip_comments.
  CsvReader(const std::string& path, std::size_t max_record_bytes, long long max_lines, bool skip_comments = true);
  // The next record's fields; false at the end of the file.
  bool next(std::vector<std::string>& fields);
  // The line on which the record last returned starts (1-based), for messages.
  long long line() const { return record_line_; }
  const std::string& path() const { return path_; }

 private:
  int get();
  [[noreturn]] void fail(long long line, const std::string& what) const;
  std::string path_;
  std::ifstream in_;
  std::size_t max_bytes_;
  long long max_lines_;
  bool skip_comments_;
  long long line_ = 1;         // the line being read
  long long record_line_ = 0;
};

// Splits one record held in memory (no line end inside unless quoted); `where` prefixes errors.
std::vector<std::string> parse_csv_record(std::string_view text, const std::string& where);

}  // namespace skyshield
