#include "analysis/sweep.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <sstream>

#include "analysis/statistics.hpp"
#include "core/error.hpp"
#include "core/interrupt.hpp"
#include "record/svg_axes.hpp"
#include "record/writers.hpp"
#include "scenario/loader.hpp"
#include "scenario/overrides.hpp"

namespace skyshield {

namespace {

struct PointStats {
  SampleStats leakers, fired;
  std::array<double, kThreatClassCount> p_kill{};
  std::array<bool, kThreatClassCount> present{};
  double p_untouched = 0.0;
  bool friendly = false;                       // some run had friendly flights or withheld a hostile
  SampleStats fratricide, rounds_at_friends, withheld;   // docs/identification.md
};

bool any_friendly(const std::vector<SweepPoint>& points);

PointStats stats_of(const MonteCarloResult& r) {
  PointStats s;
  std::vector<double> leak, fired;
  std::array<long long, kThreatClassCount> count{}, killed{};
  long long untouched = 0;
  for (const RunRow& row : r.rows) {
    int l = 0;
    for (int c = 0; c < kThreatClassCount; ++c) {
      l += row.leaked[c];
      count[c] += row.count[c];
      killed[c] += row.killed[c];
    }
    leak.push_back(l);
    fired.push_back(row.fired);
    untouched += row.asset_hits == 0;
  }
  std::vector<double> frat, at_friends, withheld;
  for (const RunRow& row : r.rows) {
    s.friendly = s.friendly || row.friendlies > 0 || row.hostiles_withheld > 0;
    frat.push_back(row.fratricide);
    at_friends.push_back(row.rounds_at_friends);
    withheld.push_back(row.hostiles_withheld);
  }
  s.fratricide = sample_stats(frat);
  s.rounds_at_friends = sample_stats(at_friends);
  s.withheld = sample_stats(withheld);
  s.leakers = sample_stats(leak);
  s.fired = sample_stats(fired);
  for (int c = 0; c < kThreatClassCount; ++c) {
    s.present[c] = count[c] > 0;
    s.p_kill[c] = count[c] > 0 ? static_cast<double>(killed[c]) / count[c] : 0.0;
  }
  s.p_untouched = r.rows.empty() ? 0.0 : static_cast<double>(untouched) / r.rows.size();
  return s;
}

bool any_friendly(const std::vector<SweepPoint>& points) {
  return std::any_of(points.begin(), points.end(), [](const SweepPoint& p) { return stats_of(p.result).friendly; });
}

std::string mean_ci(const SampleStats& st) {
  return st.has_ci ? fmt::format("{:.2f} [{:.2f}, {:.2f}]", st.mean, st.ci95.lo, st.ci95.hi) : fmt::format("{:.2f} [-]", st.mean);
}

const std::string& shown(const SweepParam& p) { return p.label.empty() ? p.path : p.label; }

std::string label(const std::vector<SweepParam>& params, const SweepPoint& p) {
  std::string s;
  for (std::size_t i = 0; i < params.size(); ++i) s += (i ? ", " : "") + shown(params[i]) + "=" + p.values[i];
  return s;
}

}  // namespace

SweepParam parse_sweep_param(const std::string& text) {
  const Override o = parse_override(text);
  SweepParam p{o.path, {}};
  std::stringstream ss(o.value);
  for (std::string v; std::getline(ss, v, ',');) {
    if (v.empty()) throw InputError(fmt::format("--param {}: empty value in '{}'", o.path, o.value));
    p.values.push_back(v);
  }
  return p;
}

void name_sweep_params(const std::string& scenario_path, std::vector<SweepParam>& params) {
  for (SweepParam& p : params) p.label = named_path(scenario_path, p.path);
}

std::vector<SweepPoint> run_sweep(const std::string& scenario_path, const std::vector<SweepParam>& given, int runs,
                                  int threads, std::uint64_t seed, const std::function<void(int, int)>& progress,
                                  const std::function<bool()>& should_stop, const SweepBatch& batch) {
  std::vector<SweepParam> params = given;  // labelled by name for the messages
  for (SweepParam& p : params)
    if (p.label.empty()) {
      try {
        p.label = named_path(scenario_path, p.path);
      } catch (const InputError&) {  // a bad path is reported below, at the first point that uses it
      }
    }
  // The count of points (checked as it grows, before it can overflow), then of runs (after the
  // values are checked, below).
  long long total_points = 1;
  auto too_many = [&](const SweepParam& p) {
    return InputError(fmt::format("--param {}: the sweep would hold more than {} runs in all ({} runs a point); give fewer "
                                  "values or --runs",
                                  p.path, kMaxMonteCarloRuns, runs));
  };
  for (const SweepParam& p : params) {
    total_points *= static_cast<long long>(p.values.size());
    if (total_points > kMaxMonteCarloRuns) throw too_many(p);
  }
  // Load every point first, so that a bad value fails before any run.
  std::vector<SweepPoint> points(static_cast<std::size_t>(total_points));
  std::vector<Scenario> scenarios;
  for (std::size_t k = 0; k < points.size(); ++k) {
    std::size_t rest = k;
    std::vector<Override> ov(params.size());
    points[k].values.resize(params.size());
    for (std::size_t i = params.size(); i-- > 0;) {
      const std::string& v = params[i].values[rest % params[i].values.size()];
      rest /= params[i].values.size();
      ov[i] = {params[i].path, v};
      points[k].values[i] = v;
    }
    try {
      scenarios.push_back(load_scenario(scenario_path, ov));
    } catch (const InputError& e) {  // a value set on the command line has no line of its own
      throw InputError(fmt::format("{} (at sweep point {})", e.what(), label(params, points[k])));
    }
  }
  if (!params.empty() && total_points * std::max(runs, 1) > kMaxMonteCarloRuns) throw too_many(params.back());
  const int total_runs = static_cast<int>(total_points) * runs;
  for (std::size_t k = 0; k < points.size(); ++k) {
    MonteCarloOptions opt;
    if (progress) opt.progress = [&, k](int done, int) { progress(static_cast<int>(k) * runs + done, total_runs); };
    opt.should_stop = should_stop;
    points[k].result = batch ? batch(scenarios[k], runs, threads, seed, opt) : run_monte_carlo(scenarios[k], runs, threads, seed, opt);
    if (should_stop && should_stop())
      throw Interrupted(fmt::format("{} at sweep point {} of {} ({}), {} of its {} runs finished: the sweep is incomplete, no "
                                    "outputs written",
                                    interrupt_signal_name().empty() ? "stopped" : interrupt_signal_name(), k + 1, points.size(),
                                    label(params, points[k]), points[k].result.rows.size(), runs));
  }
  return points;
}

std::string sweep_csv(const std::vector<SweepParam>& params, const std::vector<SweepPoint>& points) {
  std::string s;
  for (const SweepParam& p : params) s += csv_field(shown(p)) + ",";
  s += "runs,leakers_mean,leakers_ci95_lo,leakers_ci95_hi,interceptors_mean";
  for (int c = 0; c < kThreatClassCount; ++c) s += fmt::format(",p_kill_{}", to_string(static_cast<ThreatClass>(c)));
  const bool friendly = any_friendly(points);
  s += friendly ? ",p_asset_untouched,fratricide_mean,fratricide_ci95_lo,fratricide_ci95_hi,rounds_at_friends_mean,hostiles_withheld_mean\n"
                : ",p_asset_untouched\n";
  for (const SweepPoint& p : points) {
    const PointStats st = stats_of(p.result);
    for (const std::string& v : p.values) s += csv_field(v) + ",";
    // The interval columns stay empty where one run gives no interval.
    s += fmt::format("{},{:.4f},{},{:.4f}", p.result.rows.size(), st.leakers.mean,
                     st.leakers.has_ci ? fmt::format("{:.4f},{:.4f}", st.leakers.ci95.lo, st.leakers.ci95.hi) : std::string(","),
                     st.fired.mean);
    for (int c = 0; c < kThreatClassCount; ++c) s += st.present[c] ? fmt::format(",{:.4f}", st.p_kill[c]) : ",";
    s += fmt::format(",{:.4f}", st.p_untouched);
    if (friendly)
      s += fmt::format(",{:.4f},{},{:.4f},{:.4f}", st.fratricide.mean,
                       st.fratricide.has_ci ? fmt::format("{:.4f},{:.4f}", st.fratricide.ci95.lo, st.fratricide.ci95.hi) : std::string(","),
                       st.rounds_at_friends.mean, st.withheld.mean);
    s += "\n";
  }
  return s;
}

std::string sweep_table(const std::vector<SweepParam>& params, const std::vector<SweepPoint>& points) {
  std::string s = fmt::format("{:<44}{:>24}{:>14}{:>12}\n", "point", "leakers/run (95% t CI)", "interceptors", "untouched");
  long long fewest = points.empty() ? 0 : std::numeric_limits<long long>::max();
  for (const SweepPoint& p : points) {
    const PointStats st = stats_of(p.result);
    s += fmt::format("{:<44}{:>24}{:>14.2f}{:>12.3f}\n", label(params, p),
                     st.leakers.has_ci ? fmt::format("{:.2f} [{:.2f}, {:.2f}]", st.leakers.mean, st.leakers.ci95.lo, st.leakers.ci95.hi)
                                       : fmt::format("{:.2f} [-]", st.leakers.mean),
                     st.fired.mean, st.p_untouched);
    fewest = std::min(fewest, static_cast<long long>(p.result.rows.size()));
  }
  if (any_friendly(points)) {  // the friendly side (docs/identification.md)
    s += fmt::format("\n{:<44}{:>24}{:>18}{:>18}\n", "point", "fratricide/run (95% t)", "rounds at friends", "hostiles withheld");
    for (const SweepPoint& p : points) {
      const PointStats st = stats_of(p.result);
      s += fmt::format("{:<44}{:>24}{:>18.2f}{:>18.2f}\n", label(params, p), mean_ci(st.fratricide), st.rounds_at_friends.mean,
                       st.withheld.mean);
    }
  }
  if (const std::string w = few_runs_warning(fewest, " per point"); !points.empty() && !w.empty()) s += "\n" + w + "\n";
  return s;
}

// Leakers against the first parameter: a numeric x axis when every value of it is a number (else
// evenly spaced categories), and one series (colour, line, legend entry) per value of the other
// parameters, so that 2, 4, 8 sit at their distances and a two-parameter sweep is not flattened.
std::string sweep_svg(const std::vector<SweepParam>& params, const std::vector<SweepPoint>& points) {
  const int W = 760, H = 400, P = 70;
  std::vector<PointStats> st;
  double top = 1.0;
  for (const SweepPoint& p : points) {
    st.push_back(stats_of(p.result));
    top = std::max(top, st.back().leakers.ci95.hi);
  }
  // The x axis: numbers or categories (in first-seen order).
  std::vector<std::string> cats;
  std::vector<double> xs;
  bool numeric = !points.empty();
  double xmin = 0.0, xmax = 0.0;
  for (const SweepPoint& p : points) {
    const std::string& v = p.values.empty() ? std::string() : p.values[0];
    if (std::find(cats.begin(), cats.end(), v) == cats.end()) cats.push_back(v);
    char* end = nullptr;
    const double d = std::strtod(v.c_str(), &end);
    if (v.empty() || end != v.c_str() + v.size() || !std::isfinite(d)) numeric = false;
    xs.push_back(d);
  }
  if (numeric) {
    xmin = *std::min_element(xs.begin(), xs.end());
    xmax = *std::max_element(xs.begin(), xs.end());
    if (xmin >= 0.0 && xmin <= 0.5 * xmax) xmin = 0.0;  // from 0 when the values start near it
    if (xmax - xmin <= 0.0) { xmin -= 1.0; xmax += 1.0; }
    const double step = nice_tick_step(xmax - xmin);
    xmin = std::floor(xmin / step) * step;
    xmax = std::ceil(xmax / step) * step;
  }
  const double ys = nice_tick_step(top * 1.05);
  top = std::ceil(top * 1.05 / ys) * ys;
  const double x0 = P, x1 = W - P - 150, y0 = 50, y1 = H - P;
  auto X = [&](std::size_t k) {
    if (numeric) return x0 + (xs[k] - xmin) / (xmax - xmin) * (x1 - x0);
    const auto c = std::find(cats.begin(), cats.end(), points[k].values.empty() ? std::string() : points[k].values[0]) - cats.begin();
    return x0 + (static_cast<double>(c) + 0.5) / static_cast<double>(cats.size()) * (x1 - x0);
  };
  auto Y = [&](double v) { return y1 - std::max(0.0, v) / top * (y1 - y0); };
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" font-family=\"sans-serif\" "
      "font-size=\"11\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
      "<text x=\"{2}\" y=\"24\" font-size=\"15\">leakers per run (mean, 95% Student-t CI) against the swept parameters</text>\n",
      W, H, P);
  // Axes: y ticks; x ticks at numbers or category labels.
  for (double v = 0.0; v <= top + 1e-9 * ys; v += ys)
    svg += fmt::format("<line x1=\"{0}\" y1=\"{1:.1f}\" x2=\"{2}\" y2=\"{1:.1f}\" stroke=\"#eee\"/><text x=\"{3}\" y=\"{4:.1f}\" "
                       "text-anchor=\"end\">{5:g}</text>\n", x0, Y(v), x1, x0 - 6, Y(v) + 4, v);
  if (numeric) {
    const double step = nice_tick_step(xmax - xmin);
    for (double v = xmin; v <= xmax + 1e-9 * step; v += step) {
      const double x = x0 + (v - xmin) / (xmax - xmin) * (x1 - x0);
      svg += fmt::format("<line class=\"xtick\" x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" stroke=\"#eee\"/>"
                         "<text x=\"{0:.1f}\" y=\"{3}\" text-anchor=\"middle\">{4:g}</text>\n", x, y0, y1, y1 + 16, std::abs(v) < 1e-12 ? 0.0 : v);
    }
  } else {
    for (std::size_t c = 0; c < cats.size(); ++c)
      svg += fmt::format("<text class=\"xcat\" x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
                         x0 + (c + 0.5) / cats.size() * (x1 - x0), y1 + 16, xml_escape(cats[c]));
  }
  svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"#888\"/>\n", x0, y0, x1 - x0, y1 - y0);
  svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", (x0 + x1) / 2, y1 + 36,
                     params.empty() ? std::string() : xml_escape(shown(params[0])));
  svg += fmt::format("<text x=\"{0}\" y=\"{1}\" transform=\"rotate(-90 {0} {1})\" text-anchor=\"middle\">leakers per run</text>\n",
                     x0 - 45, (y0 + y1) / 2);
  // Series: one per combination of the other parameters' values, in first-seen order.
  std::vector<std::string> series;
  std::vector<std::size_t> series_of;
  for (const SweepPoint& p : points) {
    std::string key;
    for (std::size_t i = 1; i < params.size() && i < p.values.size(); ++i) key += (i > 1 ? ", " : "") + shown(params[i]) + "=" + p.values[i];
    auto it = std::find(series.begin(), series.end(), key);
    if (it == series.end()) it = series.insert(series.end(), key);
    series_of.push_back(static_cast<std::size_t>(it - series.begin()));
  }
  const double jitter = series.size() > 1 ? 6.0 : 0.0;  // side by side, so that error bars do not hide each other
  for (std::size_t s = 0; s < series.size(); ++s) {
    const char* col = kSvgPalette[s % std::size(kSvgPalette)];
    const double dx = (static_cast<double>(s) - 0.5 * static_cast<double>(series.size() - 1)) * jitter;
    std::vector<std::pair<double, std::size_t>> order;
    for (std::size_t k = 0; k < points.size(); ++k)
      if (series_of[k] == s) order.emplace_back(X(k), k);
    std::sort(order.begin(), order.end());
    std::string line, marks;
    for (const auto& [x, k] : order) {
      line += fmt::format("{:.1f},{:.1f} ", x + dx, Y(st[k].leakers.mean));
      marks += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"{4}\"/>"
                           "<circle cx=\"{0:.1f}\" cy=\"{3:.1f}\" r=\"4\" fill=\"{4}\"/>\n",
                           x + dx, Y(st[k].leakers.ci95.lo), Y(st[k].leakers.ci95.hi), Y(st[k].leakers.mean), col);
    }
    svg += fmt::format("<g class=\"series\"><polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1.5\"/>\n{}</g>\n", line, col, marks);
    if (!series[s].empty())
      svg += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"{3}\" stroke-width=\"3\"/><text x=\"{4}\" y=\"{5}\">{6}</text>\n",
                         x1 + 12, y0 + 10 + 16 * s, x1 + 30, col, x1 + 35, y0 + 14 + 16 * s, xml_escape(series[s]));
  }
  svg += "</svg>\n";
  return svg;
}

}  // namespace skyshield
