#pragma once
// `skyshield view OUTDIR`: serves the offline CesiumJS viewer (viewer/dist, built by npm) and a run's
// outputs (under /run/) over HTTP/1.1 on 127.0.0.1 only, with cpp-httplib (Debian libcpp-httplib-dev),
// until Ctrl-C. What it serves and refuses (view_paths.hpp): GET/HEAD of regular files whose canonical
// path lies inside one of the two folders; a Host other than 127.0.0.1/localhost (DNS rebinding) gets
// 403. Every response carries a Content-Security-Policy. Files are streamed (never read whole); a
// file with an up-to-date FILE.gz beside it (viewer/build.mjs writes them) goes gzip-compressed to a
// client that accepts gzip. Clients are served concurrently by a pool of kConnectionThreads threads
// with read/write timeouts.
#include <chrono>
#include <memory>
#include <string>

namespace skyshield {

struct ViewOptions {
  std::string run_dir;
  std::string viewer_dir;   // the built viewer (viewer/dist)
  int port = 8040;          // 0: any free port (printed)
};

// Limits (see README "Replay viewer").
inline constexpr int kConnectionThreads = 16;          // connections served at once; more wait in a queue
inline constexpr int kReadTimeoutS = 5;                // a request's bytes must keep coming
inline constexpr int kWriteTimeoutS = 5;               // a client must keep reading
inline constexpr int kKeepAliveTimeoutS = 2;           // an idle kept-alive connection is closed after this

// The server, running on its own threads from construction: listening on 127.0.0.1:port().
class ViewServer {
 public:
  // Checks both folders (InputError naming what is missing) and starts listening.
  explicit ViewServer(const ViewOptions& options);
  ~ViewServer();  // stops, and waits for the connections in progress
  ViewServer(const ViewServer&) = delete;
  ViewServer& operator=(const ViewServer&) = delete;

  int port() const;
  // Stops accepting and ends kept-alive connections; waits up to `grace` for the transfers in
  // progress. False when some are still going (a stalled client, until its timeout).
  bool stop(std::chrono::milliseconds grace);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The CLI: prints the URL, serves until SIGINT/SIGTERM, then ends (exit 0) within about 0.6 s, closing
// the connections still open.
int serve_viewer(const ViewOptions& options);

}  // namespace skyshield
