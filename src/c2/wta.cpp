#include "c2/wta.hpp"

#include <algorithm>
#include <functional>
#include <numeric>

namespace skyshield {

namespace {
bool feasible_add(const WtaProblem& p, const std::vector<int>& per_target, int engaged, int used, int j) {
  if (p.max_weapons >= 0 && used >= p.max_weapons) return false;
  if (!p.max_per_target.empty() && per_target[j] >= p.max_per_target[j]) return false;
  if (p.max_targets >= 0 && per_target[j] == 0 && engaged >= p.max_targets) return false;
  return true;
}
}  // namespace

int wta_unit_count(const WtaProblem& p) {
  if (p.copies.empty()) return static_cast<int>(p.pk.rows());
  return std::accumulate(p.copies.begin(), p.copies.end(), 0);
}

std::vector<int> wta_unit_types(const WtaProblem& p) {
  std::vector<int> type;
  type.reserve(static_cast<std::size_t>(wta_unit_count(p)));
  for (int i = 0; i < static_cast<int>(p.pk.rows()); ++i)
    for (int c = 0; c < (p.copies.empty() ? 1 : p.copies[static_cast<std::size_t>(i)]); ++c) type.push_back(i);
  return type;
}

WtaProblem wta_expand_copies(const WtaProblem& p) {
  if (p.copies.empty()) return p;
  WtaProblem e = p;
  e.copies.clear();
  const std::vector<int> type = wta_unit_types(p);
  e.pk.resize(static_cast<Eigen::Index>(type.size()), p.pk.cols());
  for (std::size_t u = 0; u < type.size(); ++u) e.pk.row(static_cast<Eigen::Index>(u)) = p.pk.row(type[u]);
  return e;
}

double wta_surviving_value(const WtaProblem& p, const std::vector<int>& assignment) {
  const std::vector<int> type = wta_unit_types(p);
  std::vector<double> survive(p.value.size(), 1.0);
  for (std::size_t u = 0; u < assignment.size() && u < type.size(); ++u)
    if (assignment[u] >= 0) survive[assignment[u]] *= 1.0 - p.pk(type[u], assignment[u]);
  double total = 0.0;
  for (std::size_t j = 0; j < p.value.size(); ++j) total += p.value[j] * survive[j];
  return total;
}

std::vector<int> wta_greedy(const WtaProblem& p) {
  const int nw = static_cast<int>(p.pk.rows()), nt = static_cast<int>(p.value.size());
  std::vector<int> left(nw), first_unit(nw);
  for (int i = 0, u = 0; i < nw; ++i) {
    left[i] = p.copies.empty() ? 1 : p.copies[i];
    first_unit[i] = u;
    u += left[i];
  }
  std::vector<int> assignment(static_cast<std::size_t>(wta_unit_count(p)), -1), per_target(nt, 0);
  // Per target, the types by decreasing Pk (ties: lower index first) and a cursor past spent types.
  std::vector<std::vector<int>> order(nt);
  std::vector<std::size_t> cursor(nt, 0);
  for (int j = 0; j < nt; ++j) {
    for (int i = 0; i < nw; ++i)
      if (p.pk(i, j) > 0.0) order[j].push_back(i);
    std::stable_sort(order[j].begin(), order[j].end(), [&](int a, int b) { return p.pk(a, j) > p.pk(b, j); });
  }
  std::vector<double> survive(nt, 1.0);
  int engaged = 0, used = 0;
  for (;;) {
    double best_gain = 0.0;
    int bi = -1, bj = -1;
    for (int j = 0; j < nt; ++j) {
      while (cursor[j] < order[j].size() && left[order[j][cursor[j]]] == 0) ++cursor[j];
      if (cursor[j] == order[j].size() || !feasible_add(p, per_target, engaged, used, j)) continue;
      const int i = order[j][cursor[j]];
      const double gain = p.value[j] * survive[j] * p.pk(i, j);
      if (gain > best_gain) { best_gain = gain; bi = i; bj = j; }
    }
    if (bi < 0) return assignment;
    const int taken = p.copies.empty() ? 1 - left[bi] : p.copies[bi] - left[bi];
    assignment[static_cast<std::size_t>(first_unit[bi] + taken)] = bj;
    --left[bi];
    survive[bj] *= 1.0 - p.pk(bi, bj);
    if (per_target[bj]++ == 0) ++engaged;
    ++used;
  }
}

std::vector<int> wta_brute_force(const WtaProblem& prob) {
  const WtaProblem p = wta_expand_copies(prob);
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
