#pragma once
// Test helpers for the replay server: raw HTTP/1.1 over a loopback socket (so that any bytes, any
// Host header and half-sent requests can be sent), and the server as a child process.
#include <sys/types.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace skyshield::test {

struct RawResponse {
  int status = 0;                              // 0: no status line (connection failed or timed out)
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;                            // as sent (still compressed when Content-Encoding says so)
  // A header's value ("" when absent); `name` lower-case.
  std::string header(const std::string& name) const {
    const auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
};

// Connects to 127.0.0.1:port with send/receive timeouts of `timeout_s` (generous: these bound a broken
// server, they are not what is tested); -1 on failure.
int connect_loopback(int port, int timeout_s = 30);
// Sends all of `data`; false on error.
bool send_all(int fd, const std::string& data);
// Reads one response (until Content-Length bytes, or the end of the connection; HEAD: headers only).
RawResponse read_response(int fd, bool head = false);
// One request on its own connection: `request` is sent as is.
RawResponse http_exchange(int port, const std::string& request, bool head = false);
// A well-formed GET with the given Host header and Connection: close.
std::string get_request(const std::string& target, const std::string& host, const std::string& extra_headers = "");

// Runs `binary args...` to its end, bounded by timeout_s (then SIGKILL: nullopt); its exit status, and
// its standard output and error in *output.
std::optional<int> run_to_exit(const std::string& binary, const std::vector<std::string>& args, int timeout_s,
                               const std::string& log_path, std::string* output);

// `skyshield view RUN_DIR --viewer VIEWER_DIR --port 0` as a child; its port is read from the URL it prints.
class ViewProcess {
 public:
  // Its standard output goes to log_path.
  ViewProcess(const std::string& binary, const std::string& run_dir, const std::string& viewer_dir, const std::string& log_path);
  ~ViewProcess();  // SIGKILL if still running
  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  // Sends SIGINT and waits up to `timeout_s` for the exit; its exit status, or nullopt if still running.
  std::optional<int> interrupt_and_wait(int timeout_s);
  // The peak resident set size (VmHWM) of the server, kB, from /proc.
  long peak_rss_kb() const;

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace skyshield::test
