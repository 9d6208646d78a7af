#include "scenario/yaml_node.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <cmath>
#include <filesystem>
#include <vector>

#include "core/error.hpp"
#include "core/parse_number.hpp"
#include "scenario/limits.hpp"
#include "scenario/schema.hpp"
#include "scenario/text_file.hpp"
#include "scenario/yaml_documents.hpp"

namespace skyshield {

YamlNode::YamlNode(YAML::Node node, std::shared_ptr<const YamlSource> file, std::string path)
    : node_(std::move(node)), file_(std::move(file)), path_(std::move(path)) {}

namespace {
// A scenario must be UTF-8 text: binary junk gets its own clear error before the YAML parser sees it.
void check_text(const std::string& path, const std::string& text) {
  int line = 1, col = 1;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    int extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
    bool ok = extra >= 0 && i + extra < text.size() && (c != 0 && (c >= 0x20 || c == '\n' || c == '\r' || c == '\t'));
    for (int k = 1; ok && k <= extra; ++k) ok = (static_cast<unsigned char>(text[i + k]) >> 6) == 0x2;
    if (!ok) throw InputError(fmt::format("{}:{}:{}: not a text file: byte 0x{:02x} is not UTF-8 text", path, line, col, c));
    if (c == '\n') { ++line; col = 1; } else { ++col; }
    i += static_cast<std::size_t>(extra) + 1;
  }
}

// A scalar as quoted back in an error message, cut to a readable length.
std::string shown(const YAML::Node& n) {
  if (!n.IsScalar()) return "a non-scalar";
  const std::string& s = n.Scalar();
  return s.size() <= 40 ? s : s.substr(0, 40) + "...";
}

// Whether the quoted scalar opening at byte `at` of the text is closed before the end of the file
// (yaml-cpp lets an unclosed quote run to the end, swallowing the rest of the file).
bool quote_closed(const std::string& text, std::size_t at) {
  const char q = text[at];
  for (std::size_t i = at + 1; i < text.size(); ++i) {
    if (q == '"' && text[i] == '\\') ++i;
    else if (text[i] == q && q == '\'' && i + 1 < text.size() && text[i + 1] == '\'') ++i;
    else if (text[i] == q) return true;
  }
  return false;
}
}  // namespace

// Walks the whole document once, without recursion and in memory bounded by the nesting depth (one
// frame per open list or map): nesting depth, node count (aliases expanded) and quotes left open,
// each reported at its node.
void YamlNode::check_structure(const YamlNode& root, const std::string& text) {
  struct Frame {
    YAML::Node node;
    int depth;
    std::string path;
    std::size_t next = 0;             // a list's next element
    YAML::const_iterator entry = {};  // a map's next entry
  };
  std::vector<Frame> open;
  std::size_t visited = 0;
  const auto visit = [&](const YAML::Node& node, int depth, std::string path) {
    const YamlNode here(node, root.file_, path);
    if (++visited > limits::kMaxYamlNodes)
      here.fail(fmt::format("the document holds more than {} values (anchors and aliases expanded)", limits::kMaxYamlNodes));
    if (depth > limits::kMaxNesting)
      here.fail(fmt::format("lists and maps nested deeper than the {} levels allowed", limits::kMaxNesting));
    const YAML::Mark m = node.Mark();
    if (node.IsScalar() && m.pos >= 0 && static_cast<std::size_t>(m.pos) < text.size() &&
        (text[m.pos] == '"' || text[m.pos] == '\'') && !quote_closed(text, static_cast<std::size_t>(m.pos)))
      here.fail("a quoted text is never closed: its quote runs to the end of the file");
    if (node.IsSequence()) open.push_back({node, depth, std::move(path)});
    if (node.IsMap()) open.push_back({node, depth, std::move(path), 0, node.begin()});
  };
  visit(root.node_, 0, "");
  while (!open.empty()) {
    Frame& f = open.back();
    const int depth = f.depth + 1;
    if (f.node.IsSequence() && f.next < f.node.size()) {
      const YAML::Node child = f.node[f.next];
      std::string path = fmt::format("{}[{}]", f.path, f.next++);
      visit(child, depth, std::move(path));  // may grow `open`: f is not used after
    } else if (f.node.IsMap() && f.entry != f.node.end()) {
      const YAML::Node key = f.entry->first, value = f.entry->second;
      ++f.entry;
      const std::string name = key.IsScalar() ? key.Scalar() : "?";
      const std::string path = f.path.empty() ? name : f.path + "." + name;
      visit(key, depth, path);
      visit(value, depth, path);
    } else {
      open.pop_back();
    }
  }
}

