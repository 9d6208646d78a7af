#include "c2/wta_column_generation.hpp"

#include <ClpSimplex.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>

namespace skyshield {

namespace {

// A plan's column: its objective V_j prod q^x and its rows (target j, each type's count, totals).
constexpr std::size_t kSingles = 12;  // single-weapon columns per target at the start
constexpr double kSmoothing = 0.5;    // Wentges (1997) dual smoothing toward the best multipliers

struct Column {
  int target;
  std::vector<std::pair<int, int>> items;
};

}  // namespace

WtaColumnGenerationResult wta_column_generation(const WtaLagrangian& lag, const WtaCountBox& box,
                                                const std::vector<std::vector<std::pair<int, int>>>& start,
                                                WtaMultipliers start_multipliers, int max_rounds,
                                                const std::function<bool()>& stop, double seconds_left) {
  const WtaProblem& p = lag.problem();
  const int nw = lag.types(), nt = static_cast<int>(p.value.size());
  const bool has_weapons = p.max_weapons >= 0, has_targets = p.max_targets >= 0;
  const int row_weapons = nt + nw, row_targets = nt + nw + (has_weapons ? 1 : 0);
  const int rows = nt + nw + (has_weapons ? 1 : 0) + (has_targets ? 1 : 0);
  ClpSimplex lp;
  lp.setLogLevel(0);
  lp.resize(rows, 0);
  for (int j = 0; j < nt; ++j) {
    lp.setRowLower(j, 1.0);  // one plan (a convex combination of plans) per target
    lp.setRowUpper(j, 1.0);
  }
  for (int i = 0; i < nw; ++i) {
    lp.setRowLower(nt + i, -COIN_DBL_MAX);
    lp.setRowUpper(nt + i, lag.copies(i));
  }
  if (has_weapons) {
    lp.setRowLower(row_weapons, -COIN_DBL_MAX);
    lp.setRowUpper(row_weapons, p.max_weapons);
  }
  if (has_targets) {
    lp.setRowLower(row_targets, -COIN_DBL_MAX);
    lp.setRowUpper(row_targets, p.max_targets);
  }
  std::vector<Column> columns;
  // Columns are added in batches: ClpModel::addColumn copies the whole matrix each time.
  std::vector<double> new_lo, new_up, new_obj, new_el;
  std::vector<int> new_start{0}, new_row;
  std::map<std::pair<int, std::vector<std::pair<int, int>>>, int> known;
  const auto add = [&](int j, std::vector<std::pair<int, int>> items) {
    std::sort(items.begin(), items.end());
    // Only plans inside the box (the forced counts included) are columns of this node.
    std::vector<int> count(static_cast<std::size_t>(nw), 0);
    for (const auto& [i, c] : items) count[static_cast<std::size_t>(i)] = c;
    for (int i = 0; i < nw; ++i)
      if (count[static_cast<std::size_t>(i)] < box.low(i, j) || count[static_cast<std::size_t>(i)] > box.high(i, j)) return false;
    if (!known.emplace(std::pair{j, items}, static_cast<int>(columns.size())).second) return false;
    double surv = 1.0;
    int n = 0;
    std::vector<int> r{j};
    std::vector<double> e{1.0};
    for (const auto& [i, c] : items) {
      surv *= std::pow(1.0 - p.pk(i, j), c);
      n += c;
      r.push_back(nt + i);
      e.push_back(c);
    }
    if (has_weapons && n > 0) { r.push_back(row_weapons); e.push_back(n); }
    if (has_targets && n > 0) { r.push_back(row_targets); e.push_back(1.0); }
    new_lo.push_back(0.0);
    new_up.push_back(COIN_DBL_MAX);
    new_obj.push_back(p.value[static_cast<std::size_t>(j)] * surv);
    new_row.insert(new_row.end(), r.begin(), r.end());
    new_el.insert(new_el.end(), e.begin(), e.end());
    new_start.push_back(static_cast<int>(new_row.size()));
    columns.push_back({j, std::move(items)});
    return true;
  };
  for (int j = 0; j < nt; ++j) {
    std::vector<std::pair<int, int>> forced;
    for (int i = 0; i < nw; ++i)
      if (box.low(i, j) > 0) forced.emplace_back(i, box.low(i, j));
    add(j, forced);  // the least plan: always there, so the master is feasible when the node is
    if (j < static_cast<int>(start.size())) add(j, start[static_cast<std::size_t>(j)]);
    // The kSingles single weapons of best reduced value V_j p_ij - u_i on top of the forced plan:
    // the master starts near the assignment LP, whose duals are sensible prices.
    std::vector<std::pair<double, int>> singles;
    for (int i = 0; i < nw; ++i)
      if (box.high(i, j) > box.low(i, j) && p.pk(i, j) > 0.0)
        singles.emplace_back(-(p.value[static_cast<std::size_t>(j)] * p.pk(i, j) - start_multipliers.u[static_cast<std::size_t>(i)]), i);
    const std::size_t keep = std::min<std::size_t>(singles.size(), kSingles);
    std::partial_sort(singles.begin(), singles.begin() + static_cast<std::ptrdiff_t>(keep), singles.end());
    for (std::size_t k = 0; k < keep; ++k) {
      const int i = singles[k].second;
      std::vector<std::pair<int, int>> one = forced;
      auto it = std::find_if(one.begin(), one.end(), [&](const auto& e) { return e.first == i; });
      if (it != one.end()) ++it->second;
      else one.emplace_back(i, 1);
      add(j, one);
    }
  }
  WtaColumnGenerationResult out;
  out.multipliers = start_multipliers;
  if (stop()) return out;  // out.best.bound stays 0: no bound claimed
  out.best = lag.evaluate(start_multipliers, box);
  WtaMultipliers m = start_multipliers;
  const auto t0 = std::chrono::steady_clock::now();
  for (int round = 0; round < max_rounds && !stop(); ++round) {
    if (seconds_left > 0.0) lp.setMaximumSeconds(std::max(1e-3, seconds_left - std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count()));
    if (!new_obj.empty()) {
      lp.addColumns(static_cast<int>(new_obj.size()), new_lo.data(), new_up.data(), new_obj.data(), new_start.data(), new_row.data(),
                    new_el.data());
      new_lo.clear();
      new_up.clear();
      new_obj.clear();
      new_el.clear();
      new_row.clear();
      new_start.assign(1, 0);
    }
    lp.primal(1);
    if (lp.status() != 0) break;  // infeasible node or numerical trouble: keep the best bound so far
    out.lp_value = lp.getObjValue();
    out.rounds = round + 1;
    const double* dual = lp.dualRowSolution();
    // Price at a point between the LP's duals and the best multipliers so far (smoothing keeps the
    // degenerate LP duals, a type priced at 0, from making every target want every weapon).
    const WtaMultipliers& c = out.multipliers;
    for (int i = 0; i < nw; ++i)
      m.u[static_cast<std::size_t>(i)] = kSmoothing * c.u[static_cast<std::size_t>(i)] + (1 - kSmoothing) * std::max(0.0, -dual[nt + i]);
    m.lambda = kSmoothing * c.lambda + (1 - kSmoothing) * (has_weapons ? std::max(0.0, -dual[row_weapons]) : 0.0);
    m.mu = kSmoothing * c.mu + (1 - kSmoothing) * (has_targets ? std::max(0.0, -dual[row_targets]) : 0.0);
    const WtaDualSolution d = lag.evaluate(m, box);
    if (d.bound > out.best.bound) {
      out.best = d;
      out.multipliers = m;
    }
    if (d.bound >= out.lp_value - 1e-9 * std::abs(out.lp_value) - 1e-12) break;  // L(u) meets the LP: optimal duals
    // Add each target's plan whose reduced cost at the LP's duals is negative; if the smoothed
    // prices found none, price at the LP's duals themselves (no column missed at convergence).
    const auto reduced_cost = [&](int j, const std::vector<std::pair<int, int>>& items) {
      double surv = 1.0, rc = 0.0;
      int n = 0;
      for (const auto& [i, c] : items) {
        surv *= std::pow(1.0 - p.pk(i, j), c);
        rc -= dual[nt + i] * c;
        n += c;
      }
      if (has_weapons) rc -= dual[row_weapons] * n;
      if (has_targets && n > 0) rc -= dual[row_targets];
      return rc + p.value[static_cast<std::size_t>(j)] * surv - dual[j];
    };
    const auto add_negative = [&](const WtaDualSolution& at) {
      int n = 0;
      for (int j = 0; j < nt; ++j)
        if (reduced_cost(j, at.plan[static_cast<std::size_t>(j)]) < -1e-9 * std::max(1.0, std::abs(dual[j])))
          n += add(j, at.plan[static_cast<std::size_t>(j)]);
      return n;
    };
    int added = add_negative(d);
    if (added == 0) {
      WtaMultipliers at_lp = m;
      for (int i = 0; i < nw; ++i) at_lp.u[static_cast<std::size_t>(i)] = std::max(0.0, -dual[nt + i]);
      at_lp.lambda = has_weapons ? std::max(0.0, -dual[row_weapons]) : 0.0;
      at_lp.mu = has_targets ? std::max(0.0, -dual[row_targets]) : 0.0;
      const WtaDualSolution e = lag.evaluate(at_lp, box);
      if (e.bound > out.best.bound) {
        out.best = e;
        out.multipliers = at_lp;
      }
      added = add_negative(e);
    }
    if (added == 0) break;  // no improving column: the LP value is the LP bound (proven if L meets it)
  }
  // The LP solution: per target, the plan of largest weight.
  out.lp_plan.assign(static_cast<std::size_t>(nt), {});
  std::vector<double> weight(static_cast<std::size_t>(nt), -1.0);
  const double* x = lp.primalColumnSolution();
  out.lp_integral = out.rounds > 0;
  for (std::size_t c = 0; c < columns.size() && out.rounds > 0; ++c) {
    const int j = columns[c].target;
    if (x[c] > 1e-9 && x[c] < 1.0 - 1e-9) out.lp_integral = false;
    if (x[c] > weight[static_cast<std::size_t>(j)]) {
      weight[static_cast<std::size_t>(j)] = x[c];
      out.lp_plan[static_cast<std::size_t>(j)] = columns[c].items;
    }
  }
  return out;
}

}  // namespace skyshield
