#pragma once
// Ctrl-C and SIGTERM, handled alike: the first signal only raises a flag that long loops poll (a run
// stops at its next step, a Monte Carlo batch after its finished runs, a sweep between runs); a
// second one terminates at once, except while a set of outputs is being written
// (TerminationDeferred): then it is only counted, and the writer abandons the new set and keeps the
// previous one whole (record/output_set.hpp).
#include <stdexcept>
#include <string>

namespace skyshield {

// Installs the handler for SIGINT and SIGTERM (idempotent).
void install_interrupt_handler();
// A SIGINT/SIGTERM arrived since the handler was installed.
bool interrupt_requested();
// How many SIGINT/SIGTERM arrived so far.
int interrupt_count();
// "SIGINT" or "SIGTERM": the first signal that arrived ("" when none).
std::string interrupt_signal_name();

// While one lives, a second signal does not end the process: it is counted (interrupt_count) for
// the code in the scope to act on. Nestable.
class TerminationDeferred {
 public:
  TerminationDeferred();
  ~TerminationDeferred();
  TerminationDeferred(const TerminationDeferred&) = delete;
  TerminationDeferred& operator=(const TerminationDeferred&) = delete;
};

// Thrown where work stops because of a signal; what() says what was (not) done.
class Interrupted : public std::runtime_error {
 public:
  explicit Interrupted(const std::string& what) : std::runtime_error(what) {}
};

}  // namespace skyshield
