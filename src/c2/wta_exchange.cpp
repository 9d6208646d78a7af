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
#include <array>
#include <limits>

#include "c2/wta_ranking.hpp"
#include "c2/wta_rows.hpp"
#include "c2/wta_solvers.hpp"

namespace skyshield {

namespace {

constexpr int kDepth = 5;     // weapons moved by one exchange at most (4 to 6 tried on the families: 5 best)
constexpr int kBranch = 6;    // best targets tried per weapon, for each kind of step (6 to 12 tried: no better)
constexpr double kEps = 1e-12;
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr int kRankKeep = 16;  // pairs kept per type's ranking between rounds (kBranch + 1 needed)

struct Exchange {
  double gain = 0.0;                // change of the objective (< 0)
  std::array<int, kDepth> units{};  // u1..uk (the first `size`)
  int size = 0;
  int end_target = -1;              // path: t_end; cycle: -1
  const int* begin() const { return units.data(); }
  const int* end() const { return units.data() + size; }
};

class ExchangeSearch {
 public:
  ExchangeSearch(const WtaProblem& p, const WtaRows& rows, std::vector<int>& a, WtaRankingMemory* memory)
      : p_(p), rows_(rows), a_(a), type_(wta_unit_types(p)), nt_(static_cast<int>(p.value.size())), mem_(memory ? *memory : own_mem_) {}

