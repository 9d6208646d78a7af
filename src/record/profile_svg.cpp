// SVG of flight profiles: altitude against ground range from the launch point, one panel per
// threat class, one colour per threat type.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "record/svg_axes.hpp"
#include "record/writers.hpp"

namespace skyshield {

namespace {
struct Line {
  std::string type;
  std::vector<std::pair<double, double>> pts;  // (ground range km, altitude km)
};
}  // namespace

std::string profile_svg(const RunRecord& run) {
  std::map<std::string, std::string> type_of;
  for (const ThreatRecord& t : run.threats) type_of[t.name] = t.type;
  std::array<std::vector<Line>, kThreatClassCount> by_class;
  std::map<std::string, Geodetic> start;  // launch point of each trajectory
  for (const Trajectory& tr : run.trajectories)
    if (!tr.samples.empty()) start[tr.name] = tr.samples.front().p;
  for (const Trajectory& tr : run.trajectories) {
    const auto it = type_of.find(tr.name);
    if (it == type_of.end() || tr.samples.size() < 2) continue;
    const auto cls = threat_class_from_string(tr.kind);
    if (!cls) continue;
    Line l{it->second, {}};
    // Released objects ("carrier/object") are measured from their carrier's launch point.
    const auto carrier = start.find(tr.name.substr(0, tr.name.find('/')));
    const Geodetic origin = carrier != start.end() ? carrier->second : tr.samples.front().p;
    for (const TrajectorySample& s : tr.samples)
      l.pts.emplace_back(geodesic_inverse(origin, s.p).distance_m / 1e3, s.p.alt_m / 1e3);
    by_class[static_cast<int>(*cls)].push_back(std::move(l));
  }
  const double W = 1040, H = 760, pw = 420, ph = 270;
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" font-family=\"sans-serif\" font-size=\"12\">\n"
      "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
      "<text x=\"{}\" y=\"24\" font-size=\"16\" text-anchor=\"middle\">Flight profiles, scenario '{}' seed {}: altitude "
      "against ground range from launch</text>\n",
      W, H, W / 2, xml_escape(run.scenario), run.seed);
  for (int c = 0; c < kThreatClassCount; ++c) {
    const double ox = 70 + (c % 2) * (pw + 90), oy = 60 + (c / 2) * (ph + 90);
    const auto& lines = by_class[c];
    svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"14\" font-weight=\"bold\">{}</text>\n", ox, oy - 8,
                       to_string(kAllThreatClasses[c]));
    if (lines.empty()) {
      svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"#888\"/>\n", ox, oy, pw, ph);
      svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#888\">none in this run</text>\n", ox + pw / 2, oy + ph / 2);
      continue;
    }
    SvgPanel panel{ox, oy, pw, ph, 1e-3, 1e-3};
    for (const Line& l : lines)
      for (const auto& [x, y] : l.pts) panel.xmax = std::max(panel.xmax, x), panel.ymax = std::max(panel.ymax, y);
    svg += panel.axes("ground range from launch (km)", "altitude (km)");
    std::vector<std::string> types;
    for (const Line& l : lines)
      if (std::find(types.begin(), types.end(), l.type) == types.end()) types.push_back(l.type);
    for (const Line& l : lines) {
      const auto k = std::find(types.begin(), types.end(), l.type) - types.begin();
      std::string pts;
      for (const auto& [x, y] : l.pts) pts += fmt::format("{:.1f},{:.1f} ", panel.X(x), panel.Y(y));
      svg += fmt::format("<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1.2\" opacity=\"0.8\"/>\n", pts,
                         kSvgPalette[k % 8]);
    }
    for (std::size_t k = 0; k < types.size(); ++k)
      svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"10\" height=\"10\" fill=\"{}\"/><text x=\"{}\" y=\"{}\">{}</text>\n",
                         ox + pw - 235, oy + 8 + 15 * k, kSvgPalette[k % 8], ox + pw - 220, oy + 17 + 15 * k, xml_escape(types[k]));
  }
  return svg + "</svg>\n";
}

}  // namespace skyshield
