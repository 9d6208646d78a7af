#pragma once
// The DIS link of a run (`skyshield run --dis HOST:PORT --dis-listen PORT`): publishes the run
// (dis/publisher.hpp), takes threats from other simulators (dis/listener.hpp) and paces the run to
// the wall clock when asked (--realtime, --time-scale X). Packets go through a sink and come from a
// source so that tests can run it without a network.
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dis/listener.hpp"
#include "dis/publisher.hpp"
#include "sim/live_link.hpp"

namespace skyshield::dis {

using PacketSource = std::function<std::optional<std::vector<std::uint8_t>>()>;  // nullopt: none waiting

struct DisLinkOptions {
  DisIdentity identity;
  double time_scale = 0.0;   // simulated seconds per wall second; 0 = as fast as it runs
  bool listening = false;    // keep the run open to its end for threats coming in
};

class DisLink : public LiveLink {
 public:
  // sink may be empty (listen only), source may be empty (publish only).
  DisLink(DisLinkOptions options, PacketSink sink, PacketSource source);
  std::vector<ExternalUpdate> poll(double t) override;
  void after_step(const LiveFrame& frame) override;
  bool keeps_run_open() const override { return options_.listening; }

  const PublisherCounts* published() const { return publisher_ ? &publisher_->counts() : nullptr; }
  const Publisher* publisher() const { return publisher_.get(); }
  const ListenerCounts& received() const { return listener_.counts(); }
  // One line each for what was sent and received, for the end of a run.
  std::string report() const;

 private:
  DisLinkOptions options_;
  PacketSource source_;
  Listener listener_;
  std::unique_ptr<Publisher> publisher_;
  std::optional<std::chrono::steady_clock::time_point> start_;
};

}  // namespace skyshield::dis
