#include "view_server.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <httplib.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "core/error.hpp"
#include "core/interrupt.hpp"
#include "view_paths.hpp"

namespace skyshield {

namespace {

namespace fs = std::filesystem;

// What CesiumJS 1.145 needs, found with the browser test (viewer/test/browser_test.mjs fails on any CSP
// violation): 'unsafe-eval' (its bundled Knockout runs (0,eval)("this") and compiles bindings with new
// Function), blob: scripts (its workers importScripts blob: URLs) and inline styles (its widgets'
// markup). No inline script and no inline event handler runs; no plug-in, no framing, no other origin.
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self' 'unsafe-eval' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "font-src 'self' data:; connect-src 'self' data: blob:; worker-src 'self' blob:; child-src 'self' blob:; "
    "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

std::string content_type(const fs::path& p) {
  static const std::map<std::string, std::string> types = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript"}, {".mjs", "text/javascript"},
      {".css", "text/css"}, {".json", "application/json"}, {".czml", "application/json"}, {".csv", "text/csv; charset=utf-8"},
      {".svg", "image/svg+xml"}, {".png", "image/png"}, {".jpg", "image/jpeg"}, {".xml", "application/xml"},
      {".wasm", "application/wasm"}, {".glb", "model/gltf-binary"}, {".ktx2", "image/ktx2"}, {".woff", "font/woff"},
      {".woff2", "font/woff2"}, {".txt", "text/plain; charset=utf-8"}};
  const auto it = types.find(p.extension().string());
  return it == types.end() ? "application/octet-stream" : it->second;
}

// An open regular file, read in pieces while it is sent.
struct OpenFile {
  int fd = -1;
  std::size_t size = 0;
  ~OpenFile() {
    if (fd >= 0) ::close(fd);
  }
};

// Opens a resolved path without following a final symlink and without blocking (a FIFO swapped in
// since resolution opens at once and is refused here); only a regular file is kept.
std::shared_ptr<OpenFile> open_regular(const fs::path& p) {
  auto f = std::make_shared<OpenFile>();
  f->fd = ::open(p.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  struct stat st {};
  if (f->fd < 0 || ::fstat(f->fd, &st) != 0 || !S_ISREG(st.st_mode)) return nullptr;
  f->size = static_cast<std::size_t>(st.st_size);
  return f;
}

void refuse(httplib::Response& res, int status, const std::string& why) {
  res.status = status;
  res.set_content(why + "\n", "text/plain; charset=utf-8");
}

// The up-to-date precompressed twin FILE.gz of a served file, held to the same rules as the file itself:
// a regular file whose canonical path lies inside a served folder, not older than the file.
std::optional<fs::path> gzip_twin(const fs::path& file, const ServedRoots& roots) {
  fs::path twin = file;
  twin += ".gz";
  std::error_code ec;
  const fs::path real = fs::canonical(twin, ec);
  if (ec || !(lies_inside(real, roots.viewer) || lies_inside(real, roots.run)) || !fs::is_regular_file(real, ec)) return std::nullopt;
  std::error_code ec1, ec2;
  if (fs::last_write_time(real, ec1) < fs::last_write_time(file, ec2) || ec1 || ec2) return std::nullopt;
  return real;
}

void answer(const httplib::Request& req, httplib::Response& res, const ServedRoots& roots, int port) {
  if (!host_allowed(req.get_header_value("Host"), port))
    return refuse(res, 403, "refused: Host must be 127.0.0.1 or localhost with this server's port");
  if (req.method != "GET" && req.method != "HEAD") {
    res.set_header("Allow", "GET, HEAD");
    return refuse(res, 405, "only GET and HEAD");
  }
  if (req.ranges.size() > 1) return refuse(res, 416, "one byte range at most");
  const auto file = resolve_request(req.path, roots);
  if (!file) return refuse(res, 404, "not found");
  std::optional<fs::path> gz;
  if (req.ranges.empty() && accepts_gzip(req.get_header_value("Accept-Encoding"))) gz = gzip_twin(*file, roots);
  const auto open = open_regular(gz ? *gz : *file);
  if (!open) return refuse(res, 404, "not found");
  if (!req.ranges.empty()) {  // one range: it must lie inside the file (httplib does not check it)
    const auto [first, last] = req.ranges.front();
    const auto size = static_cast<long long>(open->size);
    const bool ok = first >= 0 ? first < size && (last < 0 || last < size) : last > 0;
    if (!ok) {
      res.set_header("Content-Range", fmt::format("bytes */{}", open->size));
      return refuse(res, 416, "range not satisfiable");
    }
  }
  res.status = req.ranges.empty() ? 200 : 206;
  res.set_header("Cache-Control", "no-cache");
  res.set_header("Vary", "Accept-Encoding");
  if (gz) res.set_header("Content-Encoding", "gzip");
  if (open->size == 0) return res.set_content("", content_type(*file));
  res.set_content_provider(open->size, content_type(*file), [open](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
    char buf[64 * 1024];
    const std::size_t want = std::min(length, sizeof buf);
    const ssize_t n = ::pread(open->fd, buf, want, static_cast<off_t>(offset));
    if (n <= 0) return false;  // truncated since it was opened, or unreadable: end the connection
    return sink.write(buf, static_cast<std::size_t>(n));
  });
}

}  // namespace

struct ViewServer::Impl {
  ServedRoots roots;
  httplib::Server http;
  int port = 0;
  std::thread listener;
  std::mutex mutex;
  std::condition_variable ended_cv;
  bool ended = false;
};

ViewServer::ViewServer(const ViewOptions& o) : impl_(std::make_unique<Impl>()) {
  if (!fs::is_regular_file(fs::path(o.run_dir) / "replay.czml"))
    throw InputError(fmt::format("view: no replay.czml in {} (write one: skyshield run SCENARIO --out {})", o.run_dir, o.run_dir));
  if (!fs::is_regular_file(fs::path(o.viewer_dir) / "index.html"))
    throw InputError(fmt::format("view: the viewer is not built in {} (build it: scripts/build-viewer.sh; ./test.sh and ./run.sh do)",
                                 o.viewer_dir));
  Impl& s = *impl_;
  s.roots = canonical_roots(o.viewer_dir, o.run_dir);
  s.http.new_task_queue = [] { return new httplib::ThreadPool(kConnectionThreads); };
  s.http.set_read_timeout(kReadTimeoutS, 0);
  s.http.set_write_timeout(kWriteTimeoutS, 0);
  s.http.set_keep_alive_timeout(kKeepAliveTimeoutS);
  s.http.set_payload_max_length(64 * 1024);
  s.http.set_default_headers({{"Content-Security-Policy", kContentSecurityPolicy},
                              {"X-Content-Type-Options", "nosniff"},
                              {"Referrer-Policy", "no-referrer"},
                              {"Cross-Origin-Resource-Policy", "same-origin"}});
  // httplib's default sets SO_REUSEPORT, with which a second `skyshield view --port P` would share the
  // port silently: SO_REUSEADDR only (a restart may rebind at once; a second listener fails).
  s.http.set_socket_options([](int sock) {
    const int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  s.http.set_pre_routing_handler([&s](const httplib::Request& req, httplib::Response& res) {
    answer(req, res, s.roots, s.port);
    return httplib::Server::HandlerResponse::Handled;  // every request ends here: no routes, no mount points
  });
  if (o.port == 0) {
    s.port = s.http.bind_to_any_port("127.0.0.1");
  } else {
    s.port = s.http.bind_to_port("127.0.0.1", o.port) ? o.port : -1;
  }
  if (s.port <= 0)
    throw InputError(fmt::format("view: cannot listen on 127.0.0.1:{} (in use? try --port 0 for any free port)", o.port));
  s.listener = std::thread([&s] {
    s.http.listen_after_bind();
    const std::lock_guard lock(s.mutex);
    s.ended = true;
    s.ended_cv.notify_all();
  });
  // stop() before the accept loop has started would be lost (httplib only stops a running server).
  std::unique_lock lock(s.mutex);
  while (!s.http.is_running() && !s.ended) s.ended_cv.wait_for(lock, std::chrono::milliseconds(1));
}

ViewServer::~ViewServer() {
  impl_->http.stop();
  if (impl_->listener.joinable()) impl_->listener.join();
}

int ViewServer::port() const { return impl_->port; }

bool ViewServer::stop(std::chrono::milliseconds grace) {
  Impl& s = *impl_;
  s.http.stop();
  std::unique_lock lock(s.mutex);
  if (!s.ended_cv.wait_for(lock, grace, [&s] { return s.ended; })) return false;
  lock.unlock();
  s.listener.join();
  return true;
}

int serve_viewer(const ViewOptions& o) {
  install_interrupt_handler();
  auto server = std::make_unique<ViewServer>(o);
  std::cout << fmt::format("skyshield view: open http://127.0.0.1:{}/ to see {} (Ctrl-C stops)", server->port(), o.run_dir)
            << std::endl;
  while (!interrupt_requested()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  if (!server->stop(std::chrono::milliseconds(500))) {
    // A kept-alive browser connection (idle up to kKeepAliveTimeoutS), a half-sent request or a client
    // not reading holds a connection thread until its timeout: close them with the process.
    std::cout << "skyshield view: stopped (open connections closed)" << std::endl;
    std::fflush(nullptr);
    std::_Exit(0);
  }
  std::cout << fmt::format("skyshield view: stopped by {}", interrupt_signal_name()) << std::endl;
  return 0;
}

}  // namespace skyshield
