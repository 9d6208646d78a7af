#include "core/interrupt.hpp"

#include <atomic>
#include <csignal>

namespace skyshield {

namespace {
std::atomic<int> g_count{0};    // signals received
std::atomic<int> g_first{0};    // the first one's number
std::atomic<int> g_deferred{0}; // live TerminationDeferred scopes
static_assert(std::atomic<int>::is_always_lock_free, "the counters are changed from a signal handler");

extern "C" void on_interrupt(int sig) {
  int none = 0;
  g_first.compare_exchange_strong(none, sig);
  const int n = g_count.fetch_add(1) + 1;
  if (n >= 2 && g_deferred.load() == 0) {
    // The second one ends the process, as if no handler were installed (the signal is blocked
    // while this handler runs, so it is delivered as soon as the handler returns).
    std::signal(sig, SIG_DFL);
    std::raise(sig);
  }
}
}  // namespace

void install_interrupt_handler() {
  struct sigaction sa {};
  sa.sa_handler = on_interrupt;
  sigemptyset(&sa.sa_mask);
  sigaddset(&sa.sa_mask, SIGINT);
  sigaddset(&sa.sa_mask, SIGTERM);
  sa.sa_flags = SA_RESTART;
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

bool interrupt_requested() { return g_count.load() > 0; }

int interrupt_count() { return g_count.load(); }

std::string interrupt_signal_name() {
  switch (g_first.load()) {
    case SIGINT: return "SIGINT";
    case SIGTERM: return "SIGTERM";
    default: return "";
  }
}

TerminationDeferred::TerminationDeferred() { g_deferred.fetch_add(1); }
TerminationDeferred::~TerminationDeferred() { g_deferred.fetch_sub(1); }

}  // namespace skyshield
