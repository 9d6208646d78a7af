#include "analysis/mc_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "analysis/statistics.hpp"
#include "record/svg_axes.hpp"
#include "record/writers.hpp"

namespace skyshield {

namespace {

using Json = nlohmann::ordered_json;

template <class F>
std::vector<double> per_run(const MonteCarloResult& r, F f) {
  std::vector<double> v;
  v.reserve(r.rows.size());
  for (const RunRow& row : r.rows) v.push_back(static_cast<double>(f(row)));
  return v;
}

int leakers(const RunRow& row) {
  int n = 0;
  for (int c : row.leaked) n += c;
  return n;
}
int kills(const RunRow& row) {
  int n = 0;
  for (int c : row.killed) n += c;
  return n;
}

Json stats_json(const std::vector<double>& v) {
  const SampleStats s = sample_stats(v);
  // ci95: Student-t interval of the mean (null with fewer than 2 runs).
  return Json{{"mean", s.mean}, {"sd", s.sd}, {"ci95", s.has_ci ? Json{s.ci95.lo, s.ci95.hi} : Json()}, {"min", s.min}, {"max", s.max}};
}

// The SEAD side is reported when some run had ARMs, air-launched decoys or a silent radar.
bool has_sead_side(const MonteCarloResult& r) {
  return std::any_of(r.rows.begin(), r.rows.end(), [](const RunRow& x) { return x.sead; });
}
// The friendly side is reported when some run had friendly flights or withheld a hostile.
bool has_friendly_side(const MonteCarloResult& r) {
  return std::any_of(r.rows.begin(), r.rows.end(), [](const RunRow& x) { return x.friendlies > 0 || x.hostiles_withheld > 0; });
}

Json proportion_json(long long k, long long n) {
  const Interval w = wilson_interval(k, n);
  return Json{{"p", n > 0 ? static_cast<double>(k) / n : 0.0}, {"successes", k}, {"trials", n}, {"wilson95", {w.lo, w.hi}}};
}

long long sum_of(const MonteCarloResult& r, auto f) {
  long long n = 0;
  for (const RunRow& row : r.rows) n += f(row);
  return n;
}

}  // namespace

std::string mc_json(const MonteCarloResult& r) {
  Json j;
  j["scenario"] = r.scenario;
  j["base_seed"] = r.base_seed;
  j["runs"] = r.rows.size();
  if (r.interrupted) j["interrupted"] = true;  // the statistics cover the finished runs only
  j["intervals"] = "95%: Student-t for means (ci95), Wilson score for proportions (wilson95)";
  if (const std::string w = few_runs_warning(static_cast<long long>(r.rows.size())); !w.empty()) j["warning"] = w;
  Json classes = Json::object();
  for (int c = 0; c < kThreatClassCount; ++c) {
    const long long count = sum_of(r, [&](const RunRow& x) { return x.count[c]; });
    if (count == 0) continue;
    Json k;
    k["threats_per_run"] = count / static_cast<long long>(std::max<std::size_t>(1, r.rows.size()));
    const long long killed = sum_of(r, [&](const RunRow& x) { return x.killed[c]; });
    const long long fired_at = sum_of(r, [&](const RunRow& x) { return x.fired_at[c]; });
    k["engagement_probability"] = proportion_json(sum_of(r, [&](const RunRow& x) { return x.engaged[c]; }), count);
    k["kill_probability"] = proportion_json(killed, count);
    k["leak_probability"] = proportion_json(sum_of(r, [&](const RunRow& x) { return x.leaked[c]; }), count);
    k["leaked_per_run"] = stats_json(per_run(r, [&](const RunRow& x) { return x.leaked[c]; }));
    k["interceptors_fired_at"] = fired_at;
    k["interceptors_per_kill"] = killed > 0 ? Json(static_cast<double>(fired_at) / killed) : Json();
    classes[std::string(to_string(static_cast<ThreatClass>(c)))] = k;
  }
  j["by_class"] = classes;
  Json layers = Json::object();
  for (std::size_t l = 0; l < r.layers.size(); ++l) {
    Json k;
    k["fired_per_run"] = stats_json(per_run(r, [&](const RunRow& x) { return x.fired_by_layer[l]; }));
    k["kill_probability_per_shot"] = proportion_json(sum_of(r, [&](const RunRow& x) { return x.kills_by_layer[l]; }),
                                                     sum_of(r, [&](const RunRow& x) { return x.fired_by_layer[l]; }));
    layers[r.layers[l]] = k;
  }
  j["by_layer"] = layers;
  j["leakers_per_run"] = stats_json(per_run(r, leakers));
  j["asset_hits_per_run"] = stats_json(per_run(r, [](const RunRow& x) { return x.asset_hits; }));
  j["asset_survival"] = proportion_json(sum_of(r, [](const RunRow& x) { return x.asset_hits == 0 ? 1 : 0; }),
                                        static_cast<long long>(r.rows.size()));
  j["interceptors_per_run"] = stats_json(per_run(r, [](const RunRow& x) { return x.fired; }));
  j["cost_per_run"] = stats_json(per_run(r, [](const RunRow& x) { return x.cost; }));
  const long long total_kills = sum_of(r, kills), total_fired = sum_of(r, [](const RunRow& x) { return x.fired; });
  j["interceptors_per_kill"] = total_kills > 0 ? Json(static_cast<double>(total_fired) / total_kills) : Json();
  // Cost-exchange ratio: interceptor cost spent per unit of threat cost destroyed (notional units;
  // null when the threat types carry no unit_cost).
  double spent = 0.0, destroyed = 0.0;
  for (const RunRow& row : r.rows) {
    spent += row.cost;
    destroyed += row.threat_cost_killed;
  }
  if (has_friendly_side(r)) {
    const long long flights = sum_of(r, [](const RunRow& x) { return x.friendlies; });
    Json f;
    f["flights_per_run"] = flights / static_cast<long long>(std::max<std::size_t>(1, r.rows.size()));
    f["fratricide_per_run"] = stats_json(per_run(r, [](const RunRow& x) { return x.fratricide; }));
    f["fratricide_probability_per_flight"] = proportion_json(sum_of(r, [](const RunRow& x) { return x.fratricide; }), flights);
    f["runs_with_fratricide"] = proportion_json(sum_of(r, [](const RunRow& x) { return x.fratricide > 0 ? 1 : 0; }),
                                                static_cast<long long>(r.rows.size()));
    f["friendlies_engaged_per_run"] = stats_json(per_run(r, [](const RunRow& x) { return x.friendly_engaged; }));
    f["rounds_at_friends_per_run"] = stats_json(per_run(r, [](const RunRow& x) { return x.rounds_at_friends; }));
    f["hostiles_withheld_unengaged_per_run"] = stats_json(per_run(r, [](const RunRow& x) { return x.hostiles_withheld; }));
    j["friendly"] = f;
  }
  if (has_sead_side(r)) {  // docs/sead.md
    Json d;
    d["arms_per_run"] = stats_json(per_run(r, [](const RunRow& x) { return x.arms; }));
    d["arms_killed_per_run"] = stats_json(per_run(r, [](const RunRow& x) { return x.arms_killed; }));
    d["radars_lost_per_run"] = stats_json(per_run(r, [](const RunRow& x) { return x.radars_lost; }));
    d["radar_silent_s_per_run"] = stats_json(per_run(r, [](const RunRow& x) { return x.radar_silent_s; }));
    d["decoy_emitters_hit_per_run"] = stats_json(per_run(r, [](const RunRow& x) { return x.decoy_emitters_hit; }));
    d["rounds_at_air_decoys_per_run"] = stats_json(per_run(r, [](const RunRow& x) { return x.rounds_at_air_decoys; }));
    j["sead"] = d;
  }
  j["threat_cost_killed_per_run"] = stats_json(per_run(r, [](const RunRow& x) { return x.threat_cost_killed; }));
  j["cost_exchange_ratio"] = destroyed > 0.0 ? Json(spent / destroyed) : Json();
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";  // never throws on non-UTF-8 names
}

std::string runs_csv(const MonteCarloResult& r) {
  std::string s = "run,seed";
  for (int c = 0; c < kThreatClassCount; ++c) {
    const std::string_view n = to_string(static_cast<ThreatClass>(c));
    s += fmt::format(",{0}_count,{0}_killed,{0}_leaked,{0}_engaged,{0}_fired_at", n);
  }
  for (const std::string& l : r.layers) s += fmt::format(",{},{}", csv_field(l + "_fired"), csv_field(l + "_kills"));
  const bool friendly = has_friendly_side(r);
  s += ",fired,cost,asset_hits,end_time_s,threat_cost_killed";
  const bool sead = has_sead_side(r);
  s += friendly ? ",friendlies,fratricide,friendlies_engaged,rounds_at_friends,hostiles_withheld" : "";
  s += sead ? ",arms,arms_killed,radars_lost,radar_silent_s,decoy_emitters_hit,rounds_at_air_decoys\n" : "\n";
  for (const RunRow& row : r.rows) {
    s += fmt::format("{},{}", row.run, row.seed);
    for (int c = 0; c < kThreatClassCount; ++c)
      s += fmt::format(",{},{},{},{},{}", row.count[c], row.killed[c], row.leaked[c], row.engaged[c], row.fired_at[c]);
    for (std::size_t l = 0; l < r.layers.size(); ++l) s += fmt::format(",{},{}", row.fired_by_layer[l], row.kills_by_layer[l]);
    s += fmt::format(",{},{:.3f},{},{:.2f},{:.3f}", row.fired, row.cost, row.asset_hits, row.end_time_s, row.threat_cost_killed);
    s += friendly ? fmt::format(",{},{},{},{},{}", row.friendlies, row.fratricide, row.friendly_engaged, row.rounds_at_friends,
                                row.hostiles_withheld)
                  : "";
    s += sead ? fmt::format(",{},{},{},{:.2f},{},{}\n", row.arms, row.arms_killed, row.radars_lost, row.radar_silent_s,
                            row.decoy_emitters_hit, row.rounds_at_air_decoys)
              : "\n";
  }
  return s;
}

std::string mc_table(const MonteCarloResult& r) {
  std::string s = fmt::format("Scenario '{}', {} runs from seed {}{}\n\n", r.scenario, r.rows.size(), r.base_seed,
                              r.interrupted ? " (interrupted: the finished runs only)" : "");
  s += fmt::format("{:<19}{:>8}{:>11}{:>10}{:>20}{:>10}{:>14}\n", "threat class", "threats", "P(engage)", "P(kill)",
                   "95% Wilson", "P(leak)", "shots/kill");
  for (int c = 0; c < kThreatClassCount; ++c) {
    const long long count = sum_of(r, [&](const RunRow& x) { return x.count[c]; });
    if (count == 0) continue;
    const long long k = sum_of(r, [&](const RunRow& x) { return x.killed[c]; });
    const long long l = sum_of(r, [&](const RunRow& x) { return x.leaked[c]; });
    const long long e = sum_of(r, [&](const RunRow& x) { return x.engaged[c]; });
    const long long f = sum_of(r, [&](const RunRow& x) { return x.fired_at[c]; });
    const Interval w = wilson_interval(k, count);
    s += fmt::format("{:<19}{:>8}{:>11.3f}{:>10.3f}{:>20}{:>10.3f}{:>14}\n", to_string(static_cast<ThreatClass>(c)), count,
                     static_cast<double>(e) / count, static_cast<double>(k) / count, fmt::format("[{:.3f}, {:.3f}]", w.lo, w.hi),
                     static_cast<double>(l) / count, k > 0 ? fmt::format("{:.2f}", static_cast<double>(f) / k) : "-");
  }
  s += fmt::format("\n{:<19}{:>8}{:>16}{:>20}\n", "interceptor layer", "fired", "P(kill)/shot", "95% Wilson");
  for (std::size_t l = 0; l < r.layers.size(); ++l) {
    const long long f = sum_of(r, [&](const RunRow& x) { return x.fired_by_layer[l]; });
    const long long k = sum_of(r, [&](const RunRow& x) { return x.kills_by_layer[l]; });
    const Interval w = wilson_interval(k, f);
    s += fmt::format("{:<19}{:>8}{:>16.3f}{:>20}\n", r.layers[l], f, f > 0 ? static_cast<double>(k) / f : 0.0,
                     fmt::format("[{:.3f}, {:.3f}]", w.lo, w.hi));
  }
  const SampleStats leak = sample_stats(per_run(r, leakers));
  const SampleStats fired = sample_stats(per_run(r, [](const RunRow& x) { return x.fired; }));
  const long long survived = sum_of(r, [](const RunRow& x) { return x.asset_hits == 0 ? 1 : 0; });
  const Interval sw = wilson_interval(survived, static_cast<long long>(r.rows.size()));
  s += fmt::format("\nleakers per run        {:.2f} +- {:.2f} (sd; {})\n", leak.mean, leak.sd,
                   leak.has_ci ? fmt::format("95% Student-t CI of the mean [{:.2f}, {:.2f}]", leak.ci95.lo, leak.ci95.hi)
                               : std::string("no interval from one run"));
  s += fmt::format("interceptors per run   {:.2f} +- {:.2f}\n", fired.mean, fired.sd);
  double spent = 0.0, destroyed = 0.0;
  for (const RunRow& row : r.rows) {
    spent += row.cost;
    destroyed += row.threat_cost_killed;
  }
  if (destroyed > 0.0)
    s += fmt::format("cost-exchange ratio    {:.2f} (interceptor cost per unit of threat cost destroyed, notional)\n",
                     spent / destroyed);
  if (has_friendly_side(r)) {
    const auto line = [&](const char* name, auto f) {
      const SampleStats st = sample_stats(per_run(r, f));
      return fmt::format("{:<23}{:.2f} +- {:.2f} (sd; {})\n", name, st.mean, st.sd,
                         st.has_ci ? fmt::format("95% Student-t CI of the mean [{:.2f}, {:.2f}]", st.ci95.lo, st.ci95.hi)
                                   : std::string("no interval from one run"));
    };
    s += line("fratricide per run", [](const RunRow& x) { return x.fratricide; });
    s += line("friends engaged/run", [](const RunRow& x) { return x.friendly_engaged; });
    s += line("rounds at friends/run", [](const RunRow& x) { return x.rounds_at_friends; });
    s += line("hostiles withheld/run", [](const RunRow& x) { return x.hostiles_withheld; });
  }
  if (has_sead_side(r)) {  // docs/sead.md
    const auto line = [&](const char* name, auto f) {
      const SampleStats st = sample_stats(per_run(r, f));
      return fmt::format("{:<23}{:.2f} +- {:.2f} (sd; {})\n", name, st.mean, st.sd,
                         st.has_ci ? fmt::format("95% Student-t CI of the mean [{:.2f}, {:.2f}]", st.ci95.lo, st.ci95.hi)
                                   : std::string("no interval from one run"));
    };
    s += line("ARMs per run", [](const RunRow& x) { return x.arms; });
    s += line("ARMs killed/run", [](const RunRow& x) { return x.arms_killed; });
    s += line("radars lost/run", [](const RunRow& x) { return x.radars_lost; });
    s += line("radar-s silent/run", [](const RunRow& x) { return x.radar_silent_s; });
    s += line("decoy emitters hit/run", [](const RunRow& x) { return x.decoy_emitters_hit; });
    s += line("rounds at decoys/run", [](const RunRow& x) { return x.rounds_at_air_decoys; });
  }
  s += fmt::format("asset untouched        {:.3f} of runs (95% Wilson [{:.3f}, {:.3f}])\n",
                   r.rows.empty() ? 0.0 : static_cast<double>(survived) / r.rows.size(), sw.lo, sw.hi);
  if (const std::string w = few_runs_warning(static_cast<long long>(r.rows.size())); !w.empty()) s += "\n" + w + "\n";
  return s;
}

namespace {
// A histogram of integer counts per run, drawn in the band [y0, y0 + H) of the picture.
// A histogram of per-run values with its axis titles ("xlabel", runs) and the mean as a dashed line.
std::string histogram_panel(const std::string& title, const std::string& xlabel, const std::vector<int>& values, int y0, int W,
                            int H, int P, const char* colour) {
  std::vector<int> hist;
  int lo = values.empty() ? 0 : *std::min_element(values.begin(), values.end());
  for (int v : values) {
    if (v - lo >= static_cast<int>(hist.size())) hist.resize(v - lo + 1, 0);
    ++hist[v - lo];
  }
  const int peak = hist.empty() ? 1 : std::max(1, *std::max_element(hist.begin(), hist.end()));
  std::string svg = fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"15\">{}</text>\n", P, y0 + 24, xml_escape(title));
  const double bw = hist.empty() ? 0.0 : static_cast<double>(W - 2 * P) / hist.size();
  const int base = y0 + H - P;
  for (std::size_t k = 0; k < hist.size(); ++k) {
    const double h = static_cast<double>(hist[k]) / peak * (H - 2 * P);
    svg += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\"/>"
                       "<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\">{}</text><text x=\"{:.1f}\" y=\"{:.1f}\" "
                       "text-anchor=\"middle\" fill=\"#555\">{}</text>\n",
                       P + k * bw + 1, base - h, std::max(1.0, bw - 2), h, colour, P + (k + 0.5) * bw, base + 16,
                       lo + static_cast<int>(k), P + (k + 0.5) * bw, base - h - 4, hist[k]);
  }
  svg += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#888\"/>\n", P, base, W - P);
  svg += fmt::format("<text class=\"axis-title\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", W / 2, base + 34, xml_escape(xlabel));
  svg += fmt::format("<text class=\"axis-title\" x=\"{0}\" y=\"{1}\" transform=\"rotate(-90 {0} {1})\" text-anchor=\"middle\">runs</text>\n",
                     P - 20, y0 + H / 2);
  if (!values.empty()) {
    double mean = 0.0;
    for (int v : values) mean += v;
    mean /= static_cast<double>(values.size());
    const double x = P + (mean - lo + 0.5) * bw;  // bar k is centred on value lo + k
    svg += fmt::format("<line class=\"mean\" x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" stroke=\"black\" stroke-dasharray=\"5 3\"/>"
                       "<text x=\"{3:.1f}\" y=\"{4}\">mean {5:.2f}</text>\n", x, y0 + P - 6, base, x + 4, y0 + P + 6, mean);
  }
  return svg;
}
}  // namespace

