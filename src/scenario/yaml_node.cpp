#include "scenario/yaml_node.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

#include "core/error.hpp"

namespace skyshield {

YamlNode::YamlNode(YAML::Node node, std::shared_ptr<const std::string> file, std::string path)
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
}  // namespace

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
}

YamlNode YamlNode::load_file(const std::string& path, const std::function<void(YAML::Node&)>& edit) {
  auto file = std::make_shared<const std::string>(path);
  std::error_code ec;
  if (std::filesystem::exists(path, ec) && !std::filesystem::is_regular_file(path, ec))
    throw InputError(fmt::format("{}: not a file (a directory or a device)", path));
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(fmt::format("{}: cannot open the file", path));
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  check_text(path, text);
  try {
    YAML::Node root = YAML::Load(text);
    if (!root.IsMap()) throw InputError(fmt::format("{}:1:1: the document must be a map of sections", path));
    if (edit) edit(root);
    return YamlNode(root, file, "");
  } catch (const YAML::Exception& e) {
    throw InputError(fmt::format("{}:{}:{}: YAML syntax error: {}", path, e.mark.line + 1, e.mark.column + 1, e.msg));
  }
}

void YamlNode::fail(const std::string& message) const {
  const YAML::Mark m = node_.Mark();
  const int line = m.line >= 0 ? m.line + 1 : 1, col = m.column >= 0 ? m.column + 1 : 1;
  throw InputError(fmt::format("{}:{}:{}: {}: {}", *file_, line, col, path_.empty() ? "(top level)" : path_, message));
}

namespace {
std::string join_path(const std::string& parent, const std::string& key) {
  return parent.empty() ? key : parent + "." + key;
}
}  // namespace

bool YamlNode::has(const std::string& key) const {
  if (!node_.IsMap()) return false;
  const YAML::Node& n = node_;
  return static_cast<bool>(n[key]);
}

YamlNode YamlNode::required(const std::string& key) const {
  if (!node_.IsMap()) fail("must be a map with field '" + key + "'");
  const YAML::Node& n = node_;
  YAML::Node child = n[key];
  if (!child || child.IsNull()) fail(fmt::format("missing field '{}'", key));
  return YamlNode(child, file_, join_path(path_, key));
}

std::optional<YamlNode> YamlNode::optional(const std::string& key) const {
  if (!has(key)) return std::nullopt;
  const YAML::Node& n = node_;
  YAML::Node child = n[key];
  if (child.IsNull()) return std::nullopt;
  return YamlNode(child, file_, join_path(path_, key));
}

void YamlNode::allow_only(std::initializer_list<const char*> allowed) const {
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

double YamlNode::number(double lo, double hi) const {
  double v = 0;
  if (!node_.IsScalar() || !YAML::convert<double>::decode(node_, v))
    fail(fmt::format("must be a number (got '{}')", shown(node_)));
  if (!std::isfinite(v)) fail("must be a finite number");
  if (v < lo || v > hi) fail(fmt::format("must be between {} and {} (got {})", lo, hi, v));
  return v;
}

long long YamlNode::integer(long long lo, long long hi) const {
  long long v = 0;
  if (!node_.IsScalar() || !YAML::convert<long long>::decode(node_, v))
    fail(fmt::format("must be an integer (got '{}')", shown(node_)));
  if (v < lo || v > hi) fail(fmt::format("must be between {} and {} (got {})", lo, hi, v));
  return v;
}

std::string YamlNode::str() const {
  if (!node_.IsScalar()) fail("must be a text value");
  return node_.Scalar();
}

std::string YamlNode::emit() const {
  YAML::Emitter out;
  out << node_;
  return out.c_str();
}

bool YamlNode::boolean() const {
  bool v = false;
  if (!node_.IsScalar() || !YAML::convert<bool>::decode(node_, v)) fail("must be true or false");
  return v;
}

double YamlNode::number_or(const std::string& key, double lo, double hi, double fallback) const {
  const auto n = optional(key);
  return n ? n->number(lo, hi) : fallback;
}

std::vector<YamlNode> YamlNode::list() const {
  if (!node_.IsSequence()) fail("must be a list");
  std::vector<YamlNode> out;
  for (std::size_t i = 0; i < node_.size(); ++i)
    out.emplace_back(node_[i], file_, fmt::format("{}[{}]", path_, i));
  return out;
}

std::vector<std::pair<std::string, YamlNode>> YamlNode::entries() const {
  if (!node_.IsMap()) fail("must be a map of named entries");
  std::vector<std::pair<std::string, YamlNode>> out;
  for (const auto& kv : node_) {
    const std::string key = key_text(kv.first);
    out.emplace_back(key, YamlNode(kv.second, file_, join_path(path_, key)));
  }
  return out;
}

}  // namespace skyshield
