#pragma once
// Entity markings (IEEE 1278.1 Entity State PDU, Entity Marking record: character set 1 = ASCII and
// 11 characters) unique across every entity a run publishes. Names from the run's records are often
// longer (`bn-north-TEL-1`) or repeat across battalions (`surveillance`), so cutting them at 11
// characters made the 8 launchers of a battalion all read `bn-north-TE`. The scheme, deterministic
// (it depends only on the names and the order the publisher meets them):
//   1. the name itself, when it is at most 11 printable ASCII characters and not yet taken;
//   2. else head + "~" + tail of the name (the head gets 5 characters, the tail the rest: the tail
//      usually holds the number that tells siblings apart), e.g. `bn-north-TEL-1` -> `bn-no~TEL-1`;
//   3. while that is taken: head + "~" + k + tail with k = 2, 3, ... (the head shortened to fit),
//      e.g. the second battalion's `surveillance` -> `surve~2ance`.
// Bytes outside printable ASCII become '?'.
#include <string>
#include <unordered_set>

namespace skyshield::dis {

class MarkingBook {
 public:
  static constexpr std::size_t kLength = 11;  // characters of the Entity Marking record
  // The marking for `name`: unique among all markings this book has handed out.
  std::string assign(const std::string& name);

 private:
  std::unordered_set<std::string> used_;
};

}  // namespace skyshield::dis
