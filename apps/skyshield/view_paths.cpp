#include "view_paths.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <system_error>

#include "core/error.hpp"

namespace skyshield {

namespace fs = std::filesystem;

namespace {

fs::path canonical_dir(const std::string& dir, const char* what) {
  std::error_code ec;
  const fs::path p = fs::canonical(dir, ec);
  if (ec || !fs::is_directory(p, ec)) throw InputError(fmt::format("view: {} {} is not a directory", what, dir));
  return p;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

ServedRoots canonical_roots(const std::string& viewer_dir, const std::string& run_dir) {
  return {canonical_dir(viewer_dir, "viewer folder"), canonical_dir(run_dir, "run folder")};
}

std::optional<std::vector<std::string>> request_segments(std::string_view path) {
  if (path.empty() || path.front() != '/') return std::nullopt;
  std::vector<std::string> segments;
  std::size_t begin = 0;
  while (begin < path.size()) {
    const std::size_t end = std::min(path.find('/', begin), path.size());
    const std::string_view part = path.substr(begin, end - begin);
    begin = end + 1;
    if (part.empty() || part == ".") continue;
    if (part == "..") return std::nullopt;  // never climb, not even back into the tree
    for (const char c : part)
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return std::nullopt;
    segments.emplace_back(part);
  }
  return segments;
}

bool lies_inside(const fs::path& inner, const fs::path& root) {
  auto r = root.begin();
  for (auto i = inner.begin(); r != root.end(); ++r, ++i)
    if (i == inner.end() || *i != *r) return false;
  return true;
}

std::optional<fs::path> resolve_request(std::string_view path, const ServedRoots& roots) {
  auto segments = request_segments(path);
  if (!segments) return std::nullopt;
  const fs::path* root = &roots.viewer;
  auto first = segments->begin();
  if (first != segments->end() && *first == "run") {
    root = &roots.run;
    ++first;
    if (first == segments->end()) return std::nullopt;  // no directory listings
  } else if (first == segments->end()) {
    segments->push_back("index.html");
    first = segments->begin();
  }
  // Each segment is relative (no '/'), so appending never replaces the root (fs::path("/a") / "/b" would).
  fs::path joined = *root;
  for (auto s = first; s != segments->end(); ++s) joined /= *s;
  std::error_code ec;
  const fs::path real = fs::canonical(joined, ec);  // resolves every symlink
  if (ec || !lies_inside(real, *root)) return std::nullopt;
  if (!fs::is_regular_file(fs::status(real, ec)) || ec) return std::nullopt;
  return real;
}

bool host_allowed(std::string_view host, int port) {
  host = trim(host);
  const std::size_t colon = host.rfind(':');
  std::string_view name = host;
  if (colon != std::string_view::npos) {
    name = host.substr(0, colon);
    const std::string_view digits = host.substr(colon + 1);
    int given = -1;
    const auto [end, err] = std::from_chars(digits.data(), digits.data() + digits.size(), given);
    if (digits.empty() || err != std::errc() || end != digits.data() + digits.size() || given != port) return false;
  }
  return name == "127.0.0.1" || iequals(name, "localhost");
}

bool accepts_gzip(std::string_view accept_encoding) {
  // RFC 9110 section 12.5.3: a coding named explicitly is decided by its own q; "*" covers the others.
  std::optional<double> gzip_q, any_q;
  std::size_t begin = 0;
  while (begin <= accept_encoding.size()) {
    const std::size_t end = std::min(accept_encoding.find(',', begin), accept_encoding.size());
    std::string_view item = accept_encoding.substr(begin, end - begin);
    begin = end + 1;
    const std::size_t semi = item.find(';');
    const std::string_view coding = trim(item.substr(0, semi));
    const bool gzip = iequals(coding, "gzip");
    if (!gzip && coding != "*") continue;
    double q = 1.0;
    if (semi != std::string_view::npos) {
      const std::string_view param = trim(item.substr(semi + 1));
      if (param.size() > 2 && (param[0] == 'q' || param[0] == 'Q') && param[1] == '=') {
        const auto [p, err] = std::from_chars(param.data() + 2, param.data() + param.size(), q);
        if (err != std::errc()) q = 0.0;
      }
    }
    (gzip ? gzip_q : any_q) = q;
  }
  return gzip_q ? *gzip_q > 0.0 : any_q.value_or(0.0) > 0.0;
}

}  // namespace skyshield
