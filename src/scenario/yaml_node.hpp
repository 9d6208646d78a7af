#pragma once
// A YAML node that remembers its file and its path in the document, so that every validation
// error names file, line, column and field:  "scenarios/x.yaml:12:7: threats[2].speed_mps: must be > 0".
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace skyshield {

// Fields set on the command line (`--param PATH=VALUE`): the field's path in the document (list
// indices as numbers) and the text given, so that an error there names the parameter, not a line.
using OverriddenFields = std::vector<std::pair<std::string, std::string>>;

// Where the nodes of one document come from: the file, and the fields overridden in it.
struct YamlSource {
  std::string file;
  OverriddenFields overridden;
};

class YamlNode {
 public:
  YamlNode(YAML::Node node, std::shared_ptr<const YamlSource> source, std::string path);

  // Parses a whole file; a syntax error becomes an InputError with the file, line and column.
  // `edit`, when given, may change the parsed document before it is wrapped (command-line overrides)
  // and returns the fields it set: an error at or under one of them names it instead of a line.
  // Fails at this node unless `path` names an existing regular file (`what` names it in the message);
  // a path the system refuses (a name too long, say) is reported, not thrown as a filesystem error.
  void require_file(const std::string& path, const std::string& what) const;
  static YamlNode load_file(const std::string& path, const std::function<OverriddenFields(YAML::Node&)>& edit = {});

  [[noreturn]] void fail(const std::string& message) const;
  const std::string& path() const { return path_; }
  const std::string& file() const { return file_->file; }
  int line() const { return node_.Mark().line + 1; }

  bool is_map() const { return node_.IsMap(); }
  bool has(const std::string& key) const;
  YamlNode required(const std::string& key) const;             // fails with "missing field"
  std::optional<YamlNode> optional(const std::string& key) const;
  // Fails on a key that is not in `allowed`, naming the allowed ones.
  void allow_only(std::initializer_list<const char*> allowed) const;

  // Scalars. Numbers must be finite and inside [lo, hi].
  double number(double lo, double hi) const;
  long long integer(long long lo, long long hi) const;
  std::string str() const;                                     // at most limits::kMaxTextBytes
  std::string name() const;  // a name: 1 to limits::kMaxNameBytes bytes, no control characters
  bool boolean() const;
  // The node as YAML text (after any overrides): what it says, as a key for what is built from it.
  std::string emit() const;

  // Convenience: required / optional numeric fields of a map.
  double number_at(const std::string& key, double lo, double hi) const { return required(key).number(lo, hi); }
  double number_or(const std::string& key, double lo, double hi, double fallback) const;
  std::string str_at(const std::string& key) const { return required(key).str(); }
  std::string name_at(const std::string& key) const { return required(key).name(); }

  std::vector<YamlNode> list() const;                                   // must be a sequence
  std::vector<std::pair<std::string, YamlNode>> entries() const;        // must be a map, in file order

 private:
  static void check_structure(const YamlNode& root, const std::string& text);
  std::string key_text(const YAML::Node& key) const;
  YAML::Node node_;
  std::shared_ptr<const YamlSource> file_;
  std::string path_;
};

}  // namespace skyshield
