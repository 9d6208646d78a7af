#include "c2/wta_lagrangian.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace skyshield {

namespace {
// Enumeration nodes of one target's problem before it falls back to a weaker (still valid) bound.
constexpr long long kTargetNodeLimit = 200000;
// Candidates put in order before a target's enumeration; the rest only when it reaches them.
constexpr std::size_t kSortedPrefix = 16;
}  // namespace

WtaMultipliers wta_multipliers_from_assignment(const WtaProblem& p, const std::vector<int>& assignment) {
  const std::vector<int> type = wta_unit_types(p);
  WtaMultipliers m;
  m.u.assign(static_cast<std::size_t>(p.pk.rows()), std::numeric_limits<double>::infinity());
  std::vector<double> s(p.value.size(), 1.0);
  for (std::size_t u = 0; u < assignment.size(); ++u)
    if (assignment[u] >= 0) s[assignment[u]] *= 1.0 - p.pk(type[u], assignment[u]);
  std::vector<bool> used(m.u.size(), false);
  for (std::size_t u = 0; u < assignment.size(); ++u) {
    const int j = assignment[u], i = type[u];
    if (j < 0) continue;
    const double q = 1.0 - p.pk(i, j);
    const double loss = q > 1e-9 ? p.value[j] * s[j] / q * p.pk(i, j) : p.value[j] * p.pk(i, j);
    m.u[i] = std::min(m.u[i], loss);
    used[i] = true;
  }
  for (std::size_t i = 0; i < m.u.size(); ++i)
    if (!used[i]) m.u[i] = 0.0;
  return m;
}

WtaLagrangian::WtaLagrangian(const WtaProblem& p)
    : p_(p), nw_(static_cast<int>(p.pk.rows())), nt_(static_cast<int>(p.value.size())) {
  for (int i = 0; i < nw_; ++i) m_.push_back(p.copies.empty() ? 1 : p.copies[static_cast<std::size_t>(i)]);
  strength_.resize(static_cast<std::size_t>(nw_) * nt_);
  for (int j = 0; j < nt_; ++j)
    for (int i = 0; i < nw_; ++i) {
      const double pk = p.pk(i, j);
      strength_[static_cast<std::size_t>(j) * nw_ + i] = pk > 0.0 && pk < 1.0 ? -std::log1p(-pk) : 0.0;
    }
}

WtaCountBox WtaLagrangian::full_box() const {
  WtaCountBox b;
  b.types = nw_;
  b.targets = nt_;
  b.lo.assign(static_cast<std::size_t>(nw_) * nt_, 0);
  b.hi.assign(static_cast<std::size_t>(nw_) * nt_, 0);
  for (int j = 0; j < nt_; ++j) {
    int cap = p_.max_per_target.empty() ? std::numeric_limits<int>::max() : p_.max_per_target[static_cast<std::size_t>(j)];
    if (p_.max_weapons >= 0) cap = std::min(cap, p_.max_weapons);
    if (p_.max_targets == 0) cap = 0;
    for (int i = 0; i < nw_; ++i) b.high(i, j) = p_.pk(i, j) > 0.0 ? std::max(0, std::min(m_[i], cap)) : 0;
  }
  return b;
}

