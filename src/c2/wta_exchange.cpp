// Multi-exchange neighbourhood search for WTA (c2/wta_solvers.hpp), after the very-large-scale
// neighbourhood search of Ahuja, Kumar, Jha & Orlin (2007, Operations Research 55(6), section 5).
//
// An exchange moves several weapons at once along a chain over distinct targets:
//   cycle  u1 -> t(u2), u2 -> t(u3), ..., uk -> t(u1)   (every target on it keeps its count)
//   path   u1 -> t(u2), ..., u(k-1) -> t(uk), uk -> t_end (t(u1) loses a weapon, t_end gains one).
// With distinct targets the change of the objective is the sum of the arcs' changes:
//   arc u -> v (u takes v's place on t = t(v)):  V_t s_t (q(u, t) / q(v, t) - 1)
//   end uk -> t_end:                            -V_t s_t p(uk, t)        (t = t_end)
//   start (u1 leaves t(u1) unreplaced):          V_t s_t (1 / q(u1, t) - 1) (t = t(u1))
// where s_t is target t's survival probability and q = 1 - p. The search is a depth-first
// enumeration with the negative-prefix rule of Lin & Kernighan (every partial chain must already
// gain), restricted for speed: each weapon tries only its `kBranch` best targets to join (ranked once
// per round by displacing the target's weakest weapon) and its `kBranch` best targets to end on.
// Exchanges found in a round are applied best first while they stay target- and weapon-disjoint from
// those already applied.
// Side constraints: cycles keep every count; a path is applied only when the end target may take one
// more weapon (cap per target, targets engaged).
#include <algorithm>
#include <limits>

#include "c2/wta_solvers.hpp"

namespace skyshield {

namespace {

constexpr int kDepth = 5;     // weapons moved by one exchange at most (4 to 6 tried on the families: 5 best)
constexpr int kBranch = 6;    // best targets tried per weapon, for each kind of step (6 to 12 tried: no better)
constexpr double kEps = 1e-12;

struct Exchange {
  double gain = 0.0;           // change of the objective (< 0)
  std::vector<int> units;      // u1..uk
  int end_target = -1;         // path: t_end; cycle: -1
};

class ExchangeSearch {
 public:
  ExchangeSearch(const WtaProblem& p, std::vector<int>& a)
      : p_(p), a_(a), type_(wta_unit_types(p)), nt_(static_cast<int>(p.value.size())) {}

  // One round: find exchanges, apply the disjoint ones. Returns the total change (<= 0).
  double round(const std::function<bool()>& stop) {
    refresh();
    found_.clear();
    touched_.clear();
    for (int u : reps_) {
      if (stop()) break;  // apply what was found so far
      chain_.assign(1, u);
      used_targets_.assign(1, a_[u]);
      extend(0.0);
    }
    std::stable_sort(found_.begin(), found_.end(), [](const Exchange& x, const Exchange& y) { return x.gain < y.gain; });
    std::vector<char> target_taken(static_cast<std::size_t>(nt_), 0), unit_taken(a_.size(), 0);
    double total = 0.0;
    for (const Exchange& e : found_) {
      bool free = e.end_target < 0 || !target_taken[e.end_target];
      for (int u : e.units) free = free && !unit_taken[u] && !target_taken[a_[u]];
      if (!free || !path_allowed(e)) continue;
      const double before = objective_on(e);
      std::vector<int> old;
      for (int u : e.units) old.push_back(a_[u]);
      apply(e);
      const double after = objective_on(e, &old);
      if (after > before - kEps) {  // not an improvement after all (a degenerate survival): undo
        for (std::size_t k = 0; k < e.units.size(); ++k) a_[e.units[k]] = old[k];
        continue;
      }
      total += after - before;
      for (std::size_t k = 0; k < e.units.size(); ++k) {
        unit_taken[e.units[k]] = 1;
        target_taken[old[k]] = 1;
        touched_.push_back(old[k]);
      }
      if (e.end_target >= 0) {
        target_taken[e.end_target] = 1;
        touched_.push_back(e.end_target);
      }
    }
    return total;
  }

 private:
  double q(int u, int t) const { return 1.0 - p_.pk(type_[u], t); }

