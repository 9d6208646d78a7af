// The replay server (`skyshield view`) over raw HTTP on a loopback socket, started as a child process
// (the CLI as shipped). Every case of issue 27 is here: paths out of the served folders (absolute,
// encoded, dot-dots, symlinks), a FIFO and a device, a foreign Host (DNS rebinding), a slow client
// among many, Ctrl-C while a client stalls, a big file (streamed, not read whole), gzip, ranges.
// No timing assertions: the socket timeouts (30 s) and waits (20 s, 60 s) only bound a broken server.
// SKYSHIELD_VIEW_BIN=path runs these against another build of the CLI (how they were checked to fail
// on the old hand-written server).
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <thread>
#include <vector>

#include "raw_http.hpp"
#include "served_tree.hpp"

namespace skyshield::test {
namespace {

std::string binary() {
  const char* env = std::getenv("SKYSHIELD_VIEW_BIN");
  return env && *env ? env : SKYSHIELD_BIN;
}

class ViewServerHttp : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tree = std::make_unique<ServedTree>("skyshield-view-http");
    server = std::make_unique<ViewProcess>(binary(), tree->run.string(), tree->viewer.string(),
                                           (tree->base / "view.log").string());
  }
  static void TearDownTestSuite() {
    server.reset();
    tree.reset();
  }
  static std::string host() { return "127.0.0.1:" + std::to_string(server->port()); }
  static RawResponse get(const std::string& target, const std::string& extra = "") {
    return http_exchange(server->port(), get_request(target, host(), extra));
  }
  static inline std::unique_ptr<ServedTree> tree;
  static inline std::unique_ptr<ViewProcess> server;
};

