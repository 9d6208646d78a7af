// Wireshark's DIS dissector reads our PDUs: a run publishes on UDP loopback while tshark captures
// (`tshark -i lo`); tshark's decoding of every captured packet (PDU type, entity ids, location)
// must equal what we sent. Skipped, saying so, where tshark is not installed (./test.sh installs
// Debian's tshark). Where tshark may not capture (no privileges), the test writes the datagrams it
// received into a pcap file itself and has tshark dissect that instead (printed as such).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "dis/codec.hpp"
#include "dis/dis_link.hpp"
#include "dis/udp.hpp"
#include "scenario/loader.hpp"
#include "sim/engine.hpp"

using namespace skyshield;
using namespace skyshield::dis;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string run_command(const std::string& cmd) {
  std::string out;
  FILE* f = popen(cmd.c_str(), "r");
  if (!f) return out;
  char buf[4096];
  while (std::size_t n = fread(buf, 1, sizeof buf, f)) out.append(buf, n);
  pclose(f);
  return out;
}

// A pcap file (LINKTYPE_RAW: IPv4 packets) of UDP datagrams from 127.0.0.1 to port.
void write_pcap(const fs::path& path, const std::vector<std::vector<std::uint8_t>>& datagrams, std::uint16_t port) {
  std::ofstream out(path, std::ios::binary);
  const auto u32 = [&](std::uint32_t v) { out.write(reinterpret_cast<const char*>(&v), 4); };  // pcap: host order
  const auto u16 = [&](std::uint16_t v) { out.write(reinterpret_cast<const char*>(&v), 2); };
  u32(0xa1b2c3d4);
  u16(2);
  u16(4);
  u32(0);
  u32(0);
  u32(65535);
  u32(101);  // LINKTYPE_RAW
  for (const auto& d : datagrams) {
    const std::size_t len = 20 + 8 + d.size();
    u32(0);
    u32(0);
    u32(static_cast<std::uint32_t>(len));
    u32(static_cast<std::uint32_t>(len));
    std::vector<std::uint8_t> ip = {0x45, 0, static_cast<std::uint8_t>(len >> 8), static_cast<std::uint8_t>(len), 0, 0, 0x40, 0,
                                    64,   17, 0, 0, 127, 0, 0, 1, 127, 0, 0, 1};
    std::uint32_t sum = 0;  // IPv4 header checksum
    for (std::size_t i = 0; i < 20; i += 2) sum += static_cast<std::uint32_t>(ip[i] << 8 | ip[i + 1]);
    while (sum >> 16) sum = (sum & 0xFFFF) + (sum >> 16);
    ip[10] = static_cast<std::uint8_t>(~sum >> 8);
    ip[11] = static_cast<std::uint8_t>(~sum);
    const std::size_t ulen = 8 + d.size();
    const std::vector<std::uint8_t> udp = {0x30, 0x39, static_cast<std::uint8_t>(port >> 8), static_cast<std::uint8_t>(port),
                                           static_cast<std::uint8_t>(ulen >> 8), static_cast<std::uint8_t>(ulen), 0, 0};
    out.write(reinterpret_cast<const char*>(ip.data()), 20);
    out.write(reinterpret_cast<const char*>(udp.data()), 8);
    out.write(reinterpret_cast<const char*>(d.data()), static_cast<std::streamsize>(d.size()));
  }
}

struct Sent {
  int type;
  std::vector<int> entities;   // entity numbers in the PDU's order (ES: 1; Fire/Detonation: firing, target, munition)
  double x, y, z;              // location
};

Sent summarize(const std::vector<std::uint8_t>& bytes) {
  const Decoded d = decode(bytes);
  Sent s{d.pdu_type, {}, 0, 0, 0};
  if (const auto* es = std::get_if<EntityStatePdu>(&d.pdu)) {
    s.entities = {es->entity.entity};
    s.x = es->location.x, s.y = es->location.y, s.z = es->location.z;
  } else if (const auto* f = std::get_if<FirePdu>(&d.pdu)) {
    s.entities = {f->firing.entity, f->target.entity, f->munition.entity};
    s.x = f->location.x, s.y = f->location.y, s.z = f->location.z;
  } else if (const auto* det = std::get_if<DetonationPdu>(&d.pdu)) {
    s.entities = {det->firing.entity, det->target.entity, det->munition.entity};
    s.x = det->location.x, s.y = det->location.y, s.z = det->location.z;
  }
  return s;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  out.push_back(cur);
  return out;
}

}  // namespace

