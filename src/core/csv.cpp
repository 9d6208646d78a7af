#include "core/csv.hpp"

#include <fmt/format.h>

#include "core/error.hpp"

namespace skyshield {

std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string q(1, '"');
  for (char c : s) {
    if (c == '"') q.push_back('"');
    q.push_back(c);
  }
  q.push_back('"');
  return q;
}

std::string csv_record(const std::vector<std::string>& fields) {
  std::string s;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) s.push_back(',');
    s.append(csv_field(fields[i]));
  }
  return s;
}

namespace {

constexpr int kEnd = -1;

// The RFC 4180 state machine over a source of bytes: get() returns the next byte or kEnd; line()
// the current line. Returns false when the source is empty before a record starts.
template <class Get, class Fail>
bool read_record(Get&& get, Fail&& fail, std::size_t max_bytes, std::vector<std::string>& fields) {
  fields.clear();
  std::string cur;
  std::size_t bytes = 0;
  int c = get();
  if (c == kEnd) return false;
  for (;;) {
    if (c == '"') {  // a quoted field: up to the closing quote, "" is one quote
      for (;;) {
        c = get();
        if (c == kEnd) fail("a quoted field is not closed before the end of the file");
        if (c == '"') {
          c = get();
          if (c != '"') break;
        }
        if (++bytes > max_bytes) fail(fmt::format("the record is longer than the limit of {} bytes", max_bytes));
        cur.push_back(static_cast<char>(c));
      }
      if (c != ',' && c != '\n' && c != '\r' && c != kEnd)
        fail(fmt::format("field {}: text after the closing quote (a quote inside a field is written \"\")", fields.size() + 1));
    } else {
      while (c != ',' && c != '\n' && c != '\r' && c != kEnd) {
        if (c == '"')
          fail(fmt::format("field {}: a quote inside an unquoted field (quote the field and double the quote)", fields.size() + 1));
        if (++bytes > max_bytes) fail(fmt::format("the record is longer than the limit of {} bytes", max_bytes));
        cur.push_back(static_cast<char>(c));
        c = get();
      }
    }
    fields.push_back(std::move(cur));
    cur.clear();
    if (c == ',') {
      c = get();
      continue;
    }
    if (c == '\r') {
      c = get();
      if (c != '\n' && c != kEnd) fail("a carriage return not followed by a line feed outside quotes");
    }
    return true;  // '\n' or the end of the file
  }
}

}  // namespace

CsvReader::CsvReader(const std::string& path, std::size_t max_record_bytes, long long max_lines, bool skip_comments)
    : path_(path), in_(path, std::ios::binary), max_bytes_(max_record_bytes), max_lines_(max_lines), skip_comments_(skip_comments) {
  if (!in_) throw InputError(fmt::format("{}: cannot open the file", path));
}

void CsvReader::fail(long long line, const std::string& what) const { throw InputError(fmt::format("{}:{}: {}", path_, line, what)); }

int CsvReader::get() {
  const int c = in_.rdbuf()->sbumpc();
  if (c == std::char_traits<char>::eof()) return kEnd;
  if (line_ > max_lines_) fail(line_, fmt::format("more than the limit of {} lines", max_lines_));
  if (c == '\0') fail(line_, "a NUL byte: not a text file");
  if (c == '\n') ++line_;
  return c;
}

bool CsvReader::next(std::vector<std::string>& fields) {
  for (;;) {
    std::streambuf* buf = in_.rdbuf();
    const int first = buf->sgetc();
    if (first == std::char_traits<char>::eof()) return false;
    if (skip_comments_ && (first == '\n' || first == '\r' || first == '#')) {  // a blank or comment line
      const long long at = line_;
      std::size_t bytes = 0;
      for (int c = get(); c != kEnd && c != '\n'; c = get())
        if (++bytes > max_bytes_) fail(at, fmt::format("the line is longer than the limit of {} bytes", max_bytes_));
      continue;
    }
    record_line_ = line_;
    return read_record([this] { return get(); },
                       [this](const std::string& w) {
                         fail(line_, line_ == record_line_ ? w : fmt::format("{} (the record starts on line {})", w, record_line_));
                       },
                       max_bytes_, fields);
  }
}

std::vector<std::string> parse_csv_record(std::string_view text, const std::string& where) {
  std::size_t i = 0;
  std::vector<std::string> fields;
  const bool any = read_record([&] { return i < text.size() ? static_cast<unsigned char>(text[i++]) : kEnd; },
                               [&](const std::string& w) { throw InputError(fmt::format("{}: {}", where, w)); }, text.size(), fields);
  if (!any) fields.emplace_back();
  if (i < text.size()) throw InputError(fmt::format("{}: more than one record", where));
  return fields;
}

}  // namespace skyshield
