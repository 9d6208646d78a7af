#include <algorithm>
#include <bit>
#include <cstdint>

#include "c2/wta_rows.hpp"
#include "c2/wta_solvers.hpp"

namespace skyshield {

namespace {

// An assignment of units with its per-target counts and survival probabilities, kept feasible by
// every move.
struct State {
  const WtaProblem& p;
  std::vector<int> type;  // unit -> row of pk
  std::vector<int> a;     // unit -> target or -1
  std::vector<int> per_target;
  std::vector<double> s;  // survival probability of each target
  int engaged = 0, used = 0;

  State(const WtaProblem& prob, std::vector<int> start)
      : p(prob), type(wta_unit_types(prob)), a(std::move(start)), per_target(prob.value.size(), 0), s(prob.value.size(), 1.0) {
    for (std::size_t u = 0; u < a.size(); ++u)
      if (a[u] >= 0) {
        ++used;
        if (per_target[a[u]]++ == 0) ++engaged;
        s[a[u]] *= q(static_cast<int>(u), a[u]);
      }
  }
  double q(int u, int j) const { return 1.0 - p.pk(type[u], j); }
  // Survival probability of target j from the units on it, leaving out unit `skip` (on j).
  double survive_without(int j, int skip) const {
    const double qs = q(skip, j);
    if (qs > 1e-6) return s[j] / qs;
    double r = 1.0;  // a Pk of (nearly) 1: recompute rather than divide by ~0
    for (std::size_t u = 0; u < a.size(); ++u)
      if (a[u] == j && static_cast<int>(u) != skip) r *= q(static_cast<int>(u), j);
    return r;
  }
  bool can_move(int u, int to) const {
    const int from = a[u];
    if (to == from) return false;
    if (to < 0) return true;
    if (p.pk(type[u], to) <= 0.0) return false;
    if (p.max_weapons >= 0 && from < 0 && used + 1 > p.max_weapons) return false;
    if (!p.max_per_target.empty() && per_target[to] + 1 > p.max_per_target[to]) return false;
    if (p.max_targets >= 0 && per_target[to] == 0) {
      const int engaged_after = engaged + 1 - (from >= 0 && per_target[from] == 1 ? 1 : 0);
      if (engaged_after > p.max_targets) return false;
    }
    return true;
  }
  void move(int u, int to) {
    const int from = a[u];
    if (from >= 0) {
      s[from] = survive_without(from, u);
      if (--per_target[from] == 0) --engaged;
      --used;
    }
    a[u] = to;
    if (to >= 0) {
      s[to] *= q(u, to);
      if (per_target[to]++ == 0) ++engaged;
      ++used;
    }
  }
};

// The same search without side constraints (the standard families): the same moves and swaps in the
// same order with the same arithmetic, so the same result, but skipping what cannot gain:
//  - a move is looked for only for a flagged unit ("don't look" flags, Bentley 1992, on 2-opt): a unit
//    is flagged when the survival of its own target changes, or when the survival of another target
//    rises enough that moving there gains (the same test the move loop makes);
//  - a swap's change depends only on the survival of its two units' targets, so a pair is evaluated
//    again only when one of the two targets changed since the pair was last found not to gain
//    (every target carries the count of the last change to it; every unit the count when its turn in
//    the previous swap pass began).
// `dirty` lists the targets that changed since `st.a` was last a local optimum (nullptr: unknown, so
// every move and pair is evaluated in the first pass). Pk is read from contiguous per-type rows;
// copies of a type are consecutive units.
std::vector<int> local_search_unconstrained(State& st, const WtaRows& rows, const std::vector<int>* dirty, const std::function<bool()>& stop) {
  const WtaProblem& p = st.p;
  const int nu = static_cast<int>(st.a.size()), nt = static_cast<int>(p.value.size());
  std::vector<int> type_end(static_cast<std::size_t>(nu));  // first unit after u's type
  for (int u = nu; u-- > 0;) type_end[u] = u + 1 < nu && st.type[u + 1] == st.type[u] ? type_end[u + 1] : u + 1;
  const double* value = p.value.data();
  constexpr double kEps = 1e-12;
  // Change counts: `clock` counts applied moves and swaps; changed[t] = clock at t's last change;
  // turn[u] = clock when u's turn began in the previous swap pass (kNever: no pass yet).
  constexpr long long kNever = -1, kLongAgo = -2;
  long long clock = 0;
  std::vector<long long> changed(static_cast<std::size_t>(nt), dirty ? kLongAgo : 0);
  std::vector<long long> turn(static_cast<std::size_t>(nu), dirty ? kNever + 1 : kNever);  // dirty: as if a pass ended at 0
  std::vector<char> flag(static_cast<std::size_t>(nu), dirty ? 0 : 1);
  // The units on each target (any order) and the log of changes (clock, target), so that a swap
  // turn can list the units on targets changed since a given clock without scanning every unit.
  std::vector<std::vector<int>> on(static_cast<std::size_t>(nt));
  for (int u = 0; u < nu; ++u)
    if (st.a[u] >= 0) on[static_cast<std::size_t>(st.a[u])].push_back(u);
  const auto relocate = [&](int u, int from, int to) {
    if (from >= 0) {
      std::vector<int>& m = on[static_cast<std::size_t>(from)];
      *std::find(m.begin(), m.end(), u) = m.back();
      m.pop_back();
    }
    if (to >= 0) on[static_cast<std::size_t>(to)].push_back(u);
  };
  std::vector<std::pair<long long, int>> log;
  // Per unit on a target: the survival of its target without it, and the change of taking it off
  // (kept for the units of every target whose survival changes).
  std::vector<double> without(static_cast<std::size_t>(nu), 1.0), back_of(static_cast<std::size_t>(nu), 0.0);
  const auto cache = [&](int u) {
    const int t = st.a[u];
    if (t < 0) {
      back_of[u] = 0.0;
      return;
    }
    without[u] = st.survive_without(t, u);
    back_of[u] = value[t] * (without[u] - st.s[t]);
  };
  for (int u = 0; u < nu; ++u) cache(u);
  const auto recache = [&](int t) {
    for (int v : on[static_cast<std::size_t>(t)]) cache(v);
  };
  const auto touch = [&](int t, bool rose) {
    changed[static_cast<std::size_t>(t)] = clock;
    log.emplace_back(clock, t);
    for (int v : on[static_cast<std::size_t>(t)]) flag[v] = 1;
    if (!rose) return;
    const double vs = value[t] * st.s[t];
    const double* pk_t = rows.pk_column(t);
    for (int v = 0; v < nu; ++v)
      if (!flag[v] && pk_t[st.type[v]] > 0.0 && back_of[v] - vs * pk_t[st.type[v]] < -kEps) flag[v] = 1;
  };
  if (dirty) {
    for (int u = 0; u < nu; ++u)
      if (st.a[u] < 0) flag[u] = 1;
    for (int t : *dirty) touch(t, true);  // at clock 0: changed since the (virtual) pass at 0
  }
  const auto since = [&](int t, long long when) { return when == kNever || changed[static_cast<std::size_t>(t)] >= when; };
  std::vector<std::uint64_t> candidate_bits((static_cast<std::size_t>(nu) + 63) / 64, 0);

  for (bool improved = true; improved;) {
    improved = false;
    for (int u = 0; u < nu; ++u) {
      if (stop()) return st.a;
      if (!flag[u]) continue;  // no move of u gains
      flag[u] = 0;
      const int from = st.a[u];
      const double back = back_of[u];
      double best_delta = -kEps;
      int best_to = from;
      if (from >= 0 && back < best_delta) {  // off (to = -1)
        best_delta = back;
        best_to = -1;
      }
      const double* row = rows.pk_row(st.type[u]);
      const double* s = st.s.data();
      for (int to = 0; to < nt; ++to) {
        if (to == from || row[to] <= 0.0) continue;
        const double delta = back - value[to] * s[to] * row[to];
        if (delta < best_delta) {
          best_delta = delta;
          best_to = to;
        }
      }
      if (best_to == from) continue;
      st.move(u, best_to);
      relocate(u, from, best_to);
      if (from >= 0) recache(from);
      if (best_to >= 0) recache(best_to);
      else cache(u);
      ++clock;
      if (from >= 0) touch(from, true);
      if (best_to >= 0) touch(best_to, false);
      improved = true;
    }
    for (int u = 0; u < nu; ++u) {
      if (stop()) return st.a;
      const long long when = turn[u];
      turn[u] = clock;
      const double* row_u = rows.pk_row(st.type[u]);
      // Swap u and k (the new survival of their targets given).
      const auto do_swap = [&](int k, double new_ju, double new_jk) {
        const int ju = st.a[u], jk = st.a[k];
        const bool ju_rose = new_ju > st.s[ju], jk_rose = new_jk > st.s[jk];
        std::swap(st.a[u], st.a[k]);
        relocate(u, ju, jk);
        relocate(k, jk, ju);
        st.s[ju] = new_ju;
        st.s[jk] = new_jk;
        recache(ju);
        recache(jk);
        ++clock;
        touch(ju, ju_rose);
        touch(jk, jk_rose);
        improved = true;
      };
      // Swap u and k when it gains; true when swapped.
      const auto try_swap = [&](int k) __attribute__((always_inline)) {
        const int ju = st.a[u], jk = st.a[k];
        if (ju < 0 || jk < 0 || ju == jk) return false;
        if (!since(ju, when) && !since(jk, when)) return false;  // found not to gain, and unchanged since
        if (row_u[jk] <= 0.0 || rows.pk_column(ju)[st.type[k]] <= 0.0) return false;
        const double new_ju = without[u] * rows.q_column(ju)[st.type[k]];
        const double new_jk = without[k] * (1.0 - row_u[jk]);
        const double delta = value[ju] * (new_ju - st.s[ju]) + value[jk] * (new_jk - st.s[jk]);
        if (delta >= -kEps) return false;
        do_swap(k, new_ju, new_jk);
        return true;
      };
      int k = type_end[u];
      if (st.a[u] >= 0 && !since(st.a[u], when)) {
        // u's target is unchanged since `when`: until u swaps, only the units on targets changed
        // since then can gain, in increasing order as the full scan would take them.
        // (The candidates as a bit set over units, read in increasing order from k; a target logged
        // twice sets the same bits.)
        std::size_t w_lo = candidate_bits.size(), w_hi = 0;
        for (std::size_t e = log.size(); e-- > 0 && log[e].first >= when;)
          for (int v : on[static_cast<std::size_t>(log[e].second)]) {
            const std::size_t w = static_cast<std::size_t>(v) / 64;
            candidate_bits[w] |= std::uint64_t{1} << (v % 64);
            w_lo = std::min(w_lo, w);
            w_hi = std::max(w_hi, w);
          }
        bool swapped = false;
        const std::size_t w_k = static_cast<std::size_t>(k) / 64;
        for (std::size_t w = w_lo; w <= w_hi && w < candidate_bits.size(); ++w) {
          std::uint64_t bits = candidate_bits[w];
          candidate_bits[w] = 0;
          if (w < w_k) continue;
          if (w == w_k) bits &= ~std::uint64_t{0} << (k % 64);  // units before k left out
          for (; bits != 0 && !swapped; bits &= bits - 1) {
            const int c = static_cast<int>(w * 64) + std::countr_zero(bits);
            if (try_swap(c)) {
              k = c + 1;  // u moved: every later pair may gain now
              swapped = true;
            }
          }
        }
        if (!swapped) continue;
      }
      // Every pair from k on: u's target changed since `when` (or u just swapped), so since(ju, when)
      // holds for each and is not tested; an unassigned u swaps with nobody.
      for (; k < nu && st.a[u] >= 0; ++k) {
        const int ju = st.a[u], jk = st.a[k];
        if (jk < 0 || ju == jk) continue;
        const int type_k = st.type[k];
        if (row_u[jk] <= 0.0 || rows.pk_column(ju)[type_k] <= 0.0) continue;
        const double new_ju = without[u] * rows.q_column(ju)[type_k];
        const double new_jk = without[k] * (1.0 - row_u[jk]);
        const double delta = value[ju] * (new_ju - st.s[ju]) + value[jk] * (new_jk - st.s[jk]);
        if (delta >= -kEps) continue;
        do_swap(k, new_ju, new_jk);
      }
    }
  }
  return st.a;
}

}  // namespace

std::vector<int> wta_local_search(const WtaProblem& p, std::vector<int> start, const std::function<bool()>& stop) {
  return wta_local_search_from(p, std::move(start), nullptr, stop);
}

WtaRows::WtaRows(const WtaProblem& p) : nt(static_cast<int>(p.value.size())), nw(static_cast<int>(p.pk.rows())) {
  pk.resize(static_cast<std::size_t>(nw) * static_cast<std::size_t>(nt));
  q.resize(pk.size());
  pk_col.resize(pk.size());
  q_col.resize(pk.size());
  for (int i = 0; i < nw; ++i)
    for (int t = 0; t < nt; ++t) {
      pk[static_cast<std::size_t>(i) * nt + t] = pk_col[static_cast<std::size_t>(t) * nw + i] = p.pk(i, t);
      q[static_cast<std::size_t>(i) * nt + t] = q_col[static_cast<std::size_t>(t) * nw + i] = 1.0 - p.pk(i, t);
    }
}

std::vector<int> wta_local_search_from(const WtaProblem& p, std::vector<int> start, const std::vector<int>* dirty,
                                       const std::function<bool()>& stop) {
  return wta_local_search_rows(p, WtaRows(p), std::move(start), dirty, stop);
}

std::vector<int> wta_local_search_rows(const WtaProblem& p, const WtaRows& rows, std::vector<int> start, const std::vector<int>* dirty,
                                       const std::function<bool()>& stop) {
  State st(p, std::move(start));
  if (p.max_per_target.empty() && p.max_targets < 0 && p.max_weapons < 0) return local_search_unconstrained(st, rows, dirty, stop);
  const int nu = static_cast<int>(st.a.size()), nt = static_cast<int>(p.value.size());
  constexpr double kEps = 1e-12;
  for (bool improved = true; improved;) {
    improved = false;
    // Move one unit to the target (or off) that lowers the surviving value most.
    for (int u = 0; u < nu; ++u) {
      if (stop()) return st.a;
      const int from = st.a[u];
      const double gain_back = from >= 0 ? p.value[from] * (st.survive_without(from, u) - st.s[from]) : 0.0;
      double best_delta = -kEps;
      int best_to = from;
      for (int to = -1; to < nt; ++to) {
        if (!st.can_move(u, to)) continue;
        const double delta = gain_back - (to >= 0 ? p.value[to] * st.s[to] * p.pk(st.type[u], to) : 0.0);
        if (delta < best_delta) {
          best_delta = delta;
          best_to = to;
        }
      }
      if (best_to == from) continue;
      st.move(u, best_to);
      improved = true;
    }
    // Swap the targets of two units of different types on different targets (counts unchanged).
    for (int u = 0; u < nu; ++u) {
      if (stop()) return st.a;
      for (int k = u + 1; k < nu; ++k) {
        const int ju = st.a[u], jk = st.a[k];
        if (ju < 0 || jk < 0 || ju == jk || st.type[u] == st.type[k]) continue;
        if (p.pk(st.type[u], jk) <= 0.0 || p.pk(st.type[k], ju) <= 0.0) continue;
        const double new_ju = st.survive_without(ju, u) * st.q(k, ju);
        const double new_jk = st.survive_without(jk, k) * st.q(u, jk);
        const double delta = p.value[ju] * (new_ju - st.s[ju]) + p.value[jk] * (new_jk - st.s[jk]);
        if (delta >= -kEps) continue;
        std::swap(st.a[u], st.a[k]);
        st.s[ju] = new_ju;
        st.s[jk] = new_jk;
        improved = true;
      }
    }
  }
  return st.a;
}

std::vector<int> wta_assignment_from_plan(const WtaProblem& p, const std::vector<std::vector<std::pair<int, int>>>& plan) {
  struct Pick { double w; int i, j; };
  std::vector<Pick> picks;
  for (std::size_t j = 0; j < plan.size(); ++j) {
    double s = 1.0;
    for (const auto& [i, c] : plan[j])
      for (int k = 0; k < c; ++k) s *= 1.0 - p.pk(i, static_cast<Eigen::Index>(j));
    for (const auto& [i, c] : plan[j]) {
      const double q = 1.0 - p.pk(i, static_cast<Eigen::Index>(j));
      const double others = q > 1e-9 ? s / q : 0.0;
      for (int k = 0; k < c; ++k) picks.push_back({p.value[j] * p.pk(i, static_cast<Eigen::Index>(j)) * others, i, static_cast<int>(j)});
    }
  }
  std::stable_sort(picks.begin(), picks.end(), [](const Pick& a, const Pick& b) { return a.w > b.w; });
  const int nw = static_cast<int>(p.pk.rows());
  std::vector<int> first_unit(static_cast<std::size_t>(nw)), taken(static_cast<std::size_t>(nw), 0), per_target(p.value.size(), 0);
  for (int i = 0, u = 0; i < nw; ++i) {
    first_unit[i] = u;
    u += p.copies.empty() ? 1 : p.copies[i];
  }
  std::vector<int> a(static_cast<std::size_t>(wta_unit_count(p)), -1);
  int used = 0, engaged = 0;
  for (const Pick& k : picks) {
    if (taken[k.i] >= (p.copies.empty() ? 1 : p.copies[k.i]) || p.pk(k.i, k.j) <= 0.0) continue;
    if (p.max_weapons >= 0 && used >= p.max_weapons) continue;
    if (!p.max_per_target.empty() && per_target[k.j] >= p.max_per_target[k.j]) continue;
    if (p.max_targets >= 0 && per_target[k.j] == 0 && engaged >= p.max_targets) continue;
    a[first_unit[k.i] + taken[k.i]++] = k.j;
    ++used;
    if (per_target[k.j]++ == 0) ++engaged;
  }
  return a;
}

}  // namespace skyshield