TEST(DisWireshark, TsharkDissectsWhatWeSend) {
  if (std::system("command -v tshark > /dev/null 2>&1") != 0)
    GTEST_SKIP() << "tshark is not installed (Debian package tshark; ./test.sh installs it): Wireshark check skipped";
  const fs::path dir = fs::temp_directory_path() / ("skyshield_tshark_" + std::to_string(getpid()));
  fs::create_directories(dir);
  const fs::path pcap = dir / "dis.pcap", log = dir / "tshark.log";
  UdpReceiver rx(0);  // the port the run sends to, bound so that nothing bounces
  const std::uint16_t port = rx.port();

  // Live capture on loopback, if tshark may capture here (SKYSHIELD_TSHARK_NO_CAPTURE=1 tries the
  // fallback instead).
  const bool may_capture = std::getenv("SKYSHIELD_TSHARK_NO_CAPTURE") == nullptr;
  const pid_t pid = may_capture ? fork() : -1;
  if (pid == 0) {
    const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fd, 1);
    dup2(fd, 2);
    const std::string filter = "udp dst port " + std::to_string(port);
    execlp("tshark", "tshark", "-i", "lo", "-f", filter.c_str(), "-w", pcap.c_str(), "-q", static_cast<char*>(nullptr));
    _exit(127);
  }
  bool capturing = false;
  for (int i = 0; i < 300 && !capturing && pid > 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    capturing = slurp(log).find("Capturing on") != std::string::npos;
    if (waitpid(pid, nullptr, WNOHANG) == pid) break;  // tshark gave up (no privileges to capture)
  }
  if (capturing) std::this_thread::sleep_for(std::chrono::milliseconds(500));  // the filter is live once it says so; a margin

  // Publish a short run (the loader's minimal scenario), paced so that no capture buffer overflows.
  const Scenario s = load_scenario(SKYSHIELD_SOURCE_DIR "/tests/scenario/data/minimal.yaml");
  prepare_flyouts(s);
  UdpSender tx({"127.0.0.1", port});
  std::vector<std::vector<std::uint8_t>> sent, received;
  DisLink link({DisIdentity{}, 400.0, false},
               [&](std::span<const std::uint8_t> b) {
                 sent.emplace_back(b.begin(), b.end());
                 tx.send(b);
                 while (auto d = rx.receive()) received.push_back(std::move(*d));
               },
               {});
  RunOptions opt;
  opt.link = &link;
  opt.record_trajectories = false;
  run_scenario(s, opt);
  while (auto d = rx.receive_wait(0.2)) received.push_back(std::move(*d));
  if (capturing) std::this_thread::sleep_for(std::chrono::milliseconds(1000));
  if (pid > 0) {
    kill(pid, SIGINT);
    waitpid(pid, nullptr, 0);
  }
  ASSERT_FALSE(sent.empty());
  EXPECT_EQ(tx.failed(), 0);
  if (!capturing) {
    std::cout << "tshark could not capture on lo here (" << (pid > 0 ? slurp(log).substr(0, 200) : "not asked to")
              << "); dissecting a pcap written from the received datagrams instead\n";
    write_pcap(pcap, received, port);
  } else {
    std::cout << "live capture on lo by tshark\n";
  }

  const std::string fields = run_command(
      "tshark -r " + pcap.string() + " -d udp.port==" + std::to_string(port) +
      ",dis -T fields -E separator=';' -e dis.pdu_type -e dis.entity_id_entity -e dis.entity_location.x "
      "-e dis.entity_location.y -e dis.entity_location.z -e dis.fire.location.x -e dis.detonation.location.x 2>/dev/null");
  std::vector<std::string> rows;
  for (const std::string& r : split(fields, '\n'))
    if (!r.empty()) rows.push_back(r);
  // Loopback keeps the order; the capture must hold (nearly) every PDU sent, in order.
  ASSERT_GE(rows.size(), sent.size() * 99 / 100) << "tshark saw " << rows.size() << " of " << sent.size() << " PDUs";
  std::size_t k = 0;
  int types[4] = {0, 0, 0, 0};
  for (const std::string& row : rows) {
    const std::vector<std::string> f = split(row, ';');
    ASSERT_EQ(f.size(), 7u) << row;
    const int type = std::stoi(f[0]);
    std::vector<int> ids;
    for (const std::string& id : split(f[1], ',')) ids.push_back(std::stoi(id));
    // Find it among what we sent (skipping PDUs the capture missed).
    while (k < sent.size() && summarize(sent[k]).entities != ids) ++k;
    ASSERT_LT(k, sent.size()) << "tshark decoded a PDU we did not send: " << row;
    const Sent s = summarize(sent[k++]);
    EXPECT_EQ(type, s.type) << row;
    ASSERT_TRUE(type >= 1 && type <= 3) << row;
    ++types[type];
    const double x = std::stod(type == 1 ? f[2] : type == 2 ? f[5] : f[6]);
    EXPECT_NEAR(x, s.x, 1e-3) << row;
    if (type == 1) {
      EXPECT_NEAR(std::stod(f[3]), s.y, 1e-3) << row;
      EXPECT_NEAR(std::stod(f[4]), s.z, 1e-3) << row;
    }
  }
  EXPECT_GT(types[1], 0);
  EXPECT_GT(types[2], 0) << "a Fire PDU";
  EXPECT_GT(types[3], 0) << "a Detonation PDU";
  std::cout << "tshark decoded " << rows.size() << " of " << sent.size() << " PDUs: " << types[1] << " Entity State, "
            << types[2] << " Fire, " << types[3] << " Detonation\n";
  fs::remove_all(dir);
}