// A map key as text; a key that is itself a list or a map (YAML allows it: "? [a, b]") is refused.
std::string YamlNode::key_text(const YAML::Node& key) const {
  if (!key.IsScalar()) YamlNode(key, file_, path_).fail("a key must be a plain name, not a list or a map");
  return key.Scalar();
}

void YamlNode::require_file(const std::string& path, const std::string& what) const {
  std::error_code ec;
  const bool exists = std::filesystem::exists(path, ec);
  if (ec) fail(what + " file '" + path + "' cannot be looked up: " + ec.message());
  if (!exists) fail(what + " file '" + path + "' does not exist");
  if (!std::filesystem::is_regular_file(path, ec) || ec) fail(what + " '" + path + "' is not a file");
  // A file the system lists but cannot read (/proc/self/mem gives EIO): refused here, at its line.
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) fail(fmt::format("{} file '{}' cannot be opened: {}", what, path, std::strerror(errno)));
  if (std::fgetc(f.get()) == EOF && std::ferror(f.get()))
    fail(fmt::format("{} file '{}' cannot be read: {}", what, path, std::strerror(errno)));
}

YamlNode YamlNode::load_file(const std::string& path, const std::function<OverriddenFields(YAML::Node&)>& edit) {
  auto file = std::make_shared<const YamlSource>(YamlSource{path, {}});
  const std::string text = read_text_file(path, limits::kMaxYamlFileBytes, "YAML");
  check_text(path, text);
  try {
    check_single_document(path, text);  // not YAML::LoadAll: see yaml_documents.hpp
    YAML::Node root = YAML::Load(text);
    if (!root.IsMap()) throw InputError(fmt::format("{}:1:1: the document must be a map of sections", path));
    check_structure(YamlNode(root, file, ""), text);
    if (edit) file = std::make_shared<const YamlSource>(YamlSource{path, edit(root)});
    return YamlNode(root, file, "");
  } catch (const YAML::DeepRecursion& e) {
    throw InputError(fmt::format("{}:{}:{}: lists and maps nested deeper than the {} levels allowed", path, e.mark.line + 1,
                                 e.mark.column + 1, limits::kMaxNesting));
  } catch (const YAML::Exception& e) {
    throw InputError(fmt::format("{}:{}:{}: YAML syntax error: {}", path, e.mark.line + 1, e.mark.column + 1, e.msg));
  }
}

void YamlNode::fail(const std::string& message) const {
  const YAML::Mark m = node_.Mark();
  const int line = m.line >= 0 ? m.line + 1 : 1, col = m.column >= 0 ? m.column + 1 : 1;
  std::string where = path_.empty() ? "(top level)" : path_;
  for (char& c : where)  // a key with a line break must not break the one-line message
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  for (const auto& [field, given] : file_->overridden) {  // a value from the command line has no line
    const bool under = path_.size() > field.size() && path_.compare(0, field.size(), field) == 0 &&
                       (path_[field.size()] == '.' || path_[field.size()] == '[');
    if (path_ == field || under) throw InputError(fmt::format("--param {} ({}, {}): {}", given, file_->file, where, message));
  }
  throw InputError(fmt::format("{}:{}:{}: {}: {}", file_->file, line, col, where, message));
}

namespace {
std::string join_path(const std::string& parent, const std::string& key) {
  return parent.empty() ? key : parent + "." + key;
}
}  // namespace

