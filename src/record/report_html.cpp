#include "record/report_html.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "record/svg_axes.hpp"

namespace skyshield {

namespace {

const char* outcome_colour(const std::string& outcome) {
  if (outcome == "killed") return "#2ca02c";
  if (outcome == "leaked") return "#d62728";
  return "#7f7f7f";
}

// One row per threat (decoys and never-launched objects left out), in launch order.
std::string gantt(const RunRecord& run) {
  std::vector<const ThreatRecord*> rows;
  for (const ThreatRecord& t : run.threats)
    if (!t.decoy && t.outcome != "not_launched" && t.launch_time_s >= 0) rows.push_back(&t);
  std::stable_sort(rows.begin(), rows.end(), [](const ThreatRecord* a, const ThreatRecord* b) { return a->launch_time_s < b->launch_time_s; });
  const double row_h = rows.size() > 300 ? 4.0 : rows.size() > 60 ? 8.0 : 16.0;
  const bool labels = row_h >= 16.0;
  SvgPanel p;
  p.ox = labels ? 170 : 60;
  p.oy = 20;
  p.w = 760;
  p.h = std::max(60.0, row_h * static_cast<double>(rows.size()));
  p.xmax = std::max(run.end_time_s, 1.0);
  p.ymax = 1;
  p.y_ticks = false;
  std::string svg = fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{:.0f}\" height=\"{:.0f}\" font-family=\"sans-serif\" font-size=\"11\">\n",
                                p.ox + p.w + 20, p.oy + p.h + 50);
  svg += p.axes("time (s)", "");
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < rows.size(); ++i) index[rows[i]->name] = i;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const ThreatRecord& t = *rows[i];
    const double y = p.oy + row_h * static_cast<double>(i);
    const double end = t.outcome_time_s >= 0 ? t.outcome_time_s : run.end_time_s;
    const auto bar = [&](double a, double b, const char* colour, const char* what) {
      if (a < 0 || b <= a) return;
      svg += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\"><title>{}: {} {:.1f}-{:.1f} s</title></rect>\n",
                         p.X(a), y + row_h * 0.15, std::max(0.5, p.X(b) - p.X(a)), row_h * 0.7, colour, xml_escape(t.name), what, a, b);
    };
    // Launch -> detection -> track -> first interceptor -> outcome, lighter to darker.
    const double det = t.first_detection_s >= 0 ? std::min(t.first_detection_s, end) : end;
    const double trk = t.first_track_s >= 0 ? std::min(t.first_track_s, end) : end;
    const double eng = t.first_launch_s >= 0 ? std::min(t.first_launch_s, end) : end;
    bar(t.launch_time_s, det, "#e6e6e6", "undetected");
    bar(det, trk, "#c6dbef", "detected");
    bar(trk, eng, "#6baed6", "tracked");
    bar(eng, end, "#2171b5", "engaged");
    svg += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"3\" height=\"{:.1f}\" fill=\"{}\"><title>{}: {}</title></rect>\n", p.X(end) - 1.5,
                       y, row_h, outcome_colour(t.outcome), xml_escape(t.name), xml_escape(t.outcome));
    if (labels)
      svg += fmt::format("<text x=\"{:.0f}\" y=\"{:.1f}\" text-anchor=\"end\">{} ({})</text>\n", p.ox - 6, y + row_h * 0.75,
                         xml_escape(t.name), to_string(t.cls));
  }
  // Every interceptor: a tick at its launch on the row of the threat it was fired at.
  for (const InterceptorRecord& r : run.interceptors) {
    const auto it = index.find(r.killed_threat.empty() ? r.threat : r.killed_threat);
    if (it == index.end()) continue;
    const double y = p.oy + row_h * static_cast<double>(it->second);
    svg += fmt::format("<path d=\"M{:.1f},{:.1f} l-3,{:.1f} l6,0 z\" fill=\"#000\"><title>{} ({}) launched {:.1f} s: {}</title></path>\n",
                       p.X(r.launch_time_s), y + row_h * 0.5, row_h * 0.5, xml_escape(r.name), xml_escape(r.layer), r.launch_time_s,
                       xml_escape(r.outcome));
  }
  return svg + "</svg>\n";
}

