// SVG picture of a run: plan view of every trajectory around the first asset, and altitude versus time.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "record/svg_axes.hpp"
#include "record/writers.hpp"

namespace skyshield {

namespace {
const char* colour(const std::string& kind) {
  if (kind == "aircraft") return "#1f77b4";
  if (kind == "drone") return "#9467bd";
  if (kind == "cruise_missile") return "#ff7f0e";
  if (kind == "ballistic_missile") return "#d62728";
  return "#2ca02c";  // interceptors
}

struct Box {
  double x0 = 1e300, x1 = -1e300, y0 = 1e300, y1 = -1e300;
  void add(double x, double y) { x0 = std::min(x0, x); x1 = std::max(x1, x); y0 = std::min(y0, y); y1 = std::max(y1, y); }
};
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
  // Square plan view with 5 % margins.
  const double span = std::max({plan.x1 - plan.x0, plan.y1 - plan.y0, 10.0}) * 1.1;
  const double cx = 0.5 * (plan.x0 + plan.x1), cy = 0.5 * (plan.y0 + plan.y1);
  const double W = 720, P = 60, H2 = 260;
  auto px = [&](double x) { return P + (x - (cx - span / 2)) / span * (W - 2 * P); };
  auto py = [&](double y) { return P + ((cy + span / 2) - y) / span * (W - 2 * P); };
  const double top2 = W + 10;
  auto tx = [&](double t) { return P + t / t_max * (W - 2 * P); };
  auto ay = [&](double a) { return top2 + H2 - 40 - a / alt_max * (H2 - 70); };

  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" "
      "font-family=\"sans-serif\" font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n",
      W, W + H2 + 10);
  svg += fmt::format("<text x=\"{}\" y=\"24\" font-size=\"16\">skyshield - scenario '{}', seed {} - plan view (km from {:.3f}, {:.3f})</text>\n",
                     P, xml_escape(run.scenario), run.seed, run.reference.lat_deg, run.reference.lon_deg);
  svg += fmt::format("<rect x=\"{0}\" y=\"{0}\" width=\"{1}\" height=\"{1}\" fill=\"none\" stroke=\"#888\"/>\n", P, W - 2 * P);
  // Everything drawn in the plan view is clipped to its frame.
  svg += fmt::format("<defs><clipPath id=\"plan\"><rect x=\"{0}\" y=\"{0}\" width=\"{1}\" height=\"{1}\"/></clipPath></defs>\n", P,
                     W - 2 * P);
  // Grid labels at the corners.
  svg += fmt::format("<text x=\"{}\" y=\"{}\">{:.0f}</text><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{:.0f} km E</text>\n",
                     P, W - P + 16, cx - span / 2, W - P, W - P + 16, cx + span / 2);
  svg += fmt::format("<text x=\"{}\" y=\"{}\">{:.0f} km N</text><text x=\"{}\" y=\"{}\">{:.0f}</text>\n",
                     P + 4, P + 14, cy + span / 2, P + 4, W - P - 4, cy - span / 2);
  // Range rings: one per interceptor layer, around the first launcher of that layer.
  std::map<double, const Site*> rings;
  for (const Site& s : run.sites)
    if (s.kind == "launcher" && !rings.count(s.range_m)) rings[s.range_m] = &s;
  for (const auto& [r, s] : rings) {
    const Vec3 c = km(s->position);
    svg += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{:.1f}\" fill=\"none\" stroke=\"#bbb\" stroke-dasharray=\"4 4\" "
                       "clip-path=\"url(#plan)\"/><text x=\"{:.1f}\" y=\"{:.1f}\" fill=\"#999\" clip-path=\"url(#plan)\">{:.0f} km</text>\n",
                       px(c.x()), py(c.y()), r / 1e3 / span * (W - 2 * P), px(c.x()) + 3, py(c.y() + r / 1e3) + 12, r / 1e3);
  }
  for (const Trajectory& tr : run.trajectories) {
    if (tr.samples.empty()) continue;
    const bool interceptor = tr.kind.rfind("interceptor", 0) == 0;
    std::string pts, apts;
    for (const TrajectorySample& s : tr.samples) {
      const Vec3 p = km(s.p);
      pts += fmt::format("{:.1f},{:.1f} ", px(p.x()), py(p.y()));
      apts += fmt::format("{:.1f},{:.1f} ", tx(s.t), ay(s.p.alt_m / 1e3));
    }
    const char* col = colour(tr.kind);
    const double w = interceptor ? 0.8 : 1.6;
    svg += fmt::format("<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\" clip-path=\"url(#plan)\"/>\n", pts,
                       col, w);
    svg += fmt::format("<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"/>\n", apts, col, w);
  }
  // Kills: a cross at the last sample of each killed threat.
  for (const ThreatRecord& t : run.threats) {
    if (t.outcome != "killed") continue;
    for (const Trajectory& tr : run.trajectories) {
      if (tr.name != t.name || tr.samples.empty()) continue;
      const Vec3 p = km(tr.samples.back().p);
      svg += fmt::format("<path d=\"M{0:.1f},{1:.1f} l8,8 m-8,0 l8,-8\" transform=\"translate(-4,-4)\" stroke=\"black\" stroke-width=\"2\"/>\n",
                         px(p.x()), py(p.y()));
    }
  }
  for (const Site& s : run.sites) {
    const Vec3 p = km(s.position);
    const char* shape = s.kind == "asset" ? "<rect x=\"-5\" y=\"-5\" width=\"10\" height=\"10\" fill=\"black\"/>"
                        : s.kind == "radar" ? "<path d=\"M0,-6 L5,4 L-5,4 Z\" fill=\"#444\"/>"
                                            : "<circle r=\"2.5\" fill=\"#2ca02c\"/>";
    svg += fmt::format("<g transform=\"translate({:.1f},{:.1f})\">{}</g>\n", px(p.x()), py(p.y()), shape);
  }
  // Legend.
  double ly = P + 14;
  for (const char* k : {"aircraft", "drone", "cruise_missile", "ballistic_missile", "interceptor"}) {
    svg += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"{3}\" stroke-width=\"3\"/><text x=\"{4}\" y=\"{5}\">{6}</text>\n",
                       W - P - 150, ly, W - P - 130, colour(k), W - P - 125, ly + 4, k);
    ly += 16;
  }
  svg += fmt::format("<text x=\"{}\" y=\"{}\">x = kill, square = asset, triangle = radar, dot = launcher, dashed = layer range</text>\n",
                     P, W - P + 34);
  // Altitude panel.
  svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"#888\"/>\n", P, ay(alt_max),
                     W - 2 * P, ay(0) - ay(alt_max));
  svg += fmt::format("<text x=\"{}\" y=\"{}\">altitude (km, max {:.0f}) versus time (s, max {:.0f})</text>\n", P,
                     ay(alt_max) - 6, alt_max, t_max);
  return svg + "</svg>\n";
}

}  // namespace skyshield