  // One round: find exchanges, apply the disjoint ones. Returns the total change (<= 0).
  double round(const std::function<bool()>& stop) {
    refresh();
    in_chain_.assign(static_cast<std::size_t>(nt_), 0);
    found_.clear();
    touched_.clear();
    for (int u : reps_) {
      if (stop()) break;  // apply what was found so far
      begin_chain(u);
      in_chain_[static_cast<std::size_t>(a_[u])] = 1;
      extend(0.0);
      in_chain_[static_cast<std::size_t>(a_[u])] = 0;
    }
    std::stable_sort(found_.begin(), found_.end(), [](const Exchange& x, const Exchange& y) { return x.gain < y.gain; });
    std::vector<char> target_taken(static_cast<std::size_t>(nt_), 0), unit_taken(a_.size(), 0);
    double total = 0.0;
    for (const Exchange& e : found_) {
      bool free = e.end_target < 0 || !target_taken[e.end_target];
      for (int u : e) free = free && !unit_taken[u] && !target_taken[a_[u]];
      if (!free || !path_allowed(e)) continue;
      const double before = objective_on(e);
      std::array<int, kDepth> old{};
      for (int k = 0; k < e.size; ++k) old[k] = a_[e.units[k]];
      apply(e);
      const double after = objective_on(e, &old);
      if (after > before - kEps) {  // not an improvement after all (a degenerate survival): undo
        for (int k = 0; k < e.size; ++k) move_unit(e.units[k], old[k]);
        continue;
      }
      total += after - before;
      for (int k = 0; k < e.size; ++k) {
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
  double q(int u, int t) const { return rows_.q_row(type_[u])[t]; }

  // Survival of every target, its weakest weapon, one representative weapon per (type, target), and
  // each weapon's best targets by the arc change.
  void refresh() {
    s_.assign(static_cast<std::size_t>(nt_), 1.0);
    count_.assign(static_cast<std::size_t>(nt_), 0);
    weakest_.assign(static_cast<std::size_t>(nt_), -1);
    reps_.clear();
    rep_of_.assign(a_.size(), -1);
    rep_vs_.resize(a_.size());
    rep_q_.resize(a_.size());
    on_target_.resize(static_cast<std::size_t>(nt_));
    members_.resize(static_cast<std::size_t>(nt_));
    for (int t = 0; t < nt_; ++t) {
      on_target_[static_cast<std::size_t>(t)].clear();
      members_[static_cast<std::size_t>(t)].clear();
    }
    for (std::size_t u = 0; u < a_.size(); ++u) {
      const int t = a_[u];
      if (t < 0) continue;
      members_[static_cast<std::size_t>(t)].push_back(static_cast<int>(u));
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
        rep_vs_[u] = p_.value[a_[u]] * s_[a_[u]];
        rep_q_[u] = q(static_cast<int>(u), a_[u]);
        reps_.push_back(rep);
        on_target_[static_cast<std::size_t>(a_[u])].push_back(rep);
      }
    }
    best_arc_.assign(a_.size() * kBranch, -1);
    best_end_.assign(a_.size() * kBranch, -1);
    // Both rankings depend on a weapon's type only, apart from leaving out its own target: ranked once
    // per type (kBranch + 1 kept), then each representative of the type drops its own target.
    // The targets whose arcs and ends changed since the last round's ranking (survival or weakest
    // weapon): only those are scored again for the types ranked in that round.
    changed_.clear();
    is_changed_.assign(static_cast<std::size_t>(nt_), 0);
    for (int t = 0; t < nt_; ++t)
      if (mem_.round == 0 || s_[t] != mem_.s[t] || weakest_[t] != mem_.weakest[t]) {
        changed_.push_back(t);
        is_changed_[static_cast<std::size_t>(t)] = 1;
      }
    if (mem_.arc.empty()) {
      const std::size_t types = static_cast<std::size_t>(p_.pk.rows());
      mem_.arc.resize(types);
      mem_.end.resize(types);
      mem_.ranked_in.assign(types, -1);
    }
    for (std::size_t r = 0; r < reps_.size();) {
      const int i = type_[reps_[r]];
      std::size_t r_end = r;
      while (r_end < reps_.size() && type_[reps_[r_end]] == i) ++r_end;
      RankedTargets& arcs = mem_.arc[static_cast<std::size_t>(i)];
      RankedTargets& ends = mem_.end[static_cast<std::size_t>(i)];
      if (mem_.ranked_in[static_cast<std::size_t>(i)] != mem_.round - 1) arcs.valid = ends.valid = false;
      mem_.ranked_in[static_cast<std::size_t>(i)] = mem_.round;
      const double* pk = rows_.pk_row(i);
      const int u = reps_[r];
      arcs.rank_changed(nt_, kRankKeep, kBranch + 1, changed_, is_changed_, [&](int t, double& c) {
        if (pk[t] <= 0.0) return false;
        c = arc(u, t);
        return c < 0.0;
      });
      ends.rank_changed(nt_, kRankKeep, kBranch + 1, changed_, is_changed_, [&](int t, double& c) {
        if (pk[t] <= 0.0) return false;
        c = end_gain(u, t);
        return true;
      });
      for (; r < r_end; ++r) {
        keep_best(arcs, best_arc_, reps_[r]);
        keep_best(ends, best_end_, reps_[r]);
      }
    }
    mem_.s = s_;
    mem_.weakest = weakest_;
    ++mem_.round;
    cache_steps();
  }

  // Every step a chain can take from each representative, with its change, in the order the search
  // tries them (the same arithmetic as arc() and end_gain(): computed once per round, not per visit).
  void cache_steps() {
    end_c_.assign(best_end_.size(), 0.0);
    min_end_.assign(a_.size(), kInf);
    min_arc_.assign(a_.size(), kInf);
    arc_begin_.assign(a_.size() + 1, 0);
    arc_v_.clear();
    arc_t_.clear();
    arc_c_.clear();
    for (std::size_t u = 0; u < a_.size(); ++u) {
      arc_begin_[u] = static_cast<int>(arc_v_.size());
      if (a_[u] < 0 || rep_of_[u] != static_cast<int>(u)) continue;
      const std::size_t row = u * kBranch;
      const double* q_u = rows_.q_row(type_[u]);
      for (int b = 0; b < kBranch && best_end_[row + b] >= 0; ++b) {
        end_c_[row + b] = end_gain(static_cast<int>(u), best_end_[row + b]);
        min_end_[u] = std::min(min_end_[u], end_c_[row + b]);
      }
      for (int b = 0; b < kBranch; ++b) {
        const int t = best_arc_[row + b];
        if (t < 0) break;
        for (int v : on_target_[static_cast<std::size_t>(t)]) {
          if (type_[v] == type_[u] || rep_q_[v] < 1e-9) continue;  // arc() = +inf: never taken
          arc_v_.push_back(v);
          arc_t_.push_back(t);
          arc_c_.push_back(rep_vs_[v] * (q_u[t] / rep_q_[v] - 1.0));
          min_arc_[u] = std::min(min_arc_[u], arc_c_.back());
        }
      }
    }
    arc_begin_[a_.size()] = static_cast<int>(arc_v_.size());
  }

  // The kBranch best targets of unit u from its type's sorted list, u's own target left out.
  // (`c` holds at least the kBranch + 1 best pairs of the full ranking, or all of them.)
  void keep_best(const RankedTargets& c, std::vector<int>& out, int u) const {
    std::size_t n = 0;
    for (std::size_t i = 0; i < c.best.size() && n < static_cast<std::size_t>(kBranch); ++i)
      if (c.best[i].second != a_[u]) out[static_cast<std::size_t>(u) * kBranch + n++] = c.best[i].second;
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
  double end_gain(int u, int t) const { return -p_.value[t] * s_[t] * rows_.pk_row(type_[u])[t]; }
  double start_cost(int u) const {
    const int t = a_[u];
    const double qu = q(u, t);
    if (qu < 1e-9) return std::numeric_limits<double>::infinity();
    return p_.value[t] * s_[t] * (1.0 / qu - 1.0);
  }
  bool target_used(int t) const { return in_chain_[static_cast<std::size_t>(t)] != 0; }

  // The chain's first weapon: its target, that target's V s, its q there and the cost of leaving it
  // unreplaced (the same for every chain from it).
  void begin_chain(int u1) {
    depth_ = 1;
    chain_[0] = u1;
    first_start_ = start_cost(u1);
    first_t_ = a_[u1];
    first_q_ = q(u1, first_t_);
    first_vs_ = p_.value[first_t_] * s_[first_t_];
  }

  // chain_ = u1..uk (uk's move not chosen yet); `gain` = the arcs so far (all prefixes negative).
  void extend(double gain) {
    const int u1 = chain_[0], uk = chain_[depth_ - 1];
    const double start = first_start_;
    if (depth_ >= 2) {  // close the cycle: uk takes u1's place on u1's target
      const int t = first_t_;
      const double q1 = first_q_;
      if (type_[uk] != type_[u1] && q1 >= 1e-9) {
        const double g = gain + first_vs_ * (q(uk, t) / q1 - 1.0);
        if (g < -kEps) record(g, -1);
      }
    }
    const std::size_t row = static_cast<std::size_t>(rep_of_[uk]) * kBranch;
    // (Rounding is monotonic: when the best end or step of uk does not gain, none does.)
    if (depth_ >= 2 && (gain + min_end_[uk]) + start < -kEps)  // end here as a path: uk onto a target, u1's place left empty
      for (int b = 0; b < kBranch; ++b) {
        const int t = best_end_[row + b];
        if (t < 0) break;
        const double g_path = gain + end_c_[row + b] + start;
        if (g_path < -kEps && !target_used(t)) record(g_path, t);
      }
    if (depth_ >= kDepth || !(gain + min_arc_[uk] < -kEps)) return;
    // or displace one of a target's weapons (a step cached by cache_steps) and go on
    for (int e = arc_begin_[uk], e_end = arc_begin_[uk + 1]; e < e_end; ++e) {
      const double g = gain + arc_c_[e];
      if (g >= -kEps) continue;
      const int t = arc_t_[e];
      if (target_used(t)) continue;
      chain_[depth_] = arc_v_[e];
      in_chain_[static_cast<std::size_t>(t)] = 1;
      ++depth_;
      extend(g);
      --depth_;
      in_chain_[static_cast<std::size_t>(t)] = 0;
    }
  }

  void record(double gain, int end_target) {
    Exchange e;
    e.gain = gain;
    e.size = depth_;
    std::copy(chain_.begin(), chain_.begin() + depth_, e.units.begin());
    e.end_target = end_target;
    found_.push_back(e);
  }

 public:
  // The targets whose weapons the last round changed.
  const std::vector<int>& touched() const { return touched_; }

 private:

  bool path_allowed(const Exchange& e) const {
    if (e.end_target < 0) return true;
    const int t = e.end_target, from = a_[e.units[0]];
    if (!p_.max_per_target.empty() && count_[t] + 1 > p_.max_per_target[t]) return false;
    if (p_.max_targets >= 0 && count_[t] == 0 && engaged_ + 1 - (count_[from] == 1 ? 1 : 0) > p_.max_targets) return false;
    return true;
  }

  // The objective restricted to the targets an exchange touches (before: current; after: `old`
  // holds the units' previous targets).
  // (The product over a target's units runs in increasing unit order, as members_ keeps them.)
  double objective_on(const Exchange& e, const std::array<int, kDepth>* old = nullptr) const {
    std::array<int, kDepth + 1> ts{};
    int n = 0;
    for (int k = 0; k < e.size; ++k) ts[n++] = old ? (*old)[k] : a_[e.units[k]];
    if (e.end_target >= 0) ts[n++] = e.end_target;
    double sum = 0.0;
    for (int k = 0; k < n; ++k) {
      const int t = ts[k];
      double s = 1.0;
      for (int u : members_[static_cast<std::size_t>(t)]) s *= q(u, t);
      sum += p_.value[t] * s;
    }
    return sum;
  }

  void apply(const Exchange& e) {
    std::array<int, kDepth> to{};
    for (int k = 0; k + 1 < e.size; ++k) to[k] = a_[e.units[k + 1]];
    to[e.size - 1] = e.end_target >= 0 ? e.end_target : a_[e.units[0]];
    for (int k = 0; k < e.size; ++k) move_unit(e.units[k], to[k]);
  }

  // a_[u] = to, keeping each target's member list in increasing unit order.
  void move_unit(int u, int to) {
    const int from = a_[u];
    if (from == to) return;
    if (from >= 0) {
      std::vector<int>& m = members_[static_cast<std::size_t>(from)];
      m.erase(std::find(m.begin(), m.end(), u));
    }
    if (to >= 0) {
      std::vector<int>& m = members_[static_cast<std::size_t>(to)];
      m.insert(std::lower_bound(m.begin(), m.end(), u), u);
    }
    a_[u] = to;
  }

  const WtaProblem& p_;
  const WtaRows& rows_;
  std::vector<int>& a_;
  std::vector<int> type_;
  int nt_;
  std::vector<double> s_;
  std::vector<int> count_, weakest_, reps_, rep_of_, best_arc_, best_end_;
  std::array<int, kDepth> chain_{};  // u1..u(depth_); their targets are flagged in in_chain_
  std::vector<char> in_chain_;  // per target: on the chain being extended
  WtaRankingMemory own_mem_;
  WtaRankingMemory& mem_;  // rankings kept from round to round (own_mem_ or the caller's)
  std::vector<int> changed_;
  std::vector<char> is_changed_;

  int depth_ = 0;
  double first_start_ = 0.0, first_q_ = 1.0, first_vs_ = 0.0;
  int first_t_ = -1;
  std::vector<double> rep_vs_, rep_q_;  // per representative: V s of its target, its q there
  std::vector<double> end_c_;           // end_gain of each best_end_ entry
  std::vector<double> min_end_, min_arc_;  // per representative: its smallest end gain and step change
  std::vector<int> arc_begin_, arc_v_, arc_t_;  // per representative: its steps (weapon displaced, target)
  std::vector<double> arc_c_;                   // and their changes
  int engaged_ = 0;
  std::vector<std::vector<int>> on_target_;  // representatives of the weapons on each target
  std::vector<std::vector<int>> members_;    // every weapon on each target, in increasing order
  std::vector<Exchange> found_;
  std::vector<int> touched_;
};

}  // namespace

std::vector<int> wta_exchange_search(const WtaProblem& p, std::vector<int> start, int max_rounds, const std::function<bool()>& stop) {
  return wta_exchange_search_from(p, std::move(start), nullptr, max_rounds, stop);
}

std::vector<int> wta_exchange_search_from(const WtaProblem& p, std::vector<int> start, const std::vector<int>* dirty, int max_rounds,
                                          const std::function<bool()>& stop) {
  return wta_exchange_search_rows(p, WtaRows(p), std::move(start), dirty, max_rounds, stop);
}

std::vector<int> wta_exchange_search_rows(const WtaProblem& p, const WtaRows& rows, std::vector<int> start, const std::vector<int>* dirty,
                                          int max_rounds, const std::function<bool()>& stop, WtaRankingMemory* memory) {
  std::vector<int> a = wta_local_search_rows(p, rows, std::move(start), dirty, stop);
  ExchangeSearch search(p, rows, a, memory);
  for (int r = 0; r < max_rounds && !stop(); ++r) {
    if (search.round(stop) > -kEps) break;
    const std::vector<int> touched = search.touched();  // a was a local optimum before the round
    a = wta_local_search_rows(p, rows, std::move(a), &touched, stop);
  }
  return a;
}

}  // namespace skyshield