std::string layer_bars(const RunRecord& run, const Summary& s) {
  const std::size_t n = run.layers.size();
  SvgPanel p;
  p.ox = 60;
  p.oy = 20;
  p.w = std::max(200.0, 110.0 * static_cast<double>(n));
  p.h = 220;
  p.xmax = static_cast<double>(std::max<std::size_t>(n, 1));
  double top = 1;
  for (const LayerSummary& l : s.by_layer) top = std::max(top, static_cast<double>(l.fired));
  p.ymax = top;
  p.x_ticks = false;
  std::string svg = fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{:.0f}\" height=\"{:.0f}\" font-family=\"sans-serif\" font-size=\"11\">\n",
                                p.ox + p.w + 20, p.oy + p.h + 60);
  svg += p.axes("", "interceptors");
  const double slot = p.w / p.xmax, bw = slot / 4.0;
  for (std::size_t i = 0; i < n; ++i) {
    const LayerSummary& l = s.by_layer[i];
    const double x0 = p.ox + slot * static_cast<double>(i) + slot * 0.125;
    const std::pair<int, const char*> bars[] = {{l.fired, "#2171b5"}, {l.kills, "#2ca02c"}, {l.misses + l.self_destructs, "#7f7f7f"}};
    const char* names[] = {"fired", "kills", "misses and self-destructs"};
    for (int b = 0; b < 3; ++b) {
      const double h = p.Y(0) - p.Y(bars[b].first);
      svg += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\"><title>{}: {} {}</title></rect>\n",
                         x0 + bw * b, p.Y(bars[b].first), bw * 0.9, h, bars[b].second, xml_escape(run.layers[i]), bars[b].first, names[b]);
      svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>\n", x0 + bw * b + bw * 0.45,
                         p.Y(bars[b].first) - 3, bars[b].first);
    }
    svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" font-size=\"13\">{}</text>\n", x0 + bw * 1.5, p.oy + p.h + 18,
                       xml_escape(run.layers[i]));
  }
  return svg + "</svg>\n";
}

}  // namespace

std::string report_html(const RunRecord& run, const Summary& s) {
  std::string html = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>skyshield: {0}</title>\n"
      "<style>body{{font-family:sans-serif;margin:2em;max-width:1000px}} table{{border-collapse:collapse}} "
      "td,th{{border:1px solid #ccc;padding:2px 8px;text-align:right}} th:first-child,td:first-child{{text-align:left}} "
      ".key span{{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px;vertical-align:middle}}</style></head><body>\n"
      "<h1>{0}</h1><p>seed {1}, {2:.1f} s simulated. Threats {3}: killed {4}, leaked {5}, still flying {6}; interceptors fired {7}, "
      "kills {8}.</p>\n",
      xml_escape(run.scenario), run.seed, run.end_time_s, s.total.count, s.total.killed, s.total.leaked, s.total.active,
      s.interceptors.fired, s.interceptors.kills);
  html += "<h2>Kills by layer</h2>\n<table><tr><th>class</th><th>threats</th><th>killed</th>";
  for (const std::string& l : run.layers) html += "<th>by " + xml_escape(l) + "</th>";
  html += "<th>leaked</th><th>interceptors fired</th></tr>\n";
  const auto row = [&](const std::string& name, const ClassSummary& c) {
    if (c.count == 0) return;
    html += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td>", xml_escape(name), c.count, c.killed);
    for (int k : c.killed_by_layer) html += fmt::format("<td>{}</td>", k);
    html += fmt::format("<td>{}</td><td>{}</td></tr>\n", c.leaked, c.interceptors_fired);
  };
  for (ThreatClass c : kAllThreatClasses) row(std::string(to_string(c)), s.by_class[static_cast<int>(c)]);
  row("all threats", s.total);
  row("decoys and debris", s.decoys);
  html += "</table>\n<h2>Interceptor use by layer</h2>\n" + layer_bars(run, s);
  html += "<p class=\"key\"><span style=\"background:#2171b5\"></span>fired<span style=\"background:#2ca02c\"></span>kills"
          "<span style=\"background:#7f7f7f\"></span>misses and self-destructs</p>\n";
  html += "<h2>Engagement timeline</h2>\n<p class=\"key\"><span style=\"background:#e6e6e6\"></span>flying, undetected"
          "<span style=\"background:#c6dbef\"></span>detected<span style=\"background:#6baed6\"></span>tracked"
          "<span style=\"background:#2171b5\"></span>engaged (first interceptor)<span style=\"background:#2ca02c\"></span>killed"
          "<span style=\"background:#d62728\"></span>leaked &#9650; an interceptor launched at it (hover for details)</p>\n";
  html += gantt(run);
  return html + "</body></html>\n";
}

}  // namespace skyshield
