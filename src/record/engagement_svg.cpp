// SVG picture of a run: plan view of every trajectory around the reference point, and altitude
// versus time, both with ticks and axis labels. Threats are coloured by class and interceptors by
// layer with the replay viewer's colours (record/palette.hpp); kills (x), misses (grey ring at the
// interceptor's end) and leaks (red diamond where the threat ended) are marked; everything drawn
// stays inside its frame.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "record/palette.hpp"
#include "record/svg_axes.hpp"
#include "record/writers.hpp"

namespace skyshield {

namespace {
struct Box {
  double x0 = 1e300, x1 = -1e300, y0 = 1e300, y1 = -1e300;
  void add(double x, double y) { x0 = std::min(x0, x); x1 = std::max(x1, x); y0 = std::min(y0, y); y1 = std::max(y1, y); }
};

// Ticks at multiples of a 1-2-5 step over [lo, hi].
std::vector<double> ticks(double lo, double hi) {
  const double step = nice_tick_step(hi - lo);
  std::vector<double> out;
  for (double v = std::ceil(lo / step - 1e-9) * step; v <= hi + 1e-9 * step; v += step) out.push_back(std::abs(v) < 1e-9 * step ? 0.0 : v);
  return out;
}

constexpr const char* kMarkers =
    "<defs><g id=\"kill\"><path d=\"M-4,-4 l8,8 m-8,0 l8,-8\" stroke=\"black\" stroke-width=\"2\"/></g>"
    "<g id=\"miss\"><circle r=\"4\" fill=\"none\" stroke=\"#666\" stroke-width=\"1.5\"/></g>"
    "<g id=\"leak\"><path d=\"M0,-6 L6,0 L0,6 L-6,0 Z\" fill=\"#e6143c\" stroke=\"black\" stroke-width=\"0.8\"/></g></defs>\n";
}  // namespace

std::string engagement_svg(const RunRecord& run) {
  const LocalFrame frame(run.reference);
  auto km = [&](const Geodetic& g) { const Vec3 e = frame.to_enu(ecef_from_geodetic(g)); return Vec3(e.x() / 1e3, e.y() / 1e3, g.alt_m / 1e3); };
  Box plan;
  double t_max = 1.0, alt_max = 1.0;
  for (const Trajectory& tr : run.trajectories)
    for (const TrajectorySample& s : tr.samples) {
      const Vec3 p = km(s.p);
      plan.add(p.x(), p.y());
      t_max = std::max(t_max, s.t);
      alt_max = std::max(alt_max, s.p.alt_m / 1e3);
    }
  for (const Site& s : run.sites) { const Vec3 p = km(s.position); plan.add(p.x(), p.y()); }
  // Square plan view with 5 % margins; the altitude panel's axes end on a whole tick.
  const double span = std::max({plan.x1 - plan.x0, plan.y1 - plan.y0, 10.0}) * 1.1;
  const double cx = 0.5 * (plan.x0 + plan.x1), cy = 0.5 * (plan.y0 + plan.y1);
  t_max = std::ceil(t_max / nice_tick_step(t_max)) * nice_tick_step(t_max);
  alt_max = std::ceil(alt_max / nice_tick_step(alt_max)) * nice_tick_step(alt_max);
  const double W = 760, P = 70, S = W - 2 * P, H2 = 280;
  auto px = [&](double x) { return P + (x - (cx - span / 2)) / span * S; };
  auto py = [&](double y) { return P + ((cy + span / 2) - y) / span * S; };
  const double top2 = W + 20, h2 = H2 - 80;   // altitude panel: frame from top2 to top2 + h2
  auto tx = [&](double t) { return P + t / t_max * S; };
  auto ay = [&](double a) { return top2 + h2 - a / alt_max * h2; };

  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" "
      "font-family=\"sans-serif\" font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n",
      W, top2 + H2);
  svg += kMarkers;
  svg += fmt::format("<text x=\"{}\" y=\"22\" font-size=\"15\">skyshield - scenario '{}', seed {}</text>\n", P, xml_escape(run.scenario), run.seed);
  svg += fmt::format("<text x=\"{}\" y=\"40\" fill=\"#444\">plan view, km east and north of {:.3f}°, {:.3f}°</text>\n", P,
                     run.reference.lat_deg, run.reference.lon_deg);
  // Everything drawn in a panel is clipped to its frame.
  svg += fmt::format("<defs><clipPath id=\"plan\"><rect x=\"{0}\" y=\"{0}\" width=\"{1}\" height=\"{1}\"/></clipPath>"
                     "<clipPath id=\"alt\"><rect x=\"{0}\" y=\"{2}\" width=\"{1}\" height=\"{3}\"/></clipPath></defs>\n",
                     P, S, top2, h2);
  // Plan view: grid, ticks and labels on both axes.
  for (double v : ticks(cx - span / 2, cx + span / 2))
    svg += fmt::format("<line class=\"tick plan-x\" x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" stroke=\"#eee\"/>"
                       "<line x1=\"{0:.1f}\" y1=\"{2}\" x2=\"{0:.1f}\" y2=\"{3}\" stroke=\"#888\"/>"
                       "<text x=\"{0:.1f}\" y=\"{4}\" text-anchor=\"middle\">{5:g}</text>\n", px(v), P, P + S, P + S + 5, P + S + 18, v);
  for (double v : ticks(cy - span / 2, cy + span / 2))
    svg += fmt::format("<line class=\"tick plan-y\" x1=\"{0}\" y1=\"{1:.1f}\" x2=\"{2}\" y2=\"{1:.1f}\" stroke=\"#eee\"/>"
                       "<line x1=\"{3}\" y1=\"{1:.1f}\" x2=\"{0}\" y2=\"{1:.1f}\" stroke=\"#888\"/>"
                       "<text x=\"{4}\" y=\"{5:.1f}\" text-anchor=\"end\">{6:g}</text>\n", P, py(v), P + S, P - 5, P - 8, py(v) + 4, v);
  svg += fmt::format("<rect x=\"{0}\" y=\"{0}\" width=\"{1}\" height=\"{1}\" fill=\"none\" stroke=\"#888\"/>\n", P, S);
  svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">km east</text>\n", P + S / 2, P + S + 34);
  svg += fmt::format("<text x=\"{0}\" y=\"{1}\" transform=\"rotate(-90 {0} {1})\" text-anchor=\"middle\">km north</text>\n", P - 45, P + S / 2);
  // Range rings: one per interceptor layer, around the first launcher of that layer.
  std::map<double, const Site*> rings;
  for (const Site& s : run.sites)
    if (s.kind == "launcher" && !rings.count(s.range_m)) rings[s.range_m] = &s;
  for (const auto& [r, s] : rings) {
    const Vec3 c = km(s->position);
    svg += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{:.1f}\" fill=\"none\" stroke=\"#bbb\" stroke-dasharray=\"4 4\" "
                       "clip-path=\"url(#plan)\"/><text x=\"{:.1f}\" y=\"{:.1f}\" fill=\"#999\" clip-path=\"url(#plan)\">{:.0f} km</text>\n",
                       px(c.x()), py(c.y()), r / 1e3 / span * S, px(c.x()) + 3, py(c.y() + r / 1e3) + 12, r / 1e3);
  }
  std::map<std::string, const InterceptorRecord*> interceptors;
  for (const InterceptorRecord& r : run.interceptors) interceptors[r.name] = &r;
  std::map<std::string, const ThreatRecord*> threats;
  for (const ThreatRecord& t : run.threats) threats[t.name] = &t;
  std::set<std::string> layers_drawn;
  for (const Trajectory& tr : run.trajectories) {
    if (tr.samples.empty()) continue;
    const bool interceptor = tr.kind.rfind("interceptor", 0) == 0;
    std::string col;
    if (interceptor) {
      const auto it = interceptors.find(tr.name);
      const std::string layer = it != interceptors.end() ? it->second->layer : tr.kind.substr(std::min(tr.kind.size(), std::size_t{12}));
      col = hex(layer_colour(layer));
      layers_drawn.insert(layer);
    } else {
      const auto it = threats.find(tr.name);
      col = hex(threat_colour(tr.kind, it != threats.end() && it->second->decoy));
    }
    std::string pts, apts;
    for (const TrajectorySample& s : tr.samples) {
      const Vec3 p = km(s.p);
      pts += fmt::format("{:.1f},{:.1f} ", px(p.x()), py(p.y()));
      apts += fmt::format("{:.1f},{:.1f} ", tx(s.t), ay(s.p.alt_m / 1e3));
    }
    const double w = interceptor ? 1.0 : 1.6;
    svg += fmt::format("<polyline class=\"{}\" points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\" clip-path=\"url(#plan)\"/>\n",
                       interceptor ? "interceptor" : "threat", pts, col, w);
    svg += fmt::format("<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\" clip-path=\"url(#alt)\"/>\n", apts, col, w);
  }
  // Outcome markers at the last sample: kills and leaks where the threat ended, misses where the
  // interceptor ended (a miss or a self-destruct), in both panels.
  std::map<std::string, const Trajectory*> by_name;
  for (const Trajectory& tr : run.trajectories)
    if (!tr.samples.empty()) by_name[tr.name] = &tr;
  int kills = 0, misses = 0, leaks = 0;
  auto mark = [&](const std::string& name, const char* what) {
    const auto it = by_name.find(name);
    if (it == by_name.end()) return false;
    const TrajectorySample& s = it->second->samples.back();
    const Vec3 p = km(s.p);
    // No clip: a last sample lies inside both panels by construction (their ranges hold every sample),
    // and a clip-path on <use x y> would be shifted with the marker.
    svg += fmt::format("<use class=\"{0}\" href=\"#{0}\" x=\"{1:.1f}\" y=\"{2:.1f}\"/>"
                       "<use href=\"#{0}\" x=\"{3:.1f}\" y=\"{4:.1f}\"/>\n",
                       what, px(p.x()), py(p.y()), tx(s.t), ay(s.p.alt_m / 1e3));
    return true;
  };
  for (const ThreatRecord& t : run.threats) {
    if (t.outcome == "killed") kills += mark(t.name, "kill");
    if (t.outcome == "leaked") leaks += mark(t.name, "leak");
  }
  for (const InterceptorRecord& r : run.interceptors)
    if (r.outcome == "missed" || r.outcome == "self_destruct") misses += mark(r.name, "miss");
  for (const Site& s : run.sites) {
    const Vec3 p = km(s.position);
    const char* shape = s.kind == "asset" ? "<rect x=\"-5\" y=\"-5\" width=\"10\" height=\"10\" fill=\"black\"/>"
                        : s.kind == "radar" ? "<path d=\"M0,-6 L5,4 L-5,4 Z\" fill=\"#444\"/>"
                        : s.kind == "command_post" ? "<rect x=\"-3\" y=\"-3\" width=\"6\" height=\"6\" fill=\"#888\"/>"
                                                   : "<circle r=\"2.5\" fill=\"#2a6\"/>";
    svg += fmt::format("<g transform=\"translate({:.1f},{:.1f})\" clip-path=\"url(#plan)\">{}</g>\n", px(p.x()), py(p.y()), shape);
  }
  // Legend: threat classes, then the layers fired, then the markers with their counts.
  double ly = P + 14;
  const double lx = W - P - 190;
  svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"188\" height=\"{}\" fill=\"white\" fill-opacity=\"0.85\" stroke=\"#ccc\"/>\n", lx - 5,
                     P + 3, 16 * (4 + layers_drawn.size() + 3) + 6);
  for (const char* k : {"aircraft", "drone", "cruise_missile", "ballistic_missile"}) {
    svg += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"{3}\" stroke-width=\"3\"/><text x=\"{4}\" y=\"{5}\">{6}</text>\n",
                       lx, ly, lx + 20, hex(threat_colour(k, false)), lx + 25, ly + 4, k);
    ly += 16;
  }
  for (const std::string& l : layers_drawn) {
    svg += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"{3}\" stroke-width=\"3\"/><text x=\"{4}\" y=\"{5}\">{6} interceptor</text>\n",
                       lx, ly, lx + 20, hex(layer_colour(l)), lx + 25, ly + 4, xml_escape(l));
    ly += 16;
  }
  for (const auto& [id, text, n] : {std::tuple{"kill", "kill", kills}, std::tuple{"miss", "miss (interceptor's end)", misses},
                                   std::tuple{"leak", "leak", leaks}}) {
    svg += fmt::format("<use href=\"#{}\" x=\"{}\" y=\"{}\"/><text x=\"{}\" y=\"{}\">{} ({})</text>\n", id, lx + 10, ly, lx + 25, ly + 4, text, n);
    ly += 16;
  }
  svg += fmt::format("<text x=\"{}\" y=\"{}\" fill=\"#444\">square = asset, triangle = radar, grey square = command post, dot = launcher, "
                     "dashed = layer reach</text>\n", P, P + S + 52);
  // Altitude panel: ticks on both axes.
  for (double v : ticks(0, t_max))
    svg += fmt::format("<line class=\"tick alt-x\" x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" stroke=\"#eee\"/>"
                       "<text x=\"{0:.1f}\" y=\"{3}\" text-anchor=\"middle\">{4:g}</text>\n", tx(v), top2, top2 + h2, top2 + h2 + 15, v);
  for (double v : ticks(0, alt_max))
    svg += fmt::format("<line class=\"tick alt-y\" x1=\"{0}\" y1=\"{1:.1f}\" x2=\"{2}\" y2=\"{1:.1f}\" stroke=\"#eee\"/>"
                       "<text x=\"{3}\" y=\"{4:.1f}\" text-anchor=\"end\">{5:g}</text>\n", P, ay(v), P + S, P - 6, ay(v) + 4, v);
  svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"#888\"/>\n", P, top2, S, h2);
  svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">time (s)</text>\n", P + S / 2, top2 + h2 + 32);
  svg += fmt::format("<text x=\"{0}\" y=\"{1}\" transform=\"rotate(-90 {0} {1})\" text-anchor=\"middle\">altitude (km)</text>\n", P - 45,
                     top2 + h2 / 2);
  return svg + "</svg>\n";
}

}  // namespace skyshield
