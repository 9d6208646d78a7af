#pragma once
// Internal to the WTA exchange search (c2/wta_exchange.cpp): the best few (change, target) pairs of
// one weapon type, kept from round to round. After a round only the targets whose change differs
// are scored again; the pairs of the other targets keep their order, so the list is what a full
// ranking would give (checked against it in tests/c2/c2_wta_ranking_test.cpp).
// Order: by change, ties by target (what a partial sort of every pair gives).
#include <algorithm>
#include <utility>
#include <vector>

namespace skyshield {

struct RankedTargets {
  std::vector<std::pair<double, int>> best;  // sorted; the kept prefix of the full ranking
  bool truncated = false;                    // the full ranking has more pairs, all after `best`
  bool valid = false;                        // `best` ranks the current scores

  // Every target scored (`score(t, c)`: false when t does not qualify), `keep` kept.
  template <class Score>
  void rank_all(int targets, int keep, Score&& score) {
    best.clear();
    truncated = false;
    double c = 0.0;
    for (int t = 0; t < targets; ++t) {
      if (!score(t, c)) continue;
      const std::pair<double, int> e{c, t};
      if (static_cast<int>(best.size()) == keep) {
        truncated = true;
        if (!(e < best.back())) continue;
        best.pop_back();
      }
      best.insert(std::upper_bound(best.begin(), best.end(), e), e);
    }
    valid = true;
  }

  // Only the targets in `changed` (`is_changed[t]` set for them) scored again. When fewer than
  // `need` pairs are then known to lead the full ranking, every target is scored.
  template <class Score>
  void rank_changed(int targets, int keep, int need, const std::vector<int>& changed, const std::vector<char>& is_changed,
                    Score&& score) {
    if (!valid) return rank_all(targets, keep, score);
    // Pairs of unchanged targets missing from `best` all come after its last pair (when truncated).
    const bool had_tail = truncated;
    const std::pair<double, int> bound = had_tail ? best.back() : std::pair<double, int>{};
    std::vector<std::pair<double, int>>& merged = scratch_;
    merged.clear();
    for (const auto& e : best)
      if (!is_changed[static_cast<std::size_t>(e.second)]) merged.push_back(e);
    const std::size_t kept = merged.size();
    double c = 0.0;
    for (int t : changed)
      if (score(t, c) && (!had_tail || !(bound < std::pair<double, int>{c, t}))) merged.emplace_back(c, t);
    std::sort(merged.begin() + static_cast<std::ptrdiff_t>(kept), merged.end());
    std::inplace_merge(merged.begin(), merged.begin() + static_cast<std::ptrdiff_t>(kept), merged.end());
    truncated = had_tail || static_cast<int>(merged.size()) > keep;
    if (static_cast<int>(merged.size()) > keep) merged.resize(static_cast<std::size_t>(keep));
    best.swap(merged);
    if (truncated && static_cast<int>(best.size()) < need) rank_all(targets, keep, score);
  }

 private:
  std::vector<std::pair<double, int>> scratch_;
};

// The exchange search's rankings of every type, with the survival and weakest weapon of every target
// they were ranked on; kept across the searches of one heuristic solve (ruin and recreate) so that
// each search's first round too scores only the targets that changed.
struct WtaRankingMemory {
  std::vector<RankedTargets> arc, end;  // per type
  std::vector<int> ranked_in;           // per type: the ranking round that last ranked it
  std::vector<double> s;                // per target, at the last ranking round
  std::vector<int> weakest;
  int round = 0;                        // ranking rounds so far
};

}  // namespace skyshield
