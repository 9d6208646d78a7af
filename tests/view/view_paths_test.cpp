// The replay server's resolver and header checks (apps/skyshield/view_paths.hpp), without HTTP: hand
// cases, and every path of up to three segments over a small alphabet against an independent reference
// built on POSIX realpath(3), a string-prefix containment test and stat(2).
#include "view_paths.hpp"

#include <gtest/gtest.h>
#include <limits.h>
#include <sys/stat.h>

#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "served_tree.hpp"

namespace skyshield {
namespace {

namespace fs = std::filesystem;
using Segments = std::vector<std::string>;

TEST(ViewPaths, SplitsRequestPathsIntoPlainSegments) {
  EXPECT_EQ(request_segments("/"), Segments{});
  EXPECT_EQ(request_segments("/run/a/b.json"), (Segments{"run", "a", "b.json"}));
  EXPECT_EQ(request_segments("//etc//passwd/"), (Segments{"etc", "passwd"}));  // never absolute: the root stays
  EXPECT_EQ(request_segments("/./run/./x"), (Segments{"run", "x"}));
  EXPECT_EQ(request_segments("/..."), Segments{"..."});  // a name, not a climb
  EXPECT_EQ(request_segments(""), std::nullopt);
  EXPECT_EQ(request_segments("run/x"), std::nullopt);
  EXPECT_EQ(request_segments("/.."), std::nullopt);
  EXPECT_EQ(request_segments("/run/../run/x"), std::nullopt);  // refused even when it would stay inside
  EXPECT_EQ(request_segments(std::string("/run/a\0b", 8)), std::nullopt);
  EXPECT_EQ(request_segments("/run/a\r\nSet-Cookie: x"), std::nullopt);
}

TEST(ViewPaths, ContainmentComparesWholeComponents) {
  EXPECT_TRUE(lies_inside("/srv/run/a.json", "/srv/run"));
  EXPECT_TRUE(lies_inside("/srv/run", "/srv/run"));
  EXPECT_FALSE(lies_inside("/srv/run2/a.json", "/srv/run"));  // a string prefix, not a folder prefix
  EXPECT_FALSE(lies_inside("/srv", "/srv/run"));
  EXPECT_FALSE(lies_inside("/etc/passwd", "/srv/run"));
}

TEST(ViewPaths, HostMustBeLoopbackWithThisPort) {
  EXPECT_TRUE(host_allowed("127.0.0.1:8040", 8040));
  EXPECT_TRUE(host_allowed("localhost:8040", 8040));
  EXPECT_TRUE(host_allowed("LOCALHOST", 8040));
  EXPECT_TRUE(host_allowed("127.0.0.1", 8040));
  EXPECT_FALSE(host_allowed("", 8040));
  EXPECT_FALSE(host_allowed("evil.example", 8040));
  EXPECT_FALSE(host_allowed("evil.example:8040", 8040));
  EXPECT_FALSE(host_allowed("localhost.evil.example:8040", 8040));
  EXPECT_FALSE(host_allowed("127.0.0.1:8041", 8040));
  EXPECT_FALSE(host_allowed("127.0.0.1:", 8040));
  EXPECT_FALSE(host_allowed("127.0.0.1:80x", 8040));
  EXPECT_FALSE(host_allowed("127.0.0.2:8040", 8040));
  EXPECT_FALSE(host_allowed("[::1]:8040", 8040));
}

TEST(ViewPaths, AcceptEncodingGzip) {
  // RFC 9110 section 12.5.3: a coding with q=0 is "not acceptable"; "*" matches any coding.
  EXPECT_TRUE(accepts_gzip("gzip, deflate, br"));
  EXPECT_TRUE(accepts_gzip("br;q=1.0, GZIP;q=0.5"));
  EXPECT_TRUE(accepts_gzip("*"));
  EXPECT_FALSE(accepts_gzip(""));
  EXPECT_FALSE(accepts_gzip("br, deflate"));
  EXPECT_FALSE(accepts_gzip("gzip;q=0"));
  EXPECT_FALSE(accepts_gzip("gzip;q=0.000, identity"));
  EXPECT_FALSE(accepts_gzip("x-gzip2"));
  EXPECT_FALSE(accepts_gzip("gzip;q=0, *"));  // named explicitly: its own q decides, not "*"
  EXPECT_TRUE(accepts_gzip("*;q=0, gzip"));
}

TEST(ViewPaths, MissingFoldersAreNamed) {
  EXPECT_THROW(canonical_roots("/nonexistent/viewer", "/tmp"), InputError);
  try {
    canonical_roots("/tmp", "/nonexistent/run");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("run folder /nonexistent/run"), std::string::npos) << e.what();
  }
}

// The reference: the served file by POSIX calls only (realpath, a string prefix on "root/", stat).
std::optional<std::string> reference(const std::string& path, const std::string& viewer, const std::string& run) {
  if (path.empty() || path[0] != '/') return std::nullopt;
  std::vector<std::string> parts;
  for (std::size_t b = 1; b <= path.size();) {
    std::size_t e = path.find('/', b);
    if (e == std::string::npos) e = path.size();
    const std::string s = path.substr(b, e - b);
    b = e + 1;
    if (s == "..") return std::nullopt;
    if (!s.empty() && s != ".") parts.push_back(s);
  }
  std::string root = viewer;
  if (!parts.empty() && parts[0] == "run") {
    root = run;
    parts.erase(parts.begin());
    if (parts.empty()) return std::nullopt;
  }
  if (parts.empty() && root == viewer) parts.push_back("index.html");
  std::string joined = root;
  for (const auto& p : parts) joined += "/" + p;
  char real[PATH_MAX];
  if (!realpath(joined.c_str(), real)) return std::nullopt;
  const std::string r = real;
  if (r.rfind(root + "/", 0) != 0) return std::nullopt;
  struct stat st {};
  if (stat(real, &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return r;
}

TEST(ViewPaths, EveryShortPathMatchesTheReference) {
  const test::ServedTree tree("skyshield-view-paths");
  const ServedRoots roots = canonical_roots(tree.viewer.string(), tree.run.string());
  const std::vector<std::string> names = {"",       ".",      "..",          "run",        "index.html", "escape",
                                          "up",     "run2",   "secret.txt",  "sibling",    "summary.json", "pipe.csv",
                                          "zero",   "inner.czml", "cesium", "Cesium.js",  "%2e%2e",     "etc"};
  int served = 0, checked = 0;
  for (const auto& a : names)
    for (const auto& b : names)
      for (const auto& c : names)
        for (const std::string tail : {"", "/"}) {
          const std::string path = "/" + a + "/" + b + "/" + c + tail;
          const auto got = resolve_request(path, roots);
          const auto want = reference(path, roots.viewer.string(), roots.run.string());
          ASSERT_EQ(got.has_value(), want.has_value()) << path;
          if (got) {
            EXPECT_EQ(got->string(), *want) << path;
            ++served;
          }
          ++checked;
        }
  EXPECT_EQ(checked, 18 * 18 * 18 * 2);
  EXPECT_GT(served, 50);  // the alphabet reaches real files (76 of them), not only refusals
  EXPECT_EQ(resolve_request("/", roots), roots.viewer / "index.html");
  EXPECT_EQ(resolve_request("/run/inner.czml", roots), roots.run / "replay.czml");
  EXPECT_EQ(resolve_request("/run/up/run/summary.json", roots), roots.run / "summary.json");  // out and back in
  EXPECT_EQ(resolve_request("/run/escape", roots), std::nullopt);
  EXPECT_EQ(resolve_request("/run/sibling", roots), std::nullopt);
  EXPECT_EQ(resolve_request("/run/pipe.csv", roots), std::nullopt);
  EXPECT_EQ(resolve_request("/run/zero", roots), std::nullopt);
}

}  // namespace
}  // namespace skyshield
