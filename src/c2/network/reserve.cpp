#include "c2/network/reserve.hpp"

#include <algorithm>

namespace skyshield {

namespace {
double round_cost(const WtaProblem& p, const ReserveRows& rows, double weight, std::size_t row, int target) {
  const int s = std::max(1, rows.stock[static_cast<std::size_t>(rows.member_of_row[row])]);
  return weight * p.value[static_cast<std::size_t>(target)] / s;
}

// Whether member m may take one more weapon on `target` (its channels, counting the current assignment).
bool member_has_room(const ReserveRows& rows, const std::vector<int>& assignment, int m, int target) {
  int weapons = 0;
  std::vector<int> targets;
  bool on_target = false;
  for (std::size_t i = 0; i < assignment.size(); ++i) {
    if (rows.member_of_row[i] != m || assignment[i] < 0) continue;
    ++weapons;
    if (std::find(targets.begin(), targets.end(), assignment[i]) == targets.end()) targets.push_back(assignment[i]);
    on_target = on_target || assignment[i] == target;
  }
  const int mw = rows.max_weapons[static_cast<std::size_t>(m)], mt = rows.max_targets[static_cast<std::size_t>(m)];
  if (mw >= 0 && weapons + 1 > mw) return false;
  return on_target || mt < 0 || static_cast<int>(targets.size()) + 1 <= mt;
}
// V_j times the probability that the shots on j all miss.
double target_survival(const WtaProblem& p, const std::vector<int>& assignment, int j) {
  double miss = 1.0;
  for (std::size_t k = 0; k < assignment.size(); ++k)
    if (assignment[k] == j) miss *= 1.0 - p.pk(static_cast<Eigen::Index>(k), j);
  return p.value[static_cast<std::size_t>(j)] * miss;
}

// Whether member m engages no more targets than its free target channels (or no more than it did).
bool within_targets(const ReserveRows& rows, const std::vector<int>& assignment, int m) {
  const int mt = rows.max_targets[static_cast<std::size_t>(m)];
  if (mt < 0) return true;
  std::vector<int> targets;
  for (std::size_t i = 0; i < assignment.size(); ++i)
    if (rows.member_of_row[i] == m && assignment[i] >= 0 && std::find(targets.begin(), targets.end(), assignment[i]) == targets.end())
      targets.push_back(assignment[i]);
  return static_cast<int>(targets.size()) <= mt;
}
}  // namespace

double reserve_objective(const WtaProblem& p, const ReserveRows& rows, double weight, const std::vector<int>& assignment) {
  double j_value = wta_surviving_value(p, assignment);
  for (std::size_t i = 0; i < assignment.size(); ++i)
    if (assignment[i] >= 0) j_value += round_cost(p, rows, weight, i, assignment[i]);
  return j_value;
}

void rebalance_for_reserve(const WtaProblem& p, const ReserveRows& rows, double weight, std::vector<int>& assignment) {
  if (weight <= 0.0) return;
  constexpr double kEps = 1e-12;
  for (;;) {
    std::size_t best_from = 0, best_to = 0;
    double best_delta = -kEps;
    for (std::size_t i = 0; i < assignment.size(); ++i) {
      const int j = assignment[i];
      if (j < 0) continue;
      const Eigen::Index jj = j;
      double others = 1.0;  // probability that the other shots on j all miss
      for (std::size_t k = 0; k < assignment.size(); ++k)
        if (k != i && assignment[k] == j) others *= 1.0 - p.pk(static_cast<Eigen::Index>(k), jj);
      const double v = p.value[static_cast<std::size_t>(j)];
      for (std::size_t q = 0; q < assignment.size(); ++q) {
        if (assignment[q] >= 0 || p.pk(static_cast<Eigen::Index>(q), jj) <= 0.0) continue;
        // Surviving value: V others (1 - p_qj) instead of V others (1 - p_ij).
        const double delta = v * others * (p.pk(static_cast<Eigen::Index>(i), jj) - p.pk(static_cast<Eigen::Index>(q), jj)) +
                             round_cost(p, rows, weight, q, j) - round_cost(p, rows, weight, i, j);
        if (delta >= best_delta) continue;
        // The receiving member's channels, with row i's shot withdrawn first (it may be the same member).
        std::vector<int> without = assignment;
        without[i] = -1;
        if (!member_has_room(rows, without, rows.member_of_row[q], j)) continue;
        best_delta = delta;
        best_from = i;
        best_to = q;
      }
    }
    // Swaps: two weapons on different targets exchange them (the shots per target stay).
    bool swap = false;
    for (std::size_t i = 0; i < assignment.size(); ++i)
      for (std::size_t q = i + 1; q < assignment.size(); ++q) {
        const int ji = assignment[i], jq = assignment[q];
        if (ji < 0 || jq < 0 || ji == jq || p.pk(static_cast<Eigen::Index>(i), jq) <= 0.0 || p.pk(static_cast<Eigen::Index>(q), ji) <= 0.0)
          continue;
        std::vector<int> trial = assignment;
        std::swap(trial[i], trial[q]);
        const double delta = target_survival(p, trial, ji) + target_survival(p, trial, jq) - target_survival(p, assignment, ji) -
                             target_survival(p, assignment, jq) + round_cost(p, rows, weight, i, jq) + round_cost(p, rows, weight, q, ji) -
                             round_cost(p, rows, weight, i, ji) - round_cost(p, rows, weight, q, jq);
        if (delta >= best_delta || !within_targets(rows, trial, rows.member_of_row[i]) || !within_targets(rows, trial, rows.member_of_row[q]))
          continue;
        best_delta = delta;
        best_from = i;
        best_to = q;
        swap = true;
      }
    if (best_delta >= -kEps) return;
    if (swap) {
      std::swap(assignment[best_from], assignment[best_to]);
      continue;
    }
    assignment[best_to] = assignment[best_from];
    assignment[best_from] = -1;
  }
}

}  // namespace skyshield
