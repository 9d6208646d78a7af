#pragma once
// The battalion's reload magazine: a stock of rounds per interceptor class, and transloaders that
// reload empty launchers. A free transloader takes the first empty launcher whose class is still in
// stock, draws up to its tube count from the stock, and hands it back loaded reload_time_s later;
// the launcher cannot fire meanwhile. Without stock (the default) nothing is ever reloaded.
#include <vector>

#include "weapons/launcher.hpp"

namespace skyshield {

struct MagazineConfig {
  std::vector<int> stock;      // rounds per interceptor class index (shorter or empty: none)
  int transloaders = 1;        // launchers reloaded at the same time
  double reload_time_s = 900.0;// from the start of a reload to the launcher ready to fire
};

struct ReloadEvent {
  int launcher = -1;
  int rounds = 0;
  double t = 0.0;              // start (done = false) or completion (done = true)
  double done_t = 0.0;         // when it completes
  bool done = false;
};

class Magazine {
 public:
  Magazine() = default;
  explicit Magazine(MagazineConfig cfg);
  // Completes the reloads due by t, then starts reloads of empty launchers on free transloaders.
  // Returns what happened, in order, for the event log (empty on most calls).
  std::vector<ReloadEvent> update(double t, std::vector<Launcher>& launchers);
  int stock(int interceptor_class) const;
  int total_stock() const;
  int rounds_in_transit() const;  // drawn from the stock for reloads not yet complete
  int reloads_in_progress() const { return static_cast<int>(active_.size()); }

 private:
  struct Active {
    int launcher;
    int rounds;
    double done_t;
  };
  MagazineConfig cfg_;
  std::vector<Active> active_;
  bool idle() const { return active_.empty() && total_stock() == 0; }
};

}  // namespace skyshield
