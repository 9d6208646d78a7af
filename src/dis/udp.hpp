#pragma once
// UDP datagrams for DIS: a sender to HOST:PORT (unicast or broadcast) and a non-blocking receiver
// bound to a port. POSIX sockets; errors in the address are InputErrors naming the option.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace skyshield::dis {

struct Endpoint {
  std::string host;
  std::uint16_t port = 0;
};
// "HOST:PORT" (HOST a dotted IPv4 address or a name; PORT 1..65535). `option` names the command
// line option in the error message.
Endpoint parse_endpoint(const std::string& text, const std::string& option);

class UdpSender {
 public:
  explicit UdpSender(const Endpoint& to);
  ~UdpSender();
  UdpSender(const UdpSender&) = delete;
  UdpSender& operator=(const UdpSender&) = delete;
  // Sends one datagram; a failure (no route, buffer full) is counted, never thrown.
  void send(std::span<const std::uint8_t> datagram);
  long long sent() const { return sent_; }
  long long failed() const { return failed_; }

 private:
  int fd_ = -1;
  std::vector<std::uint8_t> address_;  // sockaddr_in
  long long sent_ = 0, failed_ = 0;
};

class UdpReceiver {
 public:
  // Binds address:port, the loopback interface unless another IPv4 address is given ("0.0.0.0":
  // every interface); port 0: any free port, see port(). Throws InputError when it cannot.
  explicit UdpReceiver(std::uint16_t port, const std::string& address = "127.0.0.1");
  ~UdpReceiver();
  UdpReceiver(const UdpReceiver&) = delete;
  UdpReceiver& operator=(const UdpReceiver&) = delete;
  // The next waiting datagram, or nullopt when none is (never blocks).
  std::optional<std::vector<std::uint8_t>> receive();
  // Waits up to timeout_s for a datagram.
  std::optional<std::vector<std::uint8_t>> receive_wait(double timeout_s);
  std::uint16_t port() const { return port_; }
  const std::string& address() const { return address_; }   // the address bound, dotted

 private:
  int fd_ = -1;
  std::uint16_t port_ = 0;
  std::string address_;
};

}  // namespace skyshield::dis
