#include "raw_http.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <fstream>
#include <iterator>
#include <regex>
#include <stdexcept>
#include <thread>

namespace skyshield::test {

int connect_loopback(int port, int timeout_s) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  timeval tv{timeout_s, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

bool send_all(int fd, const std::string& data) {
  std::size_t sent = 0;
  while (sent < data.size()) {
    const ssize_t n = send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return false;
    sent += static_cast<std::size_t>(n);
  }
  return true;
}

RawResponse read_response(int fd, bool head) {
  RawResponse r;
  std::string in;
  char buf[65536];
  std::size_t header_end = std::string::npos;
  std::size_t want = std::string::npos;  // total bytes of the response, once known
  for (;;) {
    if (header_end == std::string::npos && (header_end = in.find("\r\n\r\n")) != std::string::npos) {
      header_end += 4;
      std::size_t line_end = in.find("\r\n");
      const std::string status_line = in.substr(0, line_end);
      if (status_line.rfind("HTTP/1.", 0) == 0 && status_line.size() >= 12) r.status = std::atoi(status_line.c_str() + 9);
      while (line_end + 2 < header_end - 2) {
        const std::size_t next = in.find("\r\n", line_end + 2);
        const std::string line = in.substr(line_end + 2, next - line_end - 2);
        const std::size_t colon = line.find(':');
        if (colon != std::string::npos) {
          std::string name = line.substr(0, colon);
          std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
          std::string value = line.substr(colon + 1);
          value.erase(0, value.find_first_not_of(' '));
          r.headers[name] = value;
        }
        line_end = next;
      }
      if (head) want = header_end;
      else if (r.headers.count("content-length")) want = header_end + std::stoull(r.headers["content-length"]);
    }
    if (want != std::string::npos && in.size() >= want) break;
    const ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;  // end of the connection, or the generous timeout
    in.append(buf, static_cast<std::size_t>(n));
  }
  if (header_end != std::string::npos) r.body = in.substr(header_end, want == std::string::npos ? std::string::npos : want - header_end);
  return r;
}

RawResponse http_exchange(int port, const std::string& request, bool head) {
  const int fd = connect_loopback(port);
  if (fd < 0) return {};
  RawResponse r;
  if (send_all(fd, request)) r = read_response(fd, head);
  close(fd);
  return r;
}

std::string get_request(const std::string& target, const std::string& host, const std::string& extra_headers) {
  return "GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\n" + extra_headers + "Connection: close\r\n\r\n";
}

std::optional<int> run_to_exit(const std::string& binary, const std::vector<std::string>& args, int timeout_s,
                               const std::string& log_path, std::string* output) {
  const pid_t pid = fork();
  if (pid == 0) {
    const int log = open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(log, STDOUT_FILENO);
    dup2(log, STDERR_FILENO);
    close(log);
    std::vector<char*> argv{const_cast<char*>(binary.c_str())};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  std::optional<int> result;
  for (int i = 0; i < timeout_s * 20 && !result; ++i) {
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) result = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    else std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  if (!result) {
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
  }
  std::ifstream in(log_path);
  output->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return result;
}

ViewProcess::ViewProcess(const std::string& binary, const std::string& run_dir, const std::string& viewer_dir,
                         const std::string& log_path) {
  pid_ = fork();
  if (pid_ == 0) {
    const int log = open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(log, STDOUT_FILENO);
    close(log);
    execl(binary.c_str(), binary.c_str(), "view", run_dir.c_str(), "--viewer", viewer_dir.c_str(), "--port", "0",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  // Its first line names the port; 60 s bounds a server that never starts (not a timing assertion).
  const std::regex url(R"(http://127\.0\.0\.1:(\d+)/)");
  std::smatch m;
  std::string text;
  for (int waited = 0; waited < 600; ++waited) {
    std::ifstream in(log_path);
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (std::regex_search(text, m, url) || waitpid(pid_, nullptr, WNOHANG) == pid_) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  if (!std::regex_search(text, m, url)) throw std::runtime_error("skyshield view printed no URL: " + text);
  port_ = std::stoi(m[1]);
}

ViewProcess::~ViewProcess() {
  if (pid_ > 0 && waitpid(pid_, nullptr, WNOHANG) == 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
}

std::optional<int> ViewProcess::interrupt_and_wait(int timeout_s) {
  kill(pid_, SIGINT);
  for (int i = 0; i < timeout_s * 20; ++i) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return std::nullopt;
}

long ViewProcess::peak_rss_kb() const {
  std::ifstream status("/proc/" + std::to_string(pid_) + "/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  return -1;
}

}  // namespace skyshield::test
