#pragma once
// `skyshield view OUTDIR`: serves the offline CesiumJS viewer (viewer/dist, built by npm) and a run's
// outputs (under /run/) on localhost over plain HTTP/1.1 GET, until Ctrl-C.
#include <string>

namespace skyshield {

struct ViewOptions {
  std::string run_dir;
  std::string viewer_dir;   // the built viewer (viewer/dist)
  int port = 8040;          // 0: any free port (printed)
};

int serve_viewer(const ViewOptions& options);

// The file a request path maps to ("" when it maps to none: outside both trees, or malformed).
std::string resolve_request(const std::string& target, const std::string& viewer_dir, const std::string& run_dir);

}  // namespace skyshield
