#include "c2/wta.hpp"

#include <functional>

namespace skyshield {

namespace {
bool feasible_add(const WtaProblem& p, const std::vector<int>& per_target, int engaged, int used, int j) {
  if (p.max_weapons >= 0 && used >= p.max_weapons) return false;
  if (!p.max_per_target.empty() && per_target[j] >= p.max_per_target[j]) return false;
  if (p.max_targets >= 0 && per_target[j] == 0 && engaged >= p.max_targets) return false;
  return true;
}
}  // namespace

double wta_surviving_value(const WtaProblem& p, const std::vector<int>& assignment) {
  std::vector<double> survive(p.value.size(), 1.0);
  for (std::size_t i = 0; i < assignment.size(); ++i)
    if (assignment[i] >= 0) survive[assignment[i]] *= 1.0 - p.pk(static_cast<Eigen::Index>(i), assignment[i]);
  double total = 0.0;
  for (std::size_t j = 0; j < p.value.size(); ++j) total += p.value[j] * survive[j];
  return total;
}

std::vector<int> wta_greedy(const WtaProblem& p) {
  const int nw = static_cast<int>(p.pk.rows()), nt = static_cast<int>(p.value.size());
  std::vector<int> assignment(nw, -1), per_target(nt, 0);
  std::vector<double> survive(nt, 1.0);
  int engaged = 0, used = 0;
  for (;;) {
    double best_gain = 0.0;
    int bi = -1, bj = -1;
    for (int i = 0; i < nw; ++i) {
      if (assignment[i] >= 0) continue;
      for (int j = 0; j < nt; ++j) {
        if (!feasible_add(p, per_target, engaged, used, j)) continue;
        const double gain = p.value[j] * survive[j] * p.pk(i, j);
        if (gain > best_gain) { best_gain = gain; bi = i; bj = j; }
      }
    }
    if (bi < 0) return assignment;
    assignment[bi] = bj;
    survive[bj] *= 1.0 - p.pk(bi, bj);
    if (per_target[bj]++ == 0) ++engaged;
    ++used;
  }
}

std::vector<int> wta_brute_force(const WtaProblem& p) {
  const int nw = static_cast<int>(p.pk.rows()), nt = static_cast<int>(p.value.size());
  std::vector<int> current(nw, -1), best(nw, -1), per_target(nt, 0);
  double best_value = wta_surviving_value(p, best);
  int engaged = 0, used = 0;
  std::function<void(int)> rec = [&](int i) {
    if (i == nw) {
      const double v = wta_surviving_value(p, current);
      if (v < best_value - 1e-12) { best_value = v; best = current; }
      return;
    }
    current[i] = -1;
    rec(i + 1);
    for (int j = 0; j < nt; ++j) {
      if (!feasible_add(p, per_target, engaged, used, j)) continue;
      current[i] = j;
      if (per_target[j]++ == 0) ++engaged;
      ++used;
      rec(i + 1);
      --used;
      if (--per_target[j] == 0) --engaged;
      current[i] = -1;
    }
  };
  rec(0);
  return best;
}

}  // namespace skyshield