  // Survival of every target, its weakest weapon, one representative weapon per (type, target), and
  // each weapon's best targets by the arc change.
  void refresh() {
    s_.assign(static_cast<std::size_t>(nt_), 1.0);
    count_.assign(static_cast<std::size_t>(nt_), 0);
    weakest_.assign(static_cast<std::size_t>(nt_), -1);
    reps_.clear();
    rep_of_.assign(a_.size(), -1);
    on_target_.assign(static_cast<std::size_t>(nt_), {});
    for (std::size_t u = 0; u < a_.size(); ++u) {
      const int t = a_[u];
      if (t < 0) continue;
      s_[t] *= q(static_cast<int>(u), t);
      ++count_[t];
      if (weakest_[t] < 0 || q(static_cast<int>(u), t) > q(weakest_[t], t)) weakest_[t] = static_cast<int>(u);
    }
    engaged_ = static_cast<int>(std::count_if(count_.begin(), count_.end(), [](int c) { return c > 0; }));
    // Units of one type on one target are interchangeable: the first stands for all.
    for (std::size_t u = 0; u < a_.size(); ++u) {
      if (a_[u] < 0) continue;
      // (copies of a type are consecutive units, so duplicates on a target need not be adjacent: look back)
      int rep = static_cast<int>(u);
      for (std::size_t w = u; w-- > 0 && type_[w] == type_[u];)
        if (a_[w] == a_[u]) rep = rep_of_[w];
      rep_of_[u] = rep;
      if (rep == static_cast<int>(u)) {
        reps_.push_back(rep);
        on_target_[static_cast<std::size_t>(a_[u])].push_back(rep);
      }
    }
    best_arc_.assign(a_.size() * kBranch, -1);
    best_end_.assign(a_.size() * kBranch, -1);
    // Both rankings depend on a weapon's type only, apart from leaving out its own target: ranked once
    // per type (kBranch + 1 kept), then each representative of the type drops its own target.
    std::vector<std::pair<double, int>> arcs, ends;
    for (std::size_t r = 0; r < reps_.size();) {
      const int i = type_[reps_[r]];
      std::size_t r_end = r;
      while (r_end < reps_.size() && type_[reps_[r_end]] == i) ++r_end;
      arcs.clear();
      ends.clear();
      for (int t = 0; t < nt_; ++t) {
        if (p_.pk(i, t) <= 0.0) continue;
        const double c = arc(reps_[r], t);
        if (c < 0.0) arcs.emplace_back(c, t);
        ends.emplace_back(end_gain(reps_[r], t), t);
      }
      sort_best(arcs);
      sort_best(ends);
      for (; r < r_end; ++r) {
        keep_best(arcs, best_arc_, reps_[r]);
        keep_best(ends, best_end_, reps_[r]);
      }
    }
  }

  // The kBranch + 1 smallest (change, target) pairs first, in increasing order.
  static void sort_best(std::vector<std::pair<double, int>>& c) {
    const std::size_t k = std::min<std::size_t>(static_cast<std::size_t>(kBranch) + 1, c.size());
    std::partial_sort(c.begin(), c.begin() + static_cast<std::ptrdiff_t>(k), c.end());
    c.resize(k);
  }
  // The kBranch best targets of unit u from its type's sorted list, u's own target left out.
  void keep_best(const std::vector<std::pair<double, int>>& c, std::vector<int>& out, int u) const {
    std::size_t n = 0;
    for (std::size_t i = 0; i < c.size() && n < static_cast<std::size_t>(kBranch); ++i)
      if (c[i].second != a_[u]) out[static_cast<std::size_t>(u) * kBranch + n++] = c[i].second;
  }

  // u takes v's place on t (+inf when v is of u's type); by default v is t's weakest weapon, the best
  // place for u there (used to rank targets).
  double arc(int u, int t) const { return weakest_[t] < 0 ? std::numeric_limits<double>::infinity() : arc(u, t, weakest_[t]); }
  double arc(int u, int t, int v) const {
    if (type_[v] == type_[u]) return std::numeric_limits<double>::infinity();
    const double qv = q(v, t);
    if (qv < 1e-9) return std::numeric_limits<double>::infinity();  // a sure kill stays
    return p_.value[t] * s_[t] * (q(u, t) / qv - 1.0);
  }
  double end_gain(int u, int t) const { return -p_.value[t] * s_[t] * p_.pk(type_[u], t); }
  double start_cost(int u) const {
    const int t = a_[u];
    const double qu = q(u, t);
    if (qu < 1e-9) return std::numeric_limits<double>::infinity();
    return p_.value[t] * s_[t] * (1.0 / qu - 1.0);
  }
  bool target_used(int t) const { return std::find(used_targets_.begin(), used_targets_.end(), t) != used_targets_.end(); }