bool YamlNode::has(const std::string& key) const {
  if (SchemaRecorder* r = schema_recorder()) r->at(join_path(path_, key)).optional = true;  // asked for: it may be absent
  if (!node_.IsMap()) return false;
  const YAML::Node& n = node_;
  return static_cast<bool>(n[key]);
}

YamlNode YamlNode::required(const std::string& key) const {
  if (!node_.IsMap()) fail("must be a map with field '" + key + "'");
  const YAML::Node& n = node_;
  YAML::Node child = n[key];
  if (SchemaRecorder* r = schema_recorder()) r->at(join_path(path_, key)).required = true;  // scenario/schema.hpp
  if (!child || child.IsNull()) fail(fmt::format("missing field '{}'", key));
  return YamlNode(child, file_, join_path(path_, key));
}

std::optional<YamlNode> YamlNode::optional(const std::string& key) const {
  if (SchemaRecorder* r = schema_recorder()) r->at(join_path(path_, key)).optional = true;
  if (!has(key)) return std::nullopt;
  const YAML::Node& n = node_;
  YAML::Node child = n[key];
  if (child.IsNull()) return std::nullopt;
  return YamlNode(child, file_, join_path(path_, key));
}

void YamlNode::allow_only(std::initializer_list<const char*> allowed) const {
  if (SchemaRecorder* r = schema_recorder()) {
    SchemaField& f = r->at(path_);
    for (const char* a : allowed) {
      if (std::find(f.allowed.begin(), f.allowed.end(), a) == f.allowed.end()) f.allowed.emplace_back(a);
      r->at(join_path(path_, a));
    }
    r->at(path_).kinds.insert("map");
  }
  if (!node_.IsMap()) fail("must be a map");
  std::vector<std::string> seen;
  for (const auto& kv : node_) {
    const std::string key = key_text(kv.first);
    if (std::find(seen.begin(), seen.end(), key) != seen.end())
      YamlNode(kv.first, file_, join_path(path_, key)).fail(fmt::format("field '{}' is given twice", key));
    seen.push_back(key);
    bool ok = false;
    for (const char* a : allowed) ok = ok || key == a;
    if (!ok) {
      std::string list;
      for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      YamlNode(kv.first, file_, join_path(path_, key)).fail(fmt::format("unknown field '{}' (allowed: {})", key, list));
    }
  }
}

