#include "dis/markings.hpp"

#include <algorithm>

namespace skyshield::dis {

namespace {
std::string printable_ascii(const std::string& s) {
  std::string out = s;
  for (char& c : out)
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7E) c = '?';
  return out;
}

// head + sep + tail of `name` in `width` characters: the head keeps at most `head` characters.
std::string elide(const std::string& name, const std::string& sep, std::size_t width, std::size_t head) {
  const std::size_t budget = width - std::min(width, sep.size());
  const std::size_t h = std::min(head, budget / 2 + budget % 2);
  const std::size_t t = std::min(budget - h, name.size() - std::min(name.size(), h));
  return name.substr(0, h) + sep + name.substr(name.size() - t);
}
}  // namespace

std::string MarkingBook::assign(const std::string& raw) {
  const std::string name = printable_ascii(raw);
  std::string m;
  if (name.size() <= kLength) m = name;
  else m = elide(name, "~", kLength, 5);
  for (int k = 2; used_.count(m); ++k) {
    std::string sep(1, '~');
    sep.append(std::to_string(k));
    m = elide(name, sep, kLength, 5);
  }
  used_.insert(m);
  return m;
}

}  // namespace skyshield::dis
