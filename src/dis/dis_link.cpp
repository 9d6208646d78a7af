#include "dis/dis_link.hpp"

#include <fmt/format.h>

#include <thread>

namespace skyshield::dis {

DisLink::DisLink(DisLinkOptions options, PacketSink sink, PacketSource source)
    : options_(options), source_(std::move(source)), listener_(options.identity) {
  if (sink)
    publisher_ = std::make_unique<Publisher>(options.identity, std::move(sink),
                                             [this](const std::string& name) { return listener_.entity_of(name); });
}

std::vector<ExternalUpdate> DisLink::poll(double t) {
  // At most kMaxPacketsPerPoll a step: a flood must not hold the step (and Ctrl-C) back.
  if (source_)
    for (int n = 0; n < kMaxPacketsPerPoll; ++n) {
      auto packet = source_();
      if (!packet) break;
      listener_.take(*packet, t);
    }
  return listener_.updates(t);
}

void DisLink::after_step(const LiveFrame& frame) {
  if (publisher_) publisher_->publish(frame);
  if (options_.time_scale <= 0.0) return;
  // Pace: simulated time t is due at start + t / scale on the wall clock.
  const auto now = std::chrono::steady_clock::now();
  if (!start_) start_ = now - std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                  std::chrono::duration<double>(frame.t / options_.time_scale));
  const auto due = *start_ + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                 std::chrono::duration<double>(frame.t / options_.time_scale));
  if (due > now) std::this_thread::sleep_until(due);
}

std::string DisLink::report() const {
  std::string out;
  if (publisher_) {
    const PublisherCounts& c = publisher_->counts();
    out += fmt::format("DIS sent: {} Entity State, {} Fire, {} Detonation PDUs for {} entities", c.entity_state, c.fire,
                       c.detonation, c.entities);
    if (c.unpublished > 0) out += fmt::format(" ({} entities beyond the 65,534 entity numbers not published)", c.unpublished);
    out += "\n";
  }
  if (options_.listening) {
    const ListenerCounts& c = listener_.counts();
    out += fmt::format(
        "DIS received: {} packets: {} entity states of {} external threats, {} malformed (dropped), {} other PDU types, "
        "{} of another exercise or our own, {} entities that are not threats, {} implausible states (dropped), "
        "{} PDUs of entities beyond the limit of {} (dropped)\n",
        c.packets, c.entity_states, c.entities, c.malformed, c.other_pdus, c.foreign, c.not_threats, c.implausible, c.over_limit,
        kMaxExternalEntities);
  }
  return out;
}

}  // namespace skyshield::dis
