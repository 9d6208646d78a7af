#include "dis/udp.hpp"

#include <arpa/inet.h>
#include <fmt/format.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/error.hpp"

namespace skyshield::dis {

Endpoint parse_endpoint(const std::string& text, const std::string& option) {
  const auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size())
    throw InputError(fmt::format("{}: '{}' is not HOST:PORT (e.g. 127.0.0.1:3000)", option, text));
  Endpoint e;
  e.host = text.substr(0, colon);
  const std::string port = text.substr(colon + 1);
  long p = 0;
  for (char c : port) {
    if (c < '0' || c > '9' || p > 65535) throw InputError(fmt::format("{}: port '{}' is not a number from 1 to 65535", option, port));
    p = p * 10 + (c - '0');
  }
  if (p < 1 || p > 65535) throw InputError(fmt::format("{}: port '{}' is not a number from 1 to 65535", option, port));
  e.port = static_cast<std::uint16_t>(p);
  return e;
}

UdpSender::UdpSender(const Endpoint& to) {
  addrinfo hints{};
  hints.ai_family = AF_INET;
  hints.ai_socktype = SOCK_DGRAM;
  addrinfo* res = nullptr;
  if (getaddrinfo(to.host.c_str(), nullptr, &hints, &res) != 0 || !res)
    throw InputError(fmt::format("--dis: cannot resolve host '{}'", to.host));
  sockaddr_in addr{};
  std::memcpy(&addr, res->ai_addr, sizeof(addr));
  freeaddrinfo(res);
  addr.sin_port = htons(to.port);
  fd_ = socket(AF_INET, SOCK_DGRAM, 0);
  if (fd_ < 0) throw InputError(fmt::format("--dis: cannot open a UDP socket: {}", std::strerror(errno)));
  const int yes = 1;
  setsockopt(fd_, SOL_SOCKET, SO_BROADCAST, &yes, sizeof(yes));  // DIS is often broadcast
  address_.resize(sizeof(addr));
  std::memcpy(address_.data(), &addr, sizeof(addr));
}

UdpSender::~UdpSender() {
  if (fd_ >= 0) close(fd_);
}

void UdpSender::send(std::span<const std::uint8_t> datagram) {
  const ssize_t n = sendto(fd_, datagram.data(), datagram.size(), 0, reinterpret_cast<const sockaddr*>(address_.data()),
                           static_cast<socklen_t>(address_.size()));
  if (n == static_cast<ssize_t>(datagram.size())) ++sent_;
  else ++failed_;
}

UdpReceiver::UdpReceiver(std::uint16_t port, const std::string& address) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  if (inet_pton(AF_INET, address.c_str(), &addr.sin_addr) != 1)
    throw InputError(fmt::format("--dis-listen: '{}' is not a dotted IPv4 address (e.g. 127.0.0.1, or 0.0.0.0 for every interface)", address));
  addr.sin_port = htons(port);
  fd_ = socket(AF_INET, SOCK_DGRAM, 0);
  if (fd_ < 0) throw InputError(fmt::format("--dis-listen: cannot open a UDP socket: {}", std::strerror(errno)));
  const int yes = 1;
  setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  const int buffer = 4 << 20;  // room for bursts while a step computes
  setsockopt(fd_, SOL_SOCKET, SO_RCVBUF, &buffer, sizeof(buffer));
  if (bind(fd_, reinterpret_cast<const sockaddr*>(&addr), sizeof(addr)) != 0) {
    const std::string why = std::strerror(errno);
    close(fd_);
    throw InputError(fmt::format("--dis-listen: cannot listen on UDP {}:{}: {}", address, port, why));
  }
  socklen_t len = sizeof(addr);
  getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  char text[INET_ADDRSTRLEN] = {};
  inet_ntop(AF_INET, &addr.sin_addr, text, sizeof(text));
  address_ = text;
}

UdpReceiver::~UdpReceiver() {
  if (fd_ >= 0) close(fd_);
}

std::optional<std::vector<std::uint8_t>> UdpReceiver::receive() { return receive_wait(0.0); }

std::optional<std::vector<std::uint8_t>> UdpReceiver::receive_wait(double timeout_s) {
  pollfd p{fd_, POLLIN, 0};
  if (poll(&p, 1, static_cast<int>(timeout_s * 1e3)) <= 0 || !(p.revents & POLLIN)) return std::nullopt;
  std::vector<std::uint8_t> buf(65536);
  const ssize_t n = recv(fd_, buf.data(), buf.size(), 0);
  if (n < 0) return std::nullopt;
  buf.resize(static_cast<std::size_t>(n));
  return buf;
}

}  // namespace skyshield::dis
