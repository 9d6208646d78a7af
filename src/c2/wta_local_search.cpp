#include "c2/wta_solvers.hpp"

namespace skyshield {

namespace {

// An assignment with its per-target counts, kept feasible by every move.
struct State {
  const WtaProblem& p;
  std::vector<int> a;
  std::vector<int> per_target;
  int engaged = 0, used = 0;

  State(const WtaProblem& prob, std::vector<int> start) : p(prob), a(std::move(start)), per_target(prob.value.size(), 0) {
    for (int j : a)
      if (j >= 0) {
        ++used;
        if (per_target[j]++ == 0) ++engaged;
      }
  }
  // Survival probability of target j from the weapons on it, leaving out weapon `skip`.
  double survive(int j, int skip = -1) const {
    double s = 1.0;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (a[i] == j && static_cast<int>(i) != skip) s *= 1.0 - p.pk(static_cast<Eigen::Index>(i), j);
    return s;
  }
  bool can_move(int i, int to) const {
    const int from = a[i];
    if (to == from) return false;
    if (to < 0) return true;
    if (p.pk(i, to) <= 0.0) return false;
    if (p.max_weapons >= 0 && from < 0 && used + 1 > p.max_weapons) return false;
    if (!p.max_per_target.empty() && per_target[to] + 1 > p.max_per_target[to]) return false;
    if (p.max_targets >= 0 && per_target[to] == 0) {
      const int engaged_after = engaged + 1 - (from >= 0 && per_target[from] == 1 ? 1 : 0);
      if (engaged_after > p.max_targets) return false;
    }
    return true;
  }
  void move(int i, int to) {
    const int from = a[i];
    if (from >= 0) {
      if (--per_target[from] == 0) --engaged;
      --used;
    }
    a[i] = to;
    if (to >= 0) {
      if (per_target[to]++ == 0) ++engaged;
      ++used;
    }
  }
};

}  // namespace

std::vector<int> wta_local_search(const WtaProblem& p, std::vector<int> start) {
  State st(p, std::move(start));
  const int nw = static_cast<int>(p.pk.rows()), nt = static_cast<int>(p.value.size());
  std::vector<double> s(nt);
  for (int j = 0; j < nt; ++j) s[j] = st.survive(j);
  constexpr double kEps = 1e-12;
  for (bool improved = true; improved;) {
    improved = false;
    // Move one weapon to the target (or off) that lowers the surviving value most.
    for (int i = 0; i < nw; ++i) {
      const int from = st.a[i];
      const double gain_back = from >= 0 ? p.value[from] * (st.survive(from, i) - s[from]) : 0.0;  // cost of removing
      double best_delta = -kEps;
      int best_to = from;
      for (int to = -1; to < nt; ++to) {
        if (!st.can_move(i, to)) continue;
        const double delta = gain_back - (to >= 0 ? p.value[to] * s[to] * p.pk(i, to) : 0.0);
        if (delta < best_delta) {
          best_delta = delta;
          best_to = to;
        }
      }
      if (best_to == from) continue;
      st.move(i, best_to);
      if (from >= 0) s[from] = st.survive(from);
      if (best_to >= 0) s[best_to] = st.survive(best_to);
      improved = true;
    }
    // Swap the targets of two weapons on different targets (every count unchanged).
    for (int i = 0; i < nw; ++i) {
      for (int k = i + 1; k < nw; ++k) {
        const int ji = st.a[i], jk = st.a[k];
        if (ji < 0 || jk < 0 || ji == jk || p.pk(i, jk) <= 0.0 || p.pk(k, ji) <= 0.0) continue;
        const double new_ji = st.survive(ji, i) * (1.0 - p.pk(k, ji));
        const double new_jk = st.survive(jk, k) * (1.0 - p.pk(i, jk));
        const double delta = p.value[ji] * (new_ji - s[ji]) + p.value[jk] * (new_jk - s[jk]);
        if (delta >= -kEps) continue;
        std::swap(st.a[i], st.a[k]);
        s[ji] = new_ji;
        s[jk] = new_jk;
        improved = true;
      }
    }
  }
  return st.a;
}

}  // namespace skyshield
