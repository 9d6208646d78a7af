#pragma once
// `skyshield run` options for DIS (--dis, --dis-listen, --realtime, --time-scale, --dis-exercise,
// --dis-site, --dis-application) and the session they open: sockets plus the run's DIS link.
#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "dis/dis_link.hpp"
#include "dis/udp.hpp"

namespace skyshield {

struct DisCli {
  std::string send_to;       // HOST:PORT, empty = no output
  std::string listen;        // PORT (on 127.0.0.1) or ADDRESS:PORT; empty = not listening
  bool realtime = false;
  double time_scale = 0.0;
  int exercise = 1, site = 1, application = 1;
  void add_to(CLI::App& run);
  bool active() const { return !send_to.empty() || !listen.empty(); }
};

class DisSession {
 public:
  explicit DisSession(const DisCli& cli);
  dis::DisLink& link() { return *link_; }

 private:
  std::unique_ptr<dis::UdpSender> sender_;
  std::unique_ptr<dis::UdpReceiver> receiver_;
  std::unique_ptr<dis::DisLink> link_;
};

}  // namespace skyshield