double WtaLagrangian::solve_target(int j, const WtaMultipliers& m, const WtaCountBox& box,
                                   std::vector<std::pair<int, int>>& items, double& value) const {
  const double v = p_.value[static_cast<std::size_t>(j)];
  const int cap = p_.max_per_target.empty() ? std::numeric_limits<int>::max() : p_.max_per_target[static_cast<std::size_t>(j)];
  double p0 = 1.0, cost0 = 0.0;
  int n0 = 0;
  items.clear();
  std::vector<Cand>& cand = cand_;
  cand.clear();
  for (int i = 0; i < nw_; ++i) {
    const int lo = box.low(i, j), hi = box.high(i, j);
    const double pk = p_.pk(i, j), price = m.u[static_cast<std::size_t>(i)] + m.lambda;
    if (lo > 0) {
      p0 *= std::pow(1.0 - pk, lo);
      cost0 += price * lo;
      n0 += lo;
      items.emplace_back(i, lo);
    }
    if (hi > lo && pk > 0.0) cand.push_back({i, hi - lo, price, pk, 1.0 - pk, 0.0, 0.0});
  }
  // Free weapons (price 0) all go on the target when nothing caps it: each lowers V P at no cost, so
  // an optimum takes every copy (without this the enumeration below explodes when many prices are 0,
  // as in the first rounds of column generation).
  if (cap == std::numeric_limits<int>::max() && m.mu <= 0.0)
    std::erase_if(cand, [&](const Cand& c) {
      if (c.price > 0.0) return false;
      p0 *= std::pow(c.q, c.extra);
      n0 += c.extra;
      auto it = std::find_if(items.begin(), items.end(), [&](const auto& e) { return e.first == c.i; });
      if (it != items.end()) it->second += c.extra;
      else items.emplace_back(c.i, c.extra);
      return true;
    });
  // Only weapons that could help at the forced survival p0 (a fortiori later: P only falls).
  std::erase_if(cand, [&](const Cand& c) { return c.price >= v * p0 * c.p; });
  // ratio: price per unit of "strength" -ln(1 - p) (0 for a sure kill; the strengths are precomputed).
  for (Cand& c : cand) c.ratio = c.p < 1.0 ? c.price / strength_[static_cast<std::size_t>(j) * nw_ + c.i] : 0.0;
  // Cheapest strength first: then every weapon after position k costs at least ratio_k per unit
  // of strength A, so from survival P the rest can reach no less than
  //   min over A >= 0 of V P e^-A + ratio_k A = ratio_k (1 + ln(V P / ratio_k))  (V P if ratio_k >= V P),
  // a bound that only grows with k: the enumeration stops at the first k whose bound is no better.
  // (Ties by type index: the order a stable sort of the types would give.) The order is made lazily:
  // the cheapest kSortedPrefix first, the rest only if the enumeration gets that far (it rarely does).
  const auto cheaper = [](const Cand& a, const Cand& b) { return a.ratio < b.ratio || (a.ratio == b.ratio && a.i < b.i); };
  std::size_t sorted = std::min(cand.size(), kSortedPrefix);
  std::partial_sort(cand.begin(), cand.begin() + static_cast<std::ptrdiff_t>(sorted), cand.end(), cheaper);
  const auto ensure_sorted = [&](std::size_t c) {
    if (c < sorted) return;
    std::sort(cand.begin() + static_cast<std::ptrdiff_t>(sorted), cand.end(), cheaper);
    sorted = cand.size();
  };
  const double log_v = std::log(v);
  // ln(ratio) per candidate, computed when first needed (NaN = not yet).
  for (Cand& c : cand) c.log_ratio = std::numeric_limits<double>::quiet_NaN();
  const auto rest_bound = [&](double prob, double log_prob, Cand& c) {
    const double vp = v * prob;
    if (c.ratio >= vp) return vp;
    if (c.ratio <= 0.0) return 0.0;
    if (std::isnan(c.log_ratio)) c.log_ratio = std::log(c.ratio);
    return c.ratio * (1.0 + log_v + log_prob - c.log_ratio);  // ratio (1 + ln(V P / ratio))
  };
  double best = v * p0 + cost0 + (n0 > 0 ? m.mu : 0.0);
  value = v * p0;
  std::vector<int>& count = count_;
  count.assign(cand.size(), 0);
  std::vector<std::size_t>& path = path_;      // candidates chosen so far (with repeats), in order
  std::vector<std::size_t>& best_path = best_path_;
  path.clear();
  best_path.clear();
  long long nodes = 0;
  bool exhausted = false;
  auto dfs = [&](auto&& self, std::size_t k, double prob, double log_prob, double cost, int n) -> void {
    for (std::size_t c = k; c < cand.size(); ++c) {
      ensure_sorted(c);
      Cand& x = cand[c];
      if (cost + m.mu + rest_bound(prob, log_prob, x) >= best) return;  // nor any later weapon
      if (count[c] >= x.extra || n >= cap) continue;
      if (x.price >= v * prob * x.p) continue;  // never helps in any superset
      if (++nodes > kTargetNodeLimit) { exhausted = true; return; }
      ++count[c];
      path.push_back(c);
      const double prob2 = prob * x.q, cost2 = cost + x.price;
      const double total = v * prob2 + cost2 + m.mu;
      if (total < best) {
        best = total;
        value = v * prob2;
        best_path = path;
      }
      self(self, c, prob2, log_prob - strength_[static_cast<std::size_t>(j) * nw_ + x.i], cost2, n + 1);
      path.pop_back();
      --count[c];
      if (exhausted) return;
    }
  };
  dfs(dfs, 0, p0, std::log(p0), cost0, n0);
  for (std::size_t c : best_path) {
    auto it = std::find_if(items.begin(), items.end(), [&](const auto& e) { return e.first == cand[c].i; });
    if (it != items.end()) ++it->second;
    else items.emplace_back(cand[c].i, 1);
  }
  if (exhausted) return cost0 + (n0 > 0 ? m.mu : 0.0);  // a valid (weaker) bound: the surviving value is >= 0
  return best;
}

WtaDualSolution WtaLagrangian::evaluate(const WtaMultipliers& m, const WtaCountBox& box) const {
  WtaDualSolution s;
  s.plan.resize(static_cast<std::size_t>(nt_));
  double bound = 0.0;
  std::vector<int> used(static_cast<std::size_t>(nw_), 0);
  int total = 0, engaged = 0;
  for (int j = 0; j < nt_; ++j) {
    double value = 0.0;
    s.target_cost.push_back(solve_target(j, m, box, s.plan[static_cast<std::size_t>(j)], value));
    bound += s.target_cost.back();
    s.value += value;
    int n = 0;
    for (const auto& [i, c] : s.plan[static_cast<std::size_t>(j)]) {
      used[static_cast<std::size_t>(i)] += c;
      n += c;
    }
    total += n;
    engaged += n > 0;
  }
  for (int i = 0; i < nw_; ++i) bound -= m.u[static_cast<std::size_t>(i)] * m_[static_cast<std::size_t>(i)];
  if (p_.max_weapons >= 0) bound -= m.lambda * p_.max_weapons;
  if (p_.max_targets >= 0) bound -= m.mu * p_.max_targets;
  s.bound = bound;
  s.feasible = (p_.max_weapons < 0 || total <= p_.max_weapons) && (p_.max_targets < 0 || engaged <= p_.max_targets);
  for (int i = 0; i < nw_ && s.feasible; ++i) s.feasible = used[static_cast<std::size_t>(i)] <= m_[static_cast<std::size_t>(i)];
  return s;
}

