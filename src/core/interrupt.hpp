#pragma once
// Ctrl-C: the first SIGINT (or SIGTERM) only raises a flag that long loops poll (a run stops at its
// next step, a Monte Carlo batch after its finished runs); a second one terminates at once.
namespace skyshield {

// Installs the handler (idempotent).
void install_interrupt_handler();
// A SIGINT/SIGTERM arrived since the handler was installed.
bool interrupt_requested();

}  // namespace skyshield
