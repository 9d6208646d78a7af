// The RFC 4180 reader and writer (core/csv.hpp). Reference: RFC 4180 section 2 (rules 1-7: records
// end with CRLF, fields holding commas, quotes or line breaks are quoted, a quote inside is doubled),
// and a brute-force round trip of every short string over the special characters.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/csv.hpp"
#include "core/error.hpp"

namespace skyshield {
namespace {

using Rows = std::vector<std::vector<std::string>>;

std::string write_temp(const std::string& name, const std::string& bytes) {
  const std::string path = (std::filesystem::temp_directory_path() / ("skyshield_csv_" + name)).string();
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

Rows read_all(const std::string& path, std::size_t max_bytes = 4096, long long max_lines = 1000) {
  CsvReader in(path, max_bytes, max_lines);
  Rows rows;
  for (std::vector<std::string> f; in.next(f);) rows.push_back(f);
  return rows;
}

std::string error_of(const std::string& name, const std::string& bytes, std::size_t max_bytes = 4096, long long max_lines = 1000) {
  const std::string path = write_temp(name, bytes);
  try {
    read_all(path, max_bytes, max_lines);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(Csv, WriterQuotesOnlyWhatMustBeQuoted) {
  EXPECT_EQ(csv_field("drone"), "drone");
  EXPECT_EQ(csv_field(""), "");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");   // RFC 4180 rule 7
  EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");       // rule 6
  EXPECT_EQ(csv_field("cr\r"), "\"cr\r\"");
  EXPECT_EQ(csv_record({"1", "a,b", "", "q\""}), "1,\"a,b\",,\"q\"\"\"");
}

TEST(Csv, ReaderFollowsRfc4180) {
  // The example records of RFC 4180 section 2, with CRLF line ends (rule 1) and without the last one (rule 2).
  const std::string path = write_temp("rfc.csv", "aaa,bbb,ccc\r\nzzz,yyy,xxx\r\n\"aaa\",\"b \r\nbb\",\"ccc\"\r\n\"aaa\",\"b\"\"bb\",\"ccc\"\r\n,,\nlast,row");
  CsvReader in(path, 4096, 100);
  std::vector<std::string> f;
  ASSERT_TRUE(in.next(f));
  EXPECT_EQ(f, (std::vector<std::string>{"aaa", "bbb", "ccc"}));
  EXPECT_EQ(in.line(), 1);
  ASSERT_TRUE(in.next(f));
  EXPECT_EQ(f, (std::vector<std::string>{"zzz", "yyy", "xxx"}));
  ASSERT_TRUE(in.next(f));
  EXPECT_EQ(f, (std::vector<std::string>{"aaa", "b \r\nbb", "ccc"}));  // rule 6: a line break inside quotes
  EXPECT_EQ(in.line(), 3);
  ASSERT_TRUE(in.next(f));
  EXPECT_EQ(f, (std::vector<std::string>{"aaa", "b\"bb", "ccc"}));    // rule 7
  EXPECT_EQ(in.line(), 5);  // the quoted line break moved the line count on
  ASSERT_TRUE(in.next(f));
  EXPECT_EQ(f, (std::vector<std::string>{"", "", ""}));
  ASSERT_TRUE(in.next(f));
  EXPECT_EQ(f, (std::vector<std::string>{"last", "row"}));
  EXPECT_FALSE(in.next(f));
}

TEST(Csv, CommentsAndBlankLinesBetweenRecordsAreSkipped) {
  const Rows rows = read_all(write_temp("comments.csv", "# a comment, with a comma\n\na,b\r\n\r\n\"#not a comment\",c\n"));
  EXPECT_EQ(rows, (Rows{{"a", "b"}, {"#not a comment", "c"}}));
}

TEST(Csv, BruteForceRoundTripOfEveryShortString) {
  // Every string of up to 4 characters over {a, ',', '"', '\n', '\r', ' '} (1,555 strings), each
  // as the middle field of a record, written with csv_field and read back byte for byte.
  const std::string alphabet = "a,\"\n\r ";
  std::vector<std::string> all{""};
  for (std::size_t len = 1, from = 0; len <= 4; ++len) {
    const std::size_t to = all.size();
    for (std::size_t i = from; i < to; ++i)
      for (char c : alphabet) all.push_back(all[i] + c);
    from = to;
  }
  ASSERT_EQ(all.size(), 1u + 6 + 36 + 216 + 1296);
  std::string text;
  for (const std::string& s : all) text += csv_record({"x", s, "y"}) + "\n";
  CsvReader in(write_temp("brute.csv", text), 4096, 100000, false);
  std::vector<std::string> f;
  for (const std::string& s : all) {
    ASSERT_TRUE(in.next(f));
    ASSERT_EQ(f, (std::vector<std::string>{"x", s, "y"})) << "field '" << s << "'";
  }
  EXPECT_FALSE(in.next(f));
  for (const std::string& s : all) EXPECT_EQ(parse_csv_record(csv_record({s, "z"}), "mem"), (std::vector<std::string>{s, "z"}));
}

TEST(Csv, MalformedRecordsNameTheFileAndLine) {
  const auto has = [](const std::string& e, const std::string& part) { return e.find(part) != std::string::npos; };
  std::string e = error_of("open.csv", "a,b\n\"never closed,c\nd\n");
  EXPECT_TRUE(has(e, "skyshield_csv_open.csv:4: a quoted field is not closed before the end of the file (the record starts on line 2)")) << e;
  e = error_of("after.csv", "a,b\n\"x\"y,c\n");
  EXPECT_TRUE(has(e, "skyshield_csv_after.csv:2: field 1: text after the closing quote")) << e;
  e = error_of("inner.csv", "a,b\nc,d\"e\n");
  EXPECT_TRUE(has(e, "skyshield_csv_inner.csv:2: field 2: a quote inside an unquoted field")) << e;
  e = error_of("nul.csv", std::string("a,b\nc\0d\n", 8));
  EXPECT_TRUE(has(e, "skyshield_csv_nul.csv:2: a NUL byte")) << e;
  e = error_of("long.csv", "a,b\n" + std::string(100, 'x') + "\n", 50);
  EXPECT_TRUE(has(e, "skyshield_csv_long.csv:2: the record is longer than the limit of 50 bytes")) << e;
  e = error_of("lines.csv", "a\nb\nc\nd\n", 4096, 3);
  EXPECT_TRUE(has(e, "skyshield_csv_lines.csv:4: more than the limit of 3 lines")) << e;
  EXPECT_EQ(error_of("exact.csv", "a\nb\nc\n", 4096, 3), "");  // the limit itself is fine
  e = error_of("cr.csv", "a\rb\n");
  EXPECT_TRUE(has(e, "skyshield_csv_cr.csv:1: a carriage return not followed by a line feed")) << e;
  EXPECT_THROW(CsvReader("/nonexistent/skyshield.csv", 10, 10), InputError);
  EXPECT_THROW(parse_csv_record("a,\"b", "mem"), InputError);
}

}  // namespace
}  // namespace skyshield