TEST_F(ViewServerHttp, ServesTheViewerAndTheRunWithASecurityPolicy) {
  const RawResponse index = get("/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.body, "<!DOCTYPE html><title>viewer index</title>");
  EXPECT_NE(index.header("content-security-policy").find("default-src 'self'"), std::string::npos);
  EXPECT_NE(index.header("content-security-policy").find("object-src 'none'"), std::string::npos);
  EXPECT_EQ(index.header("x-content-type-options"), "nosniff");
  const RawResponse summary = get("/run/summary.json");
  EXPECT_EQ(summary.status, 200);
  EXPECT_EQ(summary.body, "{\"seed\": 1, \"layers\": [\"SR\"]}");
  EXPECT_EQ(get("/cesium/Cesium.js").body, "var Cesium = {};\n");
  EXPECT_EQ(get("/run/inner.czml").status, 200) << "a symlink that stays inside the run folder is served";
  EXPECT_EQ(get("/run/summary.json?x=1").status, 200);
}

TEST_F(ViewServerHttp, RefusesEveryPathOutsideTheTwoFolders) {
  for (const std::string target :
       {"//etc/passwd", "/%2fetc/shadow", "/%2Fetc/passwd", "/run//etc/passwd", "/run/%2fetc/passwd", "//proc/self/environ",
        "/../", "/..", "/run/..", "/../secret.txt", "/run/../../secret.txt", "/run/../../../../../etc/passwd",
        "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/%2e%2e/etc/passwd", "/run/%2e%2e/secret.txt", "/..%2fsecret.txt",
        "/run%2f..%2f..%2fsecret.txt", "/run/..%2f..%2f..%2fetc%2fpasswd", "/./../secret.txt", "/run/./../secret.txt",
        "/run/escape", "/run/up/secret.txt", "/run/up/run2/secret.txt", "/run/sibling", "/run/up/../secret.txt",
        "/run/", "/run", "/cesium", "/run/summary.json%00.png", "/nonexistent.html", "etc/passwd", "*"}) {
    SCOPED_TRACE(target);
    const RawResponse r = get(target);
    EXPECT_TRUE(r.status == 404 || r.status == 400) << "status " << r.status;
    EXPECT_EQ(r.body.find(kSecret), std::string::npos);
    EXPECT_EQ(r.body.find("root:"), std::string::npos);
    EXPECT_EQ(r.body.find("PATH="), std::string::npos);
  }
}

TEST_F(ViewServerHttp, RefusesAFifoAndDevicesAndKeepsServing) {
  // The old server blocked for ever opening the FIFO, and read /dev/zero until memory ran out.
  for (const std::string target : {"/run/pipe.csv", "//dev/zero", "/run/zero", "/run/up/../../dev/zero"}) {
    SCOPED_TRACE(target);
    EXPECT_EQ(get(target).status, 404);
  }
  EXPECT_EQ(get("/run/summary.json").status, 200);
}

TEST_F(ViewServerHttp, RefusesAForeignHostHeader) {
  const int port = server->port();
  const std::string p = std::to_string(port);
  for (const std::string& bad : std::vector<std::string>{"evil.example", "evil.example:" + p, "127.0.0.1.evil.example:" + p, "localhost.:" + p,
                                "127.0.0.1:" + std::to_string(port + 1), "127.0.0.1:" + p + "x", "[::1]:" + p, ""}) {
    SCOPED_TRACE("Host: " + bad);
    const RawResponse r = http_exchange(port, get_request("/run/summary.json", bad));
    EXPECT_EQ(r.status, 403);
    EXPECT_EQ(r.body.find("seed"), std::string::npos);
  }
  EXPECT_EQ(http_exchange(port, "GET /run/summary.json HTTP/1.0\r\n\r\n").status, 403) << "no Host at all";
  for (const std::string& good : std::vector<std::string>{"127.0.0.1:" + p, "localhost:" + p, "LocalHost:" + p, "127.0.0.1", "localhost"}) {
    SCOPED_TRACE("Host: " + good);
    EXPECT_EQ(http_exchange(port, get_request("/run/summary.json", good)).status, 200);
  }
}

TEST_F(ViewServerHttp, AnswersOnlyGetAndHead) {
  const RawResponse post = http_exchange(server->port(), "POST /run/summary.json HTTP/1.1\r\nHost: " + host() +
                                                        "\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
  EXPECT_EQ(post.status, 405);
  const RawResponse head = http_exchange(server->port(), "HEAD /run/summary.json HTTP/1.1\r\nHost: " + host() + "\r\nConnection: close\r\n\r\n", true);
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.header("content-length"), "29");  // the file's size; no body follows
}

TEST_F(ViewServerHttp, ChecksByteRanges) {
  const RawResponse part = get("/run/summary.json", "Range: bytes=2-5\r\n");
  EXPECT_EQ(part.status, 206);
  EXPECT_EQ(part.body, "seed");
  EXPECT_EQ(get("/run/summary.json", "Range: bytes=-4\r\n").body, "R\"]}");
  EXPECT_EQ(get("/run/summary.json", "Range: bytes=29-\r\n").status, 416) << "starts past the end";
  EXPECT_EQ(get("/run/summary.json", "Range: bytes=0-1000\r\n").status, 416) << "ends past the end";
  EXPECT_EQ(get("/run/summary.json", "Range: bytes=0-1,2-3\r\n").status, 416) << "several ranges";
}

TEST_F(ViewServerHttp, SendsThePrecompressedTwinToGzipClients) {
  const RawResponse gz = get("/app.js", "Accept-Encoding: gzip, deflate, br\r\n");
  EXPECT_EQ(gz.status, 200);
  EXPECT_EQ(gz.header("content-encoding"), "gzip");
  EXPECT_LT(gz.body.size(), tree->app_js.size() / 4);
  EXPECT_EQ(gunzip(gz.body), tree->app_js);
  EXPECT_EQ(get("/app.js").body, tree->app_js) << "no Accept-Encoding: identity";
  const RawResponse index = get("/", "Accept-Encoding: gzip\r\n");  // "/" is index.html, and so is its twin
  EXPECT_EQ(index.header("content-encoding"), "gzip");
  EXPECT_EQ(gunzip(index.body), "<!DOCTYPE html><title>viewer index</title>");
  const RawResponse refused = get("/app.js", "Accept-Encoding: gzip;q=0, br\r\n");
  EXPECT_EQ(refused.headers.count("content-encoding"), 0u);
  EXPECT_EQ(refused.body, tree->app_js);
}

TEST_F(ViewServerHttp, StreamsABigFileWithoutReadingItWhole) {
  const RawResponse big = get("/run/big.bin");
  EXPECT_EQ(big.status, 200);
  EXPECT_EQ(big.body.size(), kBigFileBytes);
  const long peak_kb = server->peak_rss_kb();
  EXPECT_GT(peak_kb, 0);
  std::cout << "server peak RSS after sending the 128 MiB file: " << peak_kb << " kB\n";
  EXPECT_LT(peak_kb, 64 * 1024) << "the server's peak memory holds the 128 MiB file";
}

// Many clients at once while one trickles its request a byte at a time: every one is answered while the
// slow one is still connected (the old single-threaded server waited on the slow one first).
TEST_F(ViewServerHttp, ServesManyClientsWhileOneIsSlow) {
  const int slow = connect_loopback(server->port());
  ASSERT_GE(slow, 0);
  ASSERT_TRUE(send_all(slow, "GET /run/summary.json HTTP/1.1\r\nHost: " + host() + "\r\nX-Slow: "));
  enum : int { kRunning, kOthersDone, kSlowGaveUp };
  std::atomic<int> state{kRunning};
  std::thread trickle([&] {
    for (int i = 0; i < 120 && state == kRunning; ++i) {  // at most 60 s
      send_all(slow, "a");
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
    int running = kRunning;
    state.compare_exchange_strong(running, kSlowGaveUp);
  });
  constexpr int kClients = 24;
  std::vector<int> status(kClients, 0);
  std::vector<std::thread> clients;
  for (int i = 0; i < kClients; ++i) clients.emplace_back([&, i] { status[i] = get("/run/summary.json").status; });
  for (auto& c : clients) c.join();
  int running = kRunning;
  const bool answered_while_slow = state.compare_exchange_strong(running, kOthersDone);
  trickle.join();
  close(slow);
  for (int i = 0; i < kClients; ++i) EXPECT_EQ(status[i], 200) << "client " << i;
  EXPECT_TRUE(answered_while_slow) << "the others were answered only after the slow client had given up";
}

// A second server on a port in use fails with a clear error (httplib's default SO_REUSEPORT let it share).
TEST_F(ViewServerHttp, ASecondServerOnTheSamePortFails) {
  std::string output;
  const std::optional<int> status =
      run_to_exit(binary(), {"view", tree->run.string(), "--viewer", tree->viewer.string(), "--port", std::to_string(server->port())},
                  20, (tree->base / "second.log").string(), &output);
  ASSERT_TRUE(status.has_value()) << "the second server is still running after 20 s: " << output;
  EXPECT_EQ(*status, 2);
  EXPECT_NE(output.find("cannot listen on 127.0.0.1:" + std::to_string(server->port())), std::string::npos) << output;
}

// Ctrl-C stops the server even while one client trickles a request and another does not read its file.
TEST(ViewServerStop, InterruptStopsItWhileClientsStall) {
  ServedTree tree("skyshield-view-stop");
  ViewProcess server(binary(), tree.run.string(), tree.viewer.string(), (tree.base / "view.log").string());
  const std::string host = "127.0.0.1:" + std::to_string(server.port());
  const int stalled = connect_loopback(server.port());
  ASSERT_TRUE(send_all(stalled, get_request("/run/big.bin", host)));  // and never reads it
  const int slow = connect_loopback(server.port());
  ASSERT_TRUE(send_all(slow, "GET /run/summary.json HTTP/1.1\r\nHost: " + host + "\r\nX-Slow: "));
  std::atomic<bool> stop_trickling{false};
  std::thread trickle([&] {
    for (int i = 0; i < 60 && !stop_trickling; ++i) {
      send_all(slow, "a");
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // not an assertion: lets the trickle begin
  const std::optional<int> exit_status = server.interrupt_and_wait(20);
  stop_trickling = true;
  trickle.join();
  close(slow);
  close(stalled);
  ASSERT_TRUE(exit_status.has_value()) << "still running 20 s after SIGINT";
  EXPECT_EQ(*exit_status, 0);
}

}  // namespace
}  // namespace skyshield::test
