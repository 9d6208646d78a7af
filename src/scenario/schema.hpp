#pragma once
// The scenario schema as the loader itself checks it: while a SchemaRecording is alive on a thread,
// every YamlNode access on that thread (allow_only, required, optional, number, integer, text, name,
// boolean, list, named entries, defaults) is noted under the field's path with list indices as []
// and user-chosen names as <name>. Loading scenarios under a recording and printing the result gives
// a reference that cannot drift from the loader (`skyshield schema`, docs/scenario-reference.md).
#include <limits>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace skyshield {

struct SchemaField {
  std::set<std::string> kinds;          // number, integer, text, name, true/false, list, map of named entries
  bool required = false, optional = false;
  double lo = std::numeric_limits<double>::infinity(), hi = -std::numeric_limits<double>::infinity();
  std::set<double> defaults;
  std::vector<std::string> allowed;     // the keys a map allows, in the loader's order
};

class SchemaRecorder {
 public:
  SchemaField& at(const std::string& raw_path);    // creates it, in first-seen order
  void mark_named_entries(const std::string& raw_path);
  const std::vector<std::string>& order() const { return order_; }
  const std::map<std::string, SchemaField>& fields() const { return fields_; }
  std::string normalise(const std::string& raw_path) const;

 private:
  std::map<std::string, SchemaField> fields_;
  std::vector<std::string> order_;
  std::set<std::string> named_;  // normalised paths whose keys are names chosen by the user
};

// Notes go to `recorder` while this object lives (on this thread only).
class SchemaRecording {
 public:
  explicit SchemaRecording(SchemaRecorder& recorder);
  ~SchemaRecording();
  SchemaRecording(const SchemaRecording&) = delete;
  SchemaRecording& operator=(const SchemaRecording&) = delete;

 private:
  SchemaRecorder* previous_;
};

// The recorder of this thread, or null (YamlNode's hooks: nothing happens without a recording).
SchemaRecorder* schema_recorder();

// The reference as Markdown: one table per top-level section, fields in the loader's order.
// `sources` names the files loaded to build it.
std::string schema_markdown(const SchemaRecorder& recorder, const std::vector<std::string>& sources);

}  // namespace skyshield
