#include "analysis/siting_placement.hpp"

#include <algorithm>
#include <bit>
#include <numeric>

#include "core/error.hpp"

namespace skyshield {

namespace {

void check(const PlacementProblem& p) {
  if (p.units < 1 || p.sites < p.units)
    throw InputError("placement: " + std::to_string(p.units) + " units need at least as many candidate sites (" +
                     std::to_string(p.sites) + " given)");
}

void add(ElementSet& into, const ElementSet& s) {
  for (std::size_t w = 0; w < into.size(); ++w) into[w] |= s[w];
}

double gain(const PlacementProblem& p, const ElementSet& covered, const ElementSet& s) {
  double g = 0.0;
  for (std::size_t w = 0; w < covered.size(); ++w) g += p.word_weight[w] * std::popcount(s[w] & ~covered[w]);
  return g;
}

struct Search {
  const PlacementProblem& p;
  long long max_nodes;
  std::vector<int> current;
  std::vector<char> used;
  Placement best;
  bool stopped = false;

  // Upper bound: what is covered plus everything any remaining unit could cover from a free site.
  double bound(const ElementSet& covered, int unit) const {
    ElementSet all = covered;
    for (int u = unit; u < p.units; ++u)
      for (int s = 0; s < p.sites; ++s)
        if (!used[s]) add(all, p.cover(u, s));
    return covered_weight(p, all);
  }

  void visit(int unit, const ElementSet& covered) {
    if (++best.nodes > max_nodes) {
      stopped = true;
      return;
    }
    if (unit == p.units) {
      const double v = covered_weight(p, covered);
      if (v > best.value + 1e-12) {
        best.value = v;
        best.site_of_unit = current;
      }
      return;
    }
    if (bound(covered, unit) <= best.value + 1e-12) return;
    // Children by decreasing marginal gain (good placements first tighten the pruning sooner).
    std::vector<std::pair<double, int>> order;
    for (int s = 0; s < p.sites; ++s)
      if (!used[s]) order.push_back({-gain(p, covered, p.cover(unit, s)), s});
    std::sort(order.begin(), order.end());
    for (const auto& [neg_gain, s] : order) {
      if (stopped) return;
      ElementSet next = covered;
      add(next, p.cover(unit, s));
      used[s] = 1;
      current[unit] = s;
      visit(unit + 1, next);
      used[s] = 0;
    }
  }
};

}  // namespace

double covered_weight(const PlacementProblem& p, const ElementSet& covered) {
  double v = 0.0;
  for (std::size_t w = 0; w < covered.size(); ++w) v += p.word_weight[w] * std::popcount(covered[w]);
  return v;
}

double placement_value(const PlacementProblem& p, const std::vector<int>& site_of_unit) {
  ElementSet covered(p.word_weight.size(), 0);
  for (int u = 0; u < p.units; ++u) add(covered, p.cover(u, site_of_unit[u]));
  return covered_weight(p, covered);
}

Placement place_brute_force(const PlacementProblem& p) {
  check(p);
  Placement best;
  best.value = -1.0;
  best.optimal = true;
  // Every injective map: the first `units` entries of every permutation of the sites, each map once
  // (the permutations that differ only after position `units` are skipped by reversing the tail).
  std::vector<int> perm(p.sites);
  std::iota(perm.begin(), perm.end(), 0);
  do {
    std::vector<int> map(perm.begin(), perm.begin() + p.units);
    ++best.nodes;
    const double v = placement_value(p, map);
    if (v > best.value + 1e-12) {
      best.value = v;
      best.site_of_unit = map;
    }
    std::reverse(perm.begin() + p.units, perm.end());
  } while (std::next_permutation(perm.begin(), perm.end()));
  return best;
}

Placement place_greedy_swap(const PlacementProblem& p) {
  check(p);
  Placement r;
  r.site_of_unit.assign(p.units, -1);
  std::vector<char> used(p.sites, 0);
  ElementSet covered(p.word_weight.size(), 0);
  for (int step = 0; step < p.units; ++step) {
    double best = -1.0;
    int bu = -1, bs = -1;
    for (int u = 0; u < p.units; ++u) {
      if (r.site_of_unit[u] >= 0) continue;
      for (int s = 0; s < p.sites; ++s) {
        if (used[s]) continue;
        const double g = gain(p, covered, p.cover(u, s));
        if (g > best + 1e-12) best = g, bu = u, bs = s;
      }
    }
    r.site_of_unit[bu] = bs;
    used[bs] = 1;
    add(covered, p.cover(bu, bs));
  }
  r.value = covered_weight(p, covered);
  // Local search, best improvement: move one unit to a free site, or exchange two units' sites.
  for (;;) {
    double best = r.value;
    std::vector<int> best_map;
    std::vector<int> map = r.site_of_unit;
    for (int u = 0; u < p.units; ++u) {
      const int old = map[u];
      for (int s = 0; s < p.sites; ++s) {
        if (used[s]) continue;
        map[u] = s;
        ++r.nodes;
        const double v = placement_value(p, map);
        if (v > best + 1e-12) best = v, best_map = map;
      }
      map[u] = old;
      for (int w = u + 1; w < p.units; ++w) {
        std::swap(map[u], map[w]);
        ++r.nodes;
        const double v = placement_value(p, map);
        if (v > best + 1e-12) best = v, best_map = map;
        std::swap(map[u], map[w]);
      }
    }
    if (best_map.empty()) break;
    for (int s : r.site_of_unit) used[s] = 0;
    r.site_of_unit = best_map;
    for (int s : r.site_of_unit) used[s] = 1;
    r.value = best;
  }
  return r;
}

Placement place_exact(const PlacementProblem& p, long long max_nodes) {
  check(p);
  const Placement start = place_greedy_swap(p);   // the incumbent
  Search search{p, max_nodes, std::vector<int>(p.units, -1), std::vector<char>(p.sites, 0), start, false};
  search.best.nodes = 0;
  search.visit(0, ElementSet(p.word_weight.size(), 0));
  search.best.optimal = !search.stopped;
  return search.best;
}

}  // namespace skyshield