  // chain_ = u1..uk (uk's move not chosen yet); `gain` = the arcs so far (all prefixes negative).
  void extend(double gain) {
    const int u1 = chain_.front(), uk = chain_.back();
    const double start = start_cost(u1);
    if (chain_.size() >= 2) {  // close the cycle: uk takes u1's place on u1's target
      const int t = a_[u1];
      const double q1 = q(u1, t);
      if (type_[uk] != type_[u1] && q1 >= 1e-9) {
        const double g = gain + p_.value[t] * s_[t] * (q(uk, t) / q1 - 1.0);
        if (g < -kEps) record(g, -1);
      }
    }
    const std::size_t row = static_cast<std::size_t>(rep_of_[uk]) * kBranch;
    if (chain_.size() >= 2)  // end here as a path: uk onto a target, u1's place left empty
      for (int b = 0; b < kBranch; ++b) {
        const int t = best_end_[row + b];
        if (t < 0) break;
        if (target_used(t)) continue;
        const double g_path = gain + end_gain(uk, t) + start;
        if (g_path < -kEps) record(g_path, t);
      }
    if (static_cast<int>(chain_.size()) >= kDepth) return;
    for (int b = 0; b < kBranch; ++b) {  // or displace one of a target's weapons and go on
      const int t = best_arc_[row + b];
      if (t < 0) break;
      if (target_used(t)) continue;
      for (int v : on_target_[static_cast<std::size_t>(t)]) {
        const double g = gain + arc(uk, t, v);
        if (g >= -kEps) continue;
        chain_.push_back(v);
        used_targets_.push_back(t);
        extend(g);
        chain_.pop_back();
        used_targets_.pop_back();
      }
    }
  }

  void record(double gain, int end_target) { found_.push_back({gain, chain_, end_target}); }

 public:
  // The targets whose weapons the last round changed.
  const std::vector<int>& touched() const { return touched_; }

 private:

  bool path_allowed(const Exchange& e) const {
    if (e.end_target < 0) return true;
    const int t = e.end_target, from = a_[e.units.front()];
    if (!p_.max_per_target.empty() && count_[t] + 1 > p_.max_per_target[t]) return false;
    if (p_.max_targets >= 0 && count_[t] == 0 && engaged_ + 1 - (count_[from] == 1 ? 1 : 0) > p_.max_targets) return false;
    return true;
  }

  // The objective restricted to the targets an exchange touches (before: current; after: `old`
  // holds the units' previous targets).
  double objective_on(const Exchange& e, const std::vector<int>* old = nullptr) const {
    std::vector<int> ts;
    for (std::size_t k = 0; k < e.units.size(); ++k) ts.push_back(old ? (*old)[k] : a_[e.units[k]]);
    if (e.end_target >= 0) ts.push_back(e.end_target);
    double sum = 0.0;
    for (int t : ts) {
      double s = 1.0;
      for (std::size_t u = 0; u < a_.size(); ++u)
        if (a_[u] == t) s *= q(static_cast<int>(u), t);
      sum += p_.value[t] * s;
    }
    return sum;
  }

  void apply(const Exchange& e) {
    std::vector<int> to;
    for (std::size_t k = 0; k + 1 < e.units.size(); ++k) to.push_back(a_[e.units[k + 1]]);
    to.push_back(e.end_target >= 0 ? e.end_target : a_[e.units.front()]);
    for (std::size_t k = 0; k < e.units.size(); ++k) a_[e.units[k]] = to[k];
  }

  const WtaProblem& p_;
  std::vector<int>& a_;
  std::vector<int> type_;
  int nt_;
  std::vector<double> s_;
  std::vector<int> count_, weakest_, reps_, rep_of_, best_arc_, best_end_, chain_, used_targets_;
  int engaged_ = 0;
  std::vector<std::vector<int>> on_target_;  // representatives of the weapons on each target
  std::vector<Exchange> found_;
  std::vector<int> touched_;
};

}  // namespace

std::vector<int> wta_exchange_search(const WtaProblem& p, std::vector<int> start, int max_rounds, const std::function<bool()>& stop) {
  return wta_exchange_search_from(p, std::move(start), nullptr, max_rounds, stop);
}

std::vector<int> wta_exchange_search_from(const WtaProblem& p, std::vector<int> start, const std::vector<int>* dirty, int max_rounds,
                                          const std::function<bool()>& stop) {
  std::vector<int> a = wta_local_search_from(p, std::move(start), dirty, stop);
  for (int r = 0; r < max_rounds && !stop(); ++r) {
    ExchangeSearch search(p, a);
    if (search.round(stop) > -kEps) break;
    const std::vector<int> touched = search.touched();  // a was a local optimum before the round
    a = wta_local_search_from(p, std::move(a), &touched, stop);
  }
  return a;
}

}  // namespace skyshield
