#pragma once
// A one-line progress bar on stderr, drawn only when stderr is a terminal (quiet in CI and pipes).
// The only place skyshield reads the wall clock.
#include <chrono>
#include <cstdio>
#include <string>

namespace skyshield {

class ProgressBar {
 public:
  // unit: what `done` and `total` count, e.g. "s simulated" or "runs".
  ProgressBar(std::string label, std::string unit);
  ~ProgressBar();
  void update(double done, double total);
  // The last line: a full bar and where the work ended, "789 of 1500 s simulated (ended early)"
  // when `done` falls short of `planned` (a run whose threats are all resolved stops early).
  void finish(double done, double planned);
  bool enabled() const { return enabled_; }

 private:
  std::string label_, unit_;
  bool enabled_;
  int last_permille_ = -1;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace skyshield
