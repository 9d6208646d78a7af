#include "analysis/fidelity_compare.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

namespace skyshield {

TwoSampleTest two_proportion_z(long long k1, long long n1, long long k2, long long n2) {
  TwoSampleTest out;
  if (n1 <= 0 || n2 <= 0) return out;
  const double p1 = static_cast<double>(k1) / static_cast<double>(n1), p2 = static_cast<double>(k2) / static_cast<double>(n2);
  const double p = static_cast<double>(k1 + k2) / static_cast<double>(n1 + n2);
  const double se = std::sqrt(p * (1.0 - p) * (1.0 / static_cast<double>(n1) + 1.0 / static_cast<double>(n2)));
  if (!(se > 0.0)) return out;  // pooled p of 0 or 1: both samples all failures or all successes
  out.statistic = (p2 - p1) / se;
  out.p_value = std::erfc(std::abs(out.statistic) / std::sqrt(2.0));
  return out;
}

TwoSampleTest welch_t(const SampleStats& a, const SampleStats& b) {
  TwoSampleTest out;
  if (a.n < 2 || b.n < 2) return out;
  const double va = a.sd * a.sd / static_cast<double>(a.n), vb = b.sd * b.sd / static_cast<double>(b.n);
  const double diff = b.mean - a.mean;
  const double se2 = va + vb;
  if (!(se2 > 0.0)) {
    if (diff != 0.0) {
      out.statistic = diff > 0.0 ? std::numeric_limits<double>::infinity() : -std::numeric_limits<double>::infinity();
      out.p_value = 0.0;
    }
    return out;
  }
  out.statistic = diff / std::sqrt(se2);
  out.dof = se2 * se2 / (va * va / static_cast<double>(a.n - 1) + vb * vb / static_cast<double>(b.n - 1));
  out.p_value = 2.0 * (1.0 - student_t_cdf(std::abs(out.statistic), out.dof));
  return out;
}

namespace {

template <class F>
long long sum_of(const MonteCarloResult& r, F f) {
  long long s = 0;
  for (const RunRow& row : r.rows) s += f(row);
  return s;
}

template <class F>
SampleStats per_run(const MonteCarloResult& r, F f) {
  std::vector<double> v;
  v.reserve(r.rows.size());
  for (const RunRow& row : r.rows) v.push_back(static_cast<double>(f(row)));
  return sample_stats(v);
}

bool outside(double x, const Interval& ci) { return x < ci.lo || x > ci.hi; }

FidelityRow proportion_row(std::string metric, long long k1, long long n1, long long k2, long long n2) {
  FidelityRow row;
  row.metric = std::move(metric);
  row.proportion = true;
  row.full = n1 > 0 ? static_cast<double>(k1) / static_cast<double>(n1) : 0.0;
  row.fast = n2 > 0 ? static_cast<double>(k2) / static_cast<double>(n2) : 0.0;
  row.full_ci = wilson_interval(k1, n1);
  row.fast_ci = wilson_interval(k2, n2);
  row.test = two_proportion_z(k1, n1, k2, n2);
  row.outside = n1 > 0 && outside(row.fast, row.full_ci);
  return row;
}

FidelityRow mean_row(std::string metric, const SampleStats& a, const SampleStats& b) {
  FidelityRow row;
  row.metric = std::move(metric);
  row.full = a.mean;
  row.fast = b.mean;
  row.full_ci = a.ci95;
  row.fast_ci = b.ci95;
  row.has_ci = a.has_ci && b.has_ci;
  row.test = welch_t(a, b);
  row.outside = a.has_ci && outside(row.fast, row.full_ci);
  return row;
}

int leakers(const RunRow& row) {
  int n = 0;
  for (int c : row.leaked) n += c;
  return n;
}

}  // namespace

std::vector<FidelityRow> compare_fidelity(const MonteCarloResult& full, const MonteCarloResult& fast) {
  std::vector<FidelityRow> rows;
  for (int c = 0; c < kThreatClassCount; ++c) {
    const long long n1 = sum_of(full, [&](const RunRow& x) { return x.count[c]; });
    if (n1 == 0) continue;
    const long long n2 = sum_of(fast, [&](const RunRow& x) { return x.count[c]; });
    const std::string name(to_string(static_cast<ThreatClass>(c)));
    rows.push_back(proportion_row("P(kill) " + name, sum_of(full, [&](const RunRow& x) { return x.killed[c]; }), n1,
                                  sum_of(fast, [&](const RunRow& x) { return x.killed[c]; }), n2));
    rows.push_back(mean_row("leakers/run " + name, per_run(full, [&](const RunRow& x) { return x.leaked[c]; }),
                            per_run(fast, [&](const RunRow& x) { return x.leaked[c]; })));
  }
  rows.push_back(mean_row("interceptors/run", per_run(full, [](const RunRow& x) { return x.fired; }),
                          per_run(fast, [](const RunRow& x) { return x.fired; })));
  rows.push_back(mean_row("leakers/run", per_run(full, leakers), per_run(fast, leakers)));
  return rows;
}

std::string fidelity_table(const std::vector<FidelityRow>& rows, const std::string& scenario, int runs, std::uint64_t seed) {
  std::string s = fmt::format("Scenario '{}': full and fast model on the same {} seeds from base seed {}\n", scenario, runs, seed);
  s += "95 % intervals: Wilson for P(kill), Student-t for per-run means; tests: two-proportion z (pooled), Welch t\n\n";
  s += fmt::format("{:<30}{:>9}{:>18}{:>9}{:>18}{:>9}{:>9}  {}\n", "rate", "full", "full 95 %", "fast", "fast 95 %", "z / t",
                   "p", "fast in full's interval");
  int flagged = 0, with_ci = 0;
  const auto ci = [](const Interval& i, bool has) { return has ? fmt::format("[{:.3f}, {:.3f}]", i.lo, i.hi) : std::string("-"); };
  for (const FidelityRow& r : rows) {
    const bool has = r.has_ci || r.proportion;
    with_ci += has;
    flagged += r.outside;
    s += fmt::format("{:<30}{:>9.3f}{:>18}{:>9.3f}{:>18}{:>9.2f}{:>9.3f}  {}\n", r.metric, r.full, ci(r.full_ci, has), r.fast,
                     ci(r.fast_ci, has), r.test.statistic, r.test.p_value, !has ? "-" : r.outside ? "NO  <-- outside" : "yes");
  }
  s += fmt::format("\n{} of {} fast rates outside the full model's 95 % interval\n", flagged, with_ci);
  return s;
}

}  // namespace skyshield
