#include "c2/wta_lagrangian.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace skyshield {

namespace {
// Enumeration nodes of one target's problem before it falls back to a weaker (still valid) bound.
constexpr long long kTargetNodeLimit = 200000;
}  // namespace

WtaLagrangian::WtaLagrangian(const WtaProblem& p)
    : p_(p), nw_(static_cast<int>(p.pk.rows())), nt_(static_cast<int>(p.value.size())) {
  for (int i = 0; i < nw_; ++i) m_.push_back(p.copies.empty() ? 1 : p.copies[static_cast<std::size_t>(i)]);
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
  struct Cand { int i; int extra; double price, p, q; };
  std::vector<Cand> cand;
  for (int i = 0; i < nw_; ++i) {
    const int lo = box.low(i, j), hi = box.high(i, j);
    const double pk = p_.pk(i, j), price = m.u[static_cast<std::size_t>(i)] + m.lambda;
    if (lo > 0) {
      p0 *= std::pow(1.0 - pk, lo);
      cost0 += price * lo;
      n0 += lo;
      items.emplace_back(i, lo);
    }
    if (hi > lo && pk > 0.0) cand.push_back({i, hi - lo, price, pk, 1.0 - pk});
  }
  // Only weapons that could help at the forced survival p0 (a fortiori later: P only falls).
  std::erase_if(cand, [&](const Cand& c) { return c.price >= v * p0 * c.p; });
  double best = v * p0 + cost0 + (n0 > 0 ? m.mu : 0.0);
  value = v * p0;
  std::vector<int> count(cand.size(), 0), best_count(cand.size(), 0);
  long long nodes = 0;
  bool exhausted = false;
  auto dfs = [&](auto&& self, std::size_t k, double prob, double cost, int n) -> void {
    for (std::size_t c = k; c < cand.size(); ++c) {
      if (count[c] >= cand[c].extra || n >= cap) continue;
      if (cand[c].price >= v * prob * cand[c].p) continue;  // never helps in any superset
      if (++nodes > kTargetNodeLimit) { exhausted = true; return; }
      ++count[c];
      const double prob2 = prob * cand[c].q, cost2 = cost + cand[c].price;
      const double total = v * prob2 + cost2 + m.mu;
      if (total < best) {
        best = total;
        value = v * prob2;
        best_count = count;
      }
      if (cost2 + m.mu < best) self(self, c, prob2, cost2, n + 1);
      --count[c];
      if (exhausted) return;
    }
  };
  dfs(dfs, 0, p0, cost0, n0);
  for (std::size_t c = 0; c < cand.size(); ++c) {
    if (best_count[c] == 0) continue;
    auto it = std::find_if(items.begin(), items.end(), [&](const auto& e) { return e.first == cand[c].i; });
    if (it != items.end()) it->second += best_count[c];
    else items.emplace_back(cand[c].i, best_count[c]);
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
    bound += solve_target(j, m, box, s.plan[static_cast<std::size_t>(j)], value);
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

WtaDualSolution WtaLagrangian::ascend(WtaMultipliers& m, const WtaCountBox& box, double target, double tolerance,
                                      int iterations, double step0, const std::function<bool()>& stop) const {
  WtaDualSolution best = evaluate(m, box);
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
    if (cur.bound > best.bound + 1e-12 * std::abs(best.bound)) {
      best = cur;
      best_m = m;
      stale = 0;
    } else if (++stale >= 8) {
      theta *= 0.5;
      stale = 0;
      if (theta < 1e-6) break;
    }
  }
  m = best_m;
  return best;
}

}  // namespace skyshield
