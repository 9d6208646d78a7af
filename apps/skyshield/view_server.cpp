#include "view_server.hpp"

#include <arpa/inet.h>
#include <fmt/format.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "core/error.hpp"
#include "core/interrupt.hpp"

namespace skyshield {

namespace {

namespace fs = std::filesystem;

std::string content_type(const fs::path& p) {
  static const std::map<std::string, std::string> types = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript"}, {".mjs", "text/javascript"},
      {".css", "text/css"}, {".json", "application/json"}, {".czml", "application/json"}, {".csv", "text/csv"},
      {".svg", "image/svg+xml"}, {".png", "image/png"}, {".jpg", "image/jpeg"}, {".xml", "application/xml"},
      {".wasm", "application/wasm"}, {".glb", "model/gltf-binary"}, {".ktx2", "image/ktx2"}, {".woff", "font/woff"},
      {".woff2", "font/woff2"}, {".txt", "text/plain"}};
  const auto it = types.find(p.extension().string());
  return it == types.end() ? "application/octet-stream" : it->second;
}

std::string url_decode(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out.push_back(static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

void send_all(int fd, const std::string& data) {
  std::size_t sent = 0;
  while (sent < data.size()) {
    const ssize_t n = send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return;
    sent += static_cast<std::size_t>(n);
  }
}

void answer(int fd, const ViewOptions& o) {
  std::string request;
  char buf[4096];
  while (request.find("\r\n\r\n") == std::string::npos && request.size() < 65536) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, 5000) <= 0) return;
    const ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0) return;
    request.append(buf, static_cast<std::size_t>(n));
  }
  std::istringstream line(request.substr(0, request.find("\r\n")));
  std::string method, target;
  line >> method >> target;
  if (method != "GET" && method != "HEAD") {
    send_all(fd, "HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    return;
  }
  const std::string file = resolve_request(target, o.viewer_dir, o.run_dir);
  std::ifstream in(file, std::ios::binary);
  if (file.empty() || !in) {
    const std::string body = "not found: " + target + "\n";
    send_all(fd, fmt::format("HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{}",
                             body.size(), body));
    return;
  }
  std::ostringstream content;
  content << in.rdbuf();
  const std::string body = content.str();
  send_all(fd, fmt::format("HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\n"
                           "Connection: close\r\n\r\n",
                           content_type(file), body.size()));
  if (method == "GET") send_all(fd, body);
}

}  // namespace

std::string resolve_request(const std::string& target, const std::string& viewer_dir, const std::string& run_dir) {
  std::string path = url_decode(target.substr(0, target.find_first_of("?#")));
  if (path.empty() || path[0] != '/') return "";
  for (const auto& part : fs::path(path))
    if (part == "..") return "";  // never outside the two trees
  if (path == "/") path = "/index.html";
  if (path.rfind("/run/", 0) == 0) return (fs::path(run_dir) / path.substr(5)).string();
  return (fs::path(viewer_dir) / path.substr(1)).string();
}

int serve_viewer(const ViewOptions& o) {
  if (!fs::is_regular_file(fs::path(o.run_dir) / "replay.czml"))
    throw InputError(fmt::format("view: no replay.czml in {} (write one: skyshield run SCENARIO --out {})", o.run_dir, o.run_dir));
  if (!fs::is_regular_file(fs::path(o.viewer_dir) / "index.html"))
    throw InputError(fmt::format("view: the viewer is not built in {} (build it: scripts/build-viewer.sh; ./test.sh and ./run.sh do)",
                                 o.viewer_dir));
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  const int yes = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);  // localhost only
  addr.sin_port = htons(static_cast<std::uint16_t>(o.port));
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || listen(fd, 64) != 0) {
    const std::string why = std::strerror(errno);
    close(fd);
    throw InputError(fmt::format("view: cannot listen on 127.0.0.1:{}: {} (try --port 0 for any free port)", o.port, why));
  }
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  std::cout << fmt::format("skyshield view: open http://127.0.0.1:{}/ to see {} (Ctrl-C stops)", ntohs(addr.sin_port), o.run_dir)
            << std::endl;
  install_interrupt_handler();
  while (!interrupt_requested()) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, 200) <= 0) continue;
    const int client = accept(fd, nullptr, nullptr);
    if (client < 0) continue;
    answer(client, o);
    close(client);
  }
  close(fd);
  std::cerr << fmt::format("skyshield view: stopped by {}\n", interrupt_signal_name());
  return 0;
}

}  // namespace skyshield