namespace {
bool yaml_non_finite(const std::string& t) {  // YAML's spellings of infinity and not-a-number
  for (const char* s : {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN"})
    if (t == s) return true;
  return false;
}
// "0x10", "-0o7", "0b1": forms YAML 1.1 or 1.2 read in another base.
bool radix_prefixed(const std::string& t) {
  const std::size_t i = (!t.empty() && (t[0] == '+' || t[0] == '-')) ? 1 : 0;
  return i + 1 < t.size() && t[i] == '0' && std::string("xXoObB").find(t[i + 1]) != std::string::npos;
}
}  // namespace

double YamlNode::number(double lo, double hi) const {
  if (SchemaRecorder* r = schema_recorder()) {
    SchemaField& f = r->at(path_);
    f.kinds.insert("number");
    f.lo = std::min(f.lo, lo), f.hi = std::max(f.hi, hi);
  }
  if (!node_.IsScalar()) fail(fmt::format("must be a number (got '{}')", shown(node_)));
  const std::string& t = node_.Scalar();
  if (yaml_non_finite(t)) fail("must be a finite number");
  if (has_leading_zero(t))
    fail(fmt::format("must be a decimal number without a leading zero (got '{}': YAML 1.1 reads it as octal)", shown(node_)));
  const std::optional<double> parsed = parse_finite_number(t);
  if (!parsed && radix_prefixed(t))
    fail(fmt::format("must be a decimal number (got '{}': hexadecimal, octal and binary forms are not read)", shown(node_)));
  if (!parsed) fail(fmt::format("must be a number (got '{}')", shown(node_)));
  const double v = *parsed;
  if (v < lo || v > hi) fail(fmt::format("must be between {} and {} (got {})", lo, hi, v));
  return v;
}

long long YamlNode::integer(long long lo, long long hi) const {
  if (SchemaRecorder* r = schema_recorder()) {
    SchemaField& f = r->at(path_);
    f.kinds.insert("integer");
    f.lo = std::min(f.lo, static_cast<double>(lo)), f.hi = std::max(f.hi, static_cast<double>(hi));
  }
  if (!node_.IsScalar()) fail(fmt::format("must be an integer (got '{}')", shown(node_)));
  const std::string& t = node_.Scalar();
  if (has_leading_zero(t))
    fail(fmt::format("must be a decimal integer without a leading zero (got '{}': YAML 1.1 reads it as octal)", shown(node_)));
  const std::optional<long long> parsed = parse_decimal_integer(t);
  if (!parsed && radix_prefixed(t))
    fail(fmt::format("must be a decimal integer (got '{}': hexadecimal, octal and binary forms are not read)", shown(node_)));
  if (!parsed) fail(fmt::format("must be an integer (got '{}')", shown(node_)));
  const long long v = *parsed;
  if (v < lo || v > hi) fail(fmt::format("must be between {} and {} (got {})", lo, hi, v));
  return v;
}

std::string YamlNode::str() const {
  if (SchemaRecorder* r = schema_recorder()) r->at(path_).kinds.insert("text");
  if (!node_.IsScalar()) fail("must be a text value");
  if (node_.Scalar().size() > limits::kMaxTextBytes)
    fail(fmt::format("text of {} bytes, longer than the {} allowed", node_.Scalar().size(), limits::kMaxTextBytes));
  return node_.Scalar();
}

std::string YamlNode::name() const {
  if (SchemaRecorder* r = schema_recorder()) r->at(path_).kinds.insert("name");
  if (!node_.IsScalar()) fail("must be a text value");
  const std::string& t = node_.Scalar();
  if (t.empty()) fail("a name cannot be empty");
  if (t.size() > limits::kMaxNameBytes)
    fail(fmt::format("a name of {} bytes, longer than the {} allowed", t.size(), limits::kMaxNameBytes));
  for (const char c : t)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) fail("a name cannot hold control characters (a line break or a tab)");
  return t;
}

std::string YamlNode::emit() const {
  YAML::Emitter out;
  out << node_;
  return out.c_str();
}

bool YamlNode::boolean() const {
  if (SchemaRecorder* r = schema_recorder()) r->at(path_).kinds.insert("true/false");
  bool v = false;
  if (!node_.IsScalar() || !YAML::convert<bool>::decode(node_, v)) fail("must be true or false");
  return v;
}

double YamlNode::number_or(const std::string& key, double lo, double hi, double fallback) const {
  if (SchemaRecorder* r = schema_recorder()) r->at(join_path(path_, key)).defaults.insert(fallback);
  const auto n = optional(key);
  return n ? n->number(lo, hi) : fallback;
}

std::vector<YamlNode> YamlNode::list() const {
  if (SchemaRecorder* r = schema_recorder()) r->at(path_).kinds.insert("list");
  if (!node_.IsSequence()) fail("must be a list");
  std::vector<YamlNode> out;
  for (std::size_t i = 0; i < node_.size(); ++i)
    out.emplace_back(node_[i], file_, fmt::format("{}[{}]", path_, i));
  return out;
}

std::vector<std::pair<std::string, YamlNode>> YamlNode::entries() const {
  if (SchemaRecorder* r = schema_recorder()) r->mark_named_entries(path_);
  if (!node_.IsMap()) fail("must be a map of named entries");
  std::vector<std::pair<std::string, YamlNode>> out;
  for (const auto& kv : node_) {
    const std::string key = key_text(kv.first);
    out.emplace_back(key, YamlNode(kv.second, file_, join_path(path_, key)));
  }
  return out;
}

}  // namespace skyshield