std::string mc_svg(const MonteCarloResult& r) {
  const int W = 720, H = 300, P = 50;
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" font-family=\"sans-serif\" "
      "font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n",
      W, 3 * H);
  std::vector<int> leak, fired;
  for (const RunRow& row : r.rows) {
    leak.push_back(leakers(row));
    fired.push_back(row.fired);
  }
  svg += histogram_panel(fmt::format("'{}': leakers per run ({} runs)", r.scenario, r.rows.size()), "leakers in the run", leak, 0, W,
                         H, P, "#d62728");
  svg += histogram_panel("interceptors fired per run", "interceptors fired in the run", fired, 2 * H, W, H, P, "#1f77b4");
  // Panel 2: kill probability per shot by layer, with Wilson intervals.
  svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"15\">kill probability per shot by layer (95% Wilson)</text>\n", P, H + 24);
  const double lw = r.layers.empty() ? 0.0 : static_cast<double>(W - 2 * P) / r.layers.size();
  auto y = [&](double p) { return 2 * H - P - p * (H - 2 * P); };
  for (std::size_t l = 0; l < r.layers.size(); ++l) {
    const long long f = sum_of(r, [&](const RunRow& x) { return x.fired_by_layer[l]; });
    const long long k = sum_of(r, [&](const RunRow& x) { return x.kills_by_layer[l]; });
    const double p = f > 0 ? static_cast<double>(k) / f : 0.0;
    const Interval w = wilson_interval(k, f);
    const double cx = P + (l + 0.5) * lw;
    svg += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"#2ca02c\"/>"
                       "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"black\" stroke-width=\"2\"/>"
                       "<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\">{} ({} shots)</text>\n",
                       cx - lw * 0.3, y(p), lw * 0.6, y(0) - y(p), cx, y(w.lo), cx, y(w.hi), cx, 2 * H - P + 16, xml_escape(r.layers[l]), f);
  }
  svg += fmt::format("<text class=\"axis-title\" x=\"{0}\" y=\"{1}\" transform=\"rotate(-90 {0} {1})\" text-anchor=\"middle\">"
                     "P(kill) per shot</text>\n", P - 32, H + H / 2);
  svg += fmt::format("<text class=\"axis-title\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">interceptor layer</text>\n", W / 2, 2 * H - P + 34);
  for (double p : {0.0, 0.5, 1.0})
    svg += fmt::format("<text x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\">{:.1f}</text><line x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" "
                       "y2=\"{:.1f}\" stroke=\"#ddd\"/>\n",
                       P - 6, y(p) + 4, p, P, y(p), W - P, y(p));
  svg += "</svg>\n";
  return svg;
}

}  // namespace skyshield
