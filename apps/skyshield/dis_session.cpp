#include "dis_session.hpp"

#include <fmt/format.h>

#include "core/error.hpp"
#include "dis/listener.hpp"

namespace skyshield {

void DisCli::add_to(CLI::App& run) {
  run.add_option("--dis", send_to, "Publish the run on DIS (IEEE 1278.1-2012) to HOST:PORT over UDP (broadcast addresses work)");
  run.add_option("--dis-listen", listen,
                 fmt::format("Take Entity State PDUs on UDP PORT of 127.0.0.1, or on ADDRESS:PORT (0.0.0.0:PORT: every interface): "
                             "air platforms and missiles become threats (at most {} entities)",
                             dis::kMaxExternalEntities));
  auto* rt = run.add_flag("--realtime", realtime, "Pace the run to the wall clock (the default with --dis-listen)");
  run.add_option("--time-scale", time_scale, "Pace the run at X simulated seconds per wall second")
      ->check(CLI::Range(0.001, 1e6))
      ->excludes(rt);
  run.add_option("--dis-exercise", exercise, "DIS exercise id")->check(CLI::Range(1, 255))->capture_default_str();
  run.add_option("--dis-site", site, "DIS site number of this simulation")->check(CLI::Range(1, 65534))->capture_default_str();
  run.add_option("--dis-application", application, "DIS application number of this simulation")
      ->check(CLI::Range(1, 65534))
      ->capture_default_str();
}

DisSession::DisSession(const DisCli& cli) {
  if ((cli.realtime || cli.time_scale > 0.0) && !cli.active())
    throw InputError("--realtime and --time-scale pace a DIS run: give --dis HOST:PORT or --dis-listen PORT too");
  dis::DisLinkOptions opt;
  opt.identity = {static_cast<std::uint8_t>(cli.exercise), static_cast<std::uint16_t>(cli.site),
                  static_cast<std::uint16_t>(cli.application)};
  opt.listening = !cli.listen.empty();
  opt.time_scale = cli.realtime ? 1.0 : cli.time_scale;
  if (opt.listening && opt.time_scale <= 0.0) opt.time_scale = 1.0;  // other simulators fly in real time
  dis::PacketSink sink;
  dis::PacketSource source;
  if (!cli.send_to.empty()) {
    sender_ = std::make_unique<dis::UdpSender>(dis::parse_endpoint(cli.send_to, "--dis"));
    sink = [s = sender_.get()](std::span<const std::uint8_t> p) { s->send(p); };
  }
  if (opt.listening) {
    // PORT alone listens on the loopback interface only: other hosts must be asked for.
    const bool has_address = cli.listen.find(':') != std::string::npos;
    const dis::Endpoint at = dis::parse_endpoint(has_address ? cli.listen : "127.0.0.1:" + cli.listen, "--dis-listen");
    receiver_ = std::make_unique<dis::UdpReceiver>(at.port, at.host);
    source = [r = receiver_.get()] { return r->receive(); };
  }
  link_ = std::make_unique<dis::DisLink>(opt, std::move(sink), std::move(source));
}

}  // namespace skyshield
