#include "scenario/yaml_documents.hpp"

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <sstream>
#include <vector>

#include "core/error.hpp"

namespace skyshield {

namespace {

// Records where each document starts and where its first node is; builds nothing.
class DocumentMarks : public YAML::EventHandler {
 public:
  struct Document {
    YAML::Mark start;
    YAML::Mark first_node = YAML::Mark::null_mark();
  };
  std::vector<Document> documents;

  void OnDocumentStart(const YAML::Mark& mark) override { documents.push_back({mark}); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { node(mark); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { node(mark); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t, const std::string&) override { node(mark); }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    node(mark);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    node(mark);
  }
  void OnMapEnd() override {}

 private:
  void node(const YAML::Mark& mark) {
    if (!documents.empty() && documents.back().first_node.is_null()) documents.back().first_node = mark;
  }
};

// The line of the marker that starts a second document when the parser gives its node no position:
// the last line opening with '---' or '...'.
int second_document_line(const std::string& text) {
  int line = 1, found = 1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((i == 0 || text[i - 1] == '\n') && (text.compare(i, 3, "---") == 0 || text.compare(i, 3, "...") == 0)) found = line;
    if (text[i] == '\n') ++line;
  }
  return found;
}

}  // namespace

void check_single_document(const std::string& path, const std::string& text) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  DocumentMarks marks;
  // Three documents at most: a document that starts where the one before it started consumed nothing
  // (the stray ','), and the parser would give the same empty document for ever.
  while (marks.documents.size() < 3 && parser.HandleNextDocument(marks)) {
    const auto& docs = marks.documents;
    if (docs.size() >= 2 && docs.back().start.pos == docs[docs.size() - 2].start.pos) {
      const YAML::Mark& m = docs.back().start;
      const char c = m.pos >= 0 && static_cast<std::size_t>(m.pos) < text.size() ? text[static_cast<std::size_t>(m.pos)] : '?';
      throw InputError(fmt::format("{}:{}:{}: YAML syntax error: '{}' where no list item, key or document can start "
                                   "(a ',' belongs inside [ ] or {{ }})",
                                   path, m.line + 1, m.column + 1, c));
    }
  }
  if (marks.documents.size() > 1) {
    const YAML::Mark& m = marks.documents[1].first_node;
    const int line = !m.is_null() && m.line >= 0 ? m.line + 1 : second_document_line(text);
    throw InputError(
        fmt::format("{}:{}:1: a second YAML document ('---' or '...' and more): a file holds one document", path, line));
  }
}

}  // namespace skyshield
