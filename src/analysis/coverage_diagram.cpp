#include "analysis/coverage_diagram.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "core/error.hpp"
#include "core/units.hpp"
#include "record/svg_axes.hpp"
#include "record/writers.hpp"
#include "sensors/horizon.hpp"

namespace skyshield {

namespace {
constexpr int kAltitudes = 120;   // points per curve
}  // namespace

std::vector<RadarCoverage> scenario_coverage(const Scenario& s, double pd, double max_alt_m, const std::string& radar_filter) {
  std::set<int> used;
  for (const BattalionSpec& b : s.battalions)
    for (const RadarSite& r : b.radars) used.insert(r.type_index);
  if (!radar_filter.empty()) {
    std::string known;
    int found = -1;
    for (int i : used) {
      known += (known.empty() ? "" : ", ") + s.radar_types[i].name;
      if (s.radar_types[i].name == radar_filter) found = i;
    }
    if (found < 0) throw InputError(fmt::format("radar type '{}' is not used in scenario '{}' (used: {})", radar_filter, s.name, known));
    used = {found};
  }
  std::vector<RadarCoverage> out;
  for (int i : used) {
    const RadarParams& p = s.radar_types[i];
    RadarCoverage c;
    c.radar = p.name;
    c.antenna_height_m = p.antenna_height_m;
    // One curve per RCS class (nose-on mean RCS and Swerling case) of the threats in the scenario,
    // largest first, labelled with the threat types in it.
    std::map<std::pair<double, int>, std::vector<std::string>, std::greater<>> classes;
    for (const ThreatSpec& th : s.threats) {
      const ThreatType& t = s.threat_types[th.type_index];
      if (t.decoy) continue;   // decoys and debris are not a threat class of their own
      auto& names = classes[{t.rcs.nose_m2, static_cast<int>(t.swerling)}];
      if (std::find(names.begin(), names.end(), t.name) == names.end()) names.push_back(t.name);
    }
    for (const auto& [key, names] : classes) {
      std::string label = fmt::format("{:g} m2, Swerling {}: ", key.first, key.second);
      for (std::size_t i = 0; i < names.size(); ++i) label += (i ? ", " : "") + names[i];
      c.curves.push_back(
          vertical_coverage(p, p.antenna_height_m, label, key.first, static_cast<Swerling>(key.second), pd, max_alt_m, kAltitudes));
    }
    // The horizon: the same geometry with an unbounded radar.
    c.horizon.label = "4/3-earth horizon";
    for (int k = 0; k <= kAltitudes; ++k) {
      const double h = coverage_altitude_m(max_alt_m, k, kAltitudes);
      c.horizon.altitude_m.push_back(h);
      c.horizon.ground.push_back({0.0, radar_horizon_range_m(p.antenna_height_m, h)});
    }
    out.push_back(std::move(c));
  }
  return out;
}

std::string coverage_csv(const std::vector<RadarCoverage>& cov) {
  std::string csv = "radar,target,altitude_m,min_ground_range_m,max_ground_range_m\n";
  for (const RadarCoverage& c : cov)
    for (const CoverageCurve& curve : c.curves)
      for (std::size_t i = 0; i < curve.altitude_m.size(); ++i) {
        const GroundInterval& g = curve.ground[i];
        csv += fmt::format("{},{},{:.1f},{:.1f},{:.1f}\n", csv_field(c.radar), csv_field(curve.label), curve.altitude_m[i],
                           g.empty() ? 0.0 : g.min_m, g.empty() ? 0.0 : g.max_m);
      }
  return csv;
}

namespace {
// Outline of the detection region (max edge outward, min edge back) as SVG polygon points.
std::string outline(const CoverageCurve& c, const SvgPanel& p) {
  std::string out, back;
  for (std::size_t i = 0; i < c.altitude_m.size(); ++i) {
    const GroundInterval& g = c.ground[i];
    if (g.empty()) continue;
    const double y = c.altitude_m[i] / 1e3;
    out += fmt::format("{:.1f},{:.1f} ", p.X(g.max_m / 1e3), p.Y(y));
    back = fmt::format("{:.1f},{:.1f} ", p.X(g.min_m / 1e3), p.Y(y)) + back;
  }
  return out + back;
}
}  // namespace

std::string coverage_svg(const std::vector<RadarCoverage>& cov, const std::string& scenario, double pd) {
  const double W = 1080, pw = 600, ph = 330, top = 60;
  const double H = top + cov.size() * (ph + 90) + 10;
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" font-family=\"sans-serif\" font-size=\"12\">\n"
      "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
      "<text x=\"{}\" y=\"24\" font-size=\"16\" text-anchor=\"middle\">Vertical coverage, scenario '{}': ground range at which "
      "Pd &gt;= {:g} per detection decision, nose-on (4/3 earth, heights above the ground, no terrain mask)</text>\n",
      W, H, W / 2, xml_escape(scenario), pd);
  for (std::size_t r = 0; r < cov.size(); ++r) {
    const RadarCoverage& c = cov[r];
    SvgPanel p{70, top + r * (ph + 90), pw, ph, 1.0, 1.0};
    for (const CoverageCurve& curve : c.curves)
      for (std::size_t i = 0; i < curve.altitude_m.size(); ++i) {
        p.xmax = std::max(p.xmax, curve.ground[i].max_m / 1e3);
        p.ymax = std::max(p.ymax, curve.altitude_m[i] / 1e3);
      }
    svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"14\" font-weight=\"bold\">{} (antenna {:g} m)</text>\n", p.ox,
                       p.oy - 8, xml_escape(c.radar), c.antenna_height_m);
    svg += p.axes("ground range (km)", "target height above the ground (km)");
    std::string hz;
    for (std::size_t i = 0; i < c.horizon.altitude_m.size(); ++i)
      if (c.horizon.ground[i].max_m / 1e3 <= p.xmax)
        hz += fmt::format("{:.1f},{:.1f} ", p.X(c.horizon.ground[i].max_m / 1e3), p.Y(c.horizon.altitude_m[i] / 1e3));
    svg += fmt::format("<polyline points=\"{}\" fill=\"none\" stroke=\"#555\" stroke-dasharray=\"6,4\"/>\n", hz);
    for (std::size_t k = 0; k < c.curves.size(); ++k) {
      const char* colour = kSvgPalette[k % 8];
      svg += fmt::format("<polygon points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1.6\"/>\n", outline(c.curves[k], p),
                         colour);
      svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"10\" height=\"10\" fill=\"{}\"/><text x=\"{}\" y=\"{}\">{}</text>\n",
                         p.ox + pw + 15, p.oy + 4 + 15 * k, colour, p.ox + pw + 30, p.oy + 13 + 15 * k, xml_escape(c.curves[k].label));
    }
    const double ky = p.oy + 4 + 15 * c.curves.size() + 6;
    svg += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#555\" stroke-dasharray=\"6,4\"/>"
                       "<text x=\"{3}\" y=\"{4}\">radar horizon (4/3 earth)</text>\n",
                       p.ox + pw + 15, ky + 5, p.ox + pw + 25, p.ox + pw + 30, ky + 9);
  }
  return svg + "</svg>\n";
}

}  // namespace skyshield
