#pragma once
// What `skyshield view` may serve: the request-path resolver and the Host check, kept apart from the
// HTTP server (apps/skyshield/view_server.*) so that the libFuzzer target fuzz/fuzz_view_path.cpp and
// the unit tests call them directly. Only regular files whose canonical path (symlinks resolved) lies
// inside the viewer folder or the run folder are ever served.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace skyshield {

// The two trees the replay server serves, canonical (absolute, symlinks resolved).
struct ServedRoots {
  std::filesystem::path viewer;  // "/" and every path but /run/...
  std::filesystem::path run;     // "/run/..."
};

// Canonical roots of two existing directories; throws InputError naming the one that is missing.
ServedRoots canonical_roots(const std::string& viewer_dir, const std::string& run_dir);

// The segments of a percent-decoded request path ("/run/a/b.json" -> {"run", "a", "b.json"}): empty
// segments and "." dropped. nullopt when the path does not start with '/', has a ".." segment, or
// holds a control byte (NUL, CR, LF, ...). No segment of the result is empty, ".", ".." or holds a '/'.
std::optional<std::vector<std::string>> request_segments(std::string_view path);

// The file a percent-decoded request path maps to: the canonical path of an existing regular file
// (never a directory, FIFO, socket or device) inside roots.run for "/run/...", inside roots.viewer
// otherwise ("/" is the viewer's index.html); nullopt for anything else.
std::optional<std::filesystem::path> resolve_request(std::string_view path, const ServedRoots& roots);

// Whether `inner` (canonical) is `root` (canonical) or lies below it: compares whole path components,
// so /srv/run2 does not lie inside /srv/run.
bool lies_inside(const std::filesystem::path& inner, const std::filesystem::path& root);

// The Host header of a request to this server (DNS-rebinding guard): "127.0.0.1" or "localhost"
// (any case), optionally followed by ":port" with this server's port. Anything else, or no Host, is refused.
bool host_allowed(std::string_view host, int port);

// Whether an Accept-Encoding header value accepts gzip (a "gzip" or "*" coding without q=0).
bool accepts_gzip(std::string_view accept_encoding);

}  // namespace skyshield
