#include "weapons/magazine.hpp"

#include <algorithm>
#include <numeric>

namespace skyshield {

Magazine::Magazine(MagazineConfig cfg) : cfg_(std::move(cfg)) {}

int Magazine::stock(int interceptor_class) const {
  return interceptor_class >= 0 && interceptor_class < static_cast<int>(cfg_.stock.size()) ? cfg_.stock[interceptor_class] : 0;
}

int Magazine::total_stock() const { return std::accumulate(cfg_.stock.begin(), cfg_.stock.end(), 0); }

int Magazine::rounds_in_transit() const {
  int n = 0;
  for (const Active& a : active_) n += a.rounds;
  return n;
}

std::vector<ReloadEvent> Magazine::update(double t, std::vector<Launcher>& launchers) {
  std::vector<ReloadEvent> events;
  if (idle()) return events;
  // Completions (in the order the reloads started).
  for (auto it = active_.begin(); it != active_.end();) {
    if (it->done_t <= t + 1e-9) {
      launchers[it->launcher].finish_reload(it->rounds, it->done_t);
      events.push_back({it->launcher, it->rounds, it->done_t, it->done_t, true});
      it = active_.erase(it);
    } else {
      ++it;
    }
  }
  // New reloads: empty launchers (not already being reloaded) whose class is in stock.
  for (int i = 0; i < static_cast<int>(launchers.size()) && static_cast<int>(active_.size()) < cfg_.transloaders; ++i) {
    Launcher& l = launchers[i];
    const int cls = l.config().interceptor_class;
    if (l.rounds_left() > 0 || l.reloading() || stock(cls) <= 0) continue;
    const int rounds = std::min(l.config().tubes, stock(cls));
    cfg_.stock[cls] -= rounds;
    l.begin_reload();
    active_.push_back({i, rounds, t + cfg_.reload_time_s});
    events.push_back({i, rounds, t, t + cfg_.reload_time_s, false});
  }
  return events;
}

}  // namespace skyshield