void WtaLagrangian::fix_by_reduced_cost(const WtaMultipliers& m, const WtaDualSolution& d, WtaCountBox& box, double target,
                                        double tolerance, std::vector<Change>& undo) const {
  std::vector<std::pair<int, int>> items;
  double value = 0.0;
  for (int j = 0; j < nt_; ++j) {
    const double base = d.target_cost[static_cast<std::size_t>(j)];
    const double rest = d.bound - base;  // L without target j's term
    std::vector<int> count(static_cast<std::size_t>(nw_), 0);
    for (const auto& [i, c] : d.plan[static_cast<std::size_t>(j)]) count[static_cast<std::size_t>(i)] = c;
    for (int i = 0; i < nw_; ++i) {
      const std::size_t idx = static_cast<std::size_t>(j) * nw_ + i;
      const int lo = box.lo[idx], hi = box.hi[idx], c = count[static_cast<std::size_t>(i)];
      if (lo == hi) continue;
      if (c < hi) {  // probe x_ij >= c + 1
        box.lo[idx] = c + 1;
        const double probe = rest + solve_target(j, m, box, items, value);
        box.lo[idx] = lo;
        if (probe >= target - tolerance) {
          undo.push_back({idx, lo, hi});
          box.hi[idx] = c;
        }
      }
      if (c > lo) {  // probe x_ij <= c - 1
        const int hi_now = box.hi[idx];
        box.hi[idx] = c - 1;
        const double probe = rest + solve_target(j, m, box, items, value);
        box.hi[idx] = hi_now;
        if (probe >= target - tolerance) {
          undo.push_back({idx, box.lo[idx], hi_now});
          box.lo[idx] = c;
        }
      }
    }
  }
}

WtaDualSolution WtaLagrangian::ascend(WtaMultipliers& m, const WtaCountBox& box, double target, double tolerance,
                                      int iterations, double step0, int patience, const std::function<bool()>& stop,
                                      const std::function<double(const WtaDualSolution&)>& visit) const {
  WtaDualSolution best = evaluate(m, box);
  target = std::min(target, visit(best));
  WtaMultipliers best_m = m;
  double theta = step0;
  int stale = 0;
  WtaDualSolution cur = best;
  std::vector<double> g(static_cast<std::size_t>(nw_));
  for (int it = 0; it < iterations && best.bound < target - tolerance && !stop(); ++it) {
    std::fill(g.begin(), g.end(), 0.0);
    double g_lambda = 0.0, g_mu = 0.0;
    for (const auto& items : cur.plan) {
      int n = 0;
      for (const auto& [i, c] : items) {
        g[static_cast<std::size_t>(i)] += c;
        n += c;
      }
      g_lambda += n;
      g_mu += n > 0;
    }
    double norm2 = 0.0;
    for (int i = 0; i < nw_; ++i) {
      double& gi = g[static_cast<std::size_t>(i)];
      gi -= m_[static_cast<std::size_t>(i)];
      if (m.u[static_cast<std::size_t>(i)] <= 0.0 && gi < 0.0) gi = 0.0;  // projected on u >= 0
      norm2 += gi * gi;
    }
    g_lambda = p_.max_weapons >= 0 ? g_lambda - p_.max_weapons : 0.0;
    if (m.lambda <= 0.0 && g_lambda < 0.0) g_lambda = 0.0;
    g_mu = p_.max_targets >= 0 ? g_mu - p_.max_targets : 0.0;
    if (m.mu <= 0.0 && g_mu < 0.0) g_mu = 0.0;
    norm2 += g_lambda * g_lambda + g_mu * g_mu;
    if (norm2 == 0.0) break;  // the minimiser is feasible and complementary: the bound is exact here
    const double step = theta * std::max(target - cur.bound, tolerance) / norm2;
    for (int i = 0; i < nw_; ++i)
      m.u[static_cast<std::size_t>(i)] = std::max(0.0, m.u[static_cast<std::size_t>(i)] + step * g[static_cast<std::size_t>(i)]);
    m.lambda = std::max(0.0, m.lambda + step * g_lambda);
    m.mu = std::max(0.0, m.mu + step * g_mu);
    cur = evaluate(m, box);
    if (it % 50 == 49) target = std::min(target, visit(cur));
    if (cur.bound > best.bound + 1e-12 * std::abs(best.bound)) {
      best = cur;
      best_m = m;
      stale = 0;
    } else if (++stale >= patience) {
      theta *= 0.5;
      stale = 0;
      if (theta < 1e-6) break;
    }
  }
  m = best_m;
  return best;
}

}  // namespace skyshield
