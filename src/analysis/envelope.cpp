#include "analysis/envelope.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "core/units.hpp"
#include "record/svg_axes.hpp"
#include "weapons/flyout/flyout_table.hpp"

namespace skyshield {

Envelope compute_envelope(const InterceptorClass& c, const EnvelopeOptions& opt) {
  Envelope e;
  e.cls = c.name;
  e.opt = opt;
  e.spec_range_m = c.max_range_m;
  e.min_altitude_m = c.min_altitude_m;
  e.max_altitude_m = c.max_altitude_m;
  const double rmax = opt.max_range_m > 0 ? opt.max_range_m : 1.25 * c.max_range_m;
  const double hmax = opt.max_altitude_m > 0 ? opt.max_altitude_m : c.max_altitude_m;
  // Target velocity in the point's east-north-up axes; the launcher lies due south of every point.
  const double hdg = opt.target_heading_deg * kDegToRad;
  const double dive = opt.target_dive_deg * kDegToRad;
  const Vec3 vel_enu = opt.target_speed_mps *
                       Vec3(std::cos(dive) * std::sin(hdg), std::cos(dive) * std::cos(hdg), -std::sin(dive));
  for (int i = 0; i < opt.altitude_cells; ++i) {
    const double h = hmax * (i + 0.5) / opt.altitude_cells;
    for (int j = 0; j < opt.range_cells; ++j) {
      EnvelopePoint p;
      p.range_m = rmax * (j + 0.5) / opt.range_cells;
      p.altitude_m = h;
      // Time the missile takes to the point (stationary), then the moving target timed to be there.
      const FlyoutRun still = simulate_flyout(c, p.range_m, h, opt.step_s);
      // A point the missile cannot reach standing still is not an intercept point against a moving one.
      const FlyoutRun run = opt.target_speed_mps > 0 && still.reached
                                ? simulate_flyout(c, p.range_m, h, opt.step_s, vel_enu, still.time_s) : still;
      p.reached = still.reached && run.reached && h >= c.min_altitude_m && p.range_m >= c.min_range_m;
      p.time_s = run.time_s;
      p.speed_mps = run.speed_mps;
      p.miss_m = run.miss_m;
      e.points.push_back(p);
    }
  }
  if (c.flyout)
    if (const auto* table = dynamic_cast<const FlyoutTable*>(c.flyout.get()))
      for (const FlyoutTable::Row& r : table->rows()) e.reach.emplace_back(r.height_m, r.reach_m);
  return e;
}

std::string envelope_csv(const Envelope& e) {
  std::string s = "ground_range_km,altitude_km,reached,time_of_flight_s,arrival_speed_mps,miss_m\n";
  for (const EnvelopePoint& p : e.points)
    s += fmt::format("{:.3f},{:.3f},{},{:.2f},{:.1f},{:.2f}\n", p.range_m / 1e3, p.altitude_m / 1e3, p.reached ? 1 : 0,
                     p.time_s, p.speed_mps, p.miss_m);
  return s;
}

namespace {

// The outline of a table row in (ground range, altitude): the altitude band cut by the slant-range
// annulus min_range <= hypot(ground, altitude) <= max_range.
std::string table_outline(const TargetEnvelope& t, const SvgPanel& p) {
  auto ground = [](double slant, double h) { return std::sqrt(std::max(0.0, slant * slant - h * h)); };
  std::string pts;
  auto add = [&](double g, double h) { pts += fmt::format("{:.1f},{:.1f} ", p.X(g / 1e3), p.Y(h / 1e3)); };
  constexpr int n = 32;
  const double a0 = t.min_altitude_m, a1 = std::min(t.max_altitude_m, t.max_range_m);
  for (int i = 0; i <= n; ++i) {  // outer arc, bottom to top
    const double h = a0 + (a1 - a0) * i / n;
    add(ground(t.max_range_m, h), h);
  }
  for (int i = n; i >= 0; --i) {  // inner arc (or the axis), top to bottom
    const double h = a0 + (a1 - a0) * i / n;
    add(ground(t.min_range_m, h), h);
  }
  add(ground(t.max_range_m, a0), a0);
  return fmt::format("<polyline points=\"{}\" fill=\"none\" stroke=\"#31a354\" stroke-width=\"2\"/>\n", pts);
}

}  // namespace

std::string envelope_svg(const Envelope& e) {
  const double W = 900, H = 520;
  SvgPanel p{70, 60, 640, 400, 1.0, 1.0};
  for (const EnvelopePoint& pt : e.points) {
    p.xmax = std::max(p.xmax, pt.range_m / 1e3);
    p.ymax = std::max(p.ymax, pt.altitude_m / 1e3);
  }
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" font-family=\"sans-serif\" "
      "font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
      "<text class=\"title\" x=\"{2}\" y=\"22\" font-size=\"16\">Engagement envelope of '{3}'</text>\n"
      "<text class=\"title\" x=\"{2}\" y=\"42\" font-size=\"12\" fill=\"#444\">against {4} at {5:g} m/s, heading {6:g} deg "
      "(180 = inbound){7}</text>\n",
      W, H, 70, xml_escape(e.cls), e.target.empty() ? std::string("a target") : "a " + xml_escape(e.target),
      e.opt.target_speed_mps, e.opt.target_heading_deg,
      e.opt.target_dive_deg != 0.0 ? fmt::format(", diving {:g} deg", e.opt.target_dive_deg) : std::string());
  svg += p.axes("ground range at intercept (km)", "altitude at intercept (km)");
  const double rmax = e.points.empty() ? 1.0 : e.points.back().range_m / 1e3 * e.opt.range_cells / (e.opt.range_cells - 0.5);
  const double hmax = e.points.empty() ? 1.0 : e.points.back().altitude_m / 1e3 * e.opt.altitude_cells / (e.opt.altitude_cells - 0.5);
  const double cw = rmax / e.opt.range_cells, ch = hmax / e.opt.altitude_cells;
  for (const EnvelopePoint& pt : e.points) {
    // Reached: blue (darker inside the table row); inside the table row but not reached: red.
    if (!pt.reached && !pt.in_table) continue;
    const char* fill = !pt.reached ? "#d62728" : pt.in_table ? "#3182bd" : "#9ecae1";
    const double x0 = pt.range_m / 1e3 - cw / 2, y1 = pt.altitude_m / 1e3 + ch / 2;
    svg += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\"/>\n", p.X(x0), p.Y(y1),
                       p.X(x0 + cw) - p.X(x0), p.Y(y1 - ch) - p.Y(y1), fill);
  }
  if (e.table) svg += table_outline(*e.table, p);
  std::string reach;
  for (const auto& [h, r] : e.reach) reach += fmt::format("{:.1f},{:.1f} ", p.X(r / 1e3), p.Y(h / 1e3));
  svg += fmt::format("<polyline points=\"{}\" fill=\"none\" stroke=\"#d62728\" stroke-width=\"2\"/>\n", reach);
  svg += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#333\" stroke-dasharray=\"6,4\"/>\n",
                     p.X(e.spec_range_m / 1e3), p.Y(0), p.Y(p.ymax));
  const double kx = p.ox + p.w + 15;
  svg += fmt::format("<rect x=\"{0}\" y=\"70\" width=\"12\" height=\"12\" fill=\"#9ecae1\"/><text x=\"{1}\" y=\"80\">intercept reached</text>\n"
                     "<line x1=\"{0}\" y1=\"100\" x2=\"{2}\" y2=\"100\" stroke=\"#d62728\" stroke-width=\"2\"/><text x=\"{1}\" y=\"104\">reach, stationary point</text>\n"
                     "<line x1=\"{0}\" y1=\"124\" x2=\"{2}\" y2=\"124\" stroke=\"#333\" stroke-dasharray=\"6,4\"/><text x=\"{1}\" y=\"128\">published range</text>\n",
                     kx, kx + 18, kx + 14);
  if (e.table)
    svg += fmt::format("<line x1=\"{0}\" y1=\"148\" x2=\"{2}\" y2=\"148\" stroke=\"#31a354\" stroke-width=\"2\"/><text x=\"{1}\" y=\"152\">table: {3}</text>\n"
                       "<rect x=\"{0}\" y=\"164\" width=\"12\" height=\"12\" fill=\"#3182bd\"/><text x=\"{1}\" y=\"174\">in the table, reached</text>\n"
                       "<rect x=\"{0}\" y=\"188\" width=\"12\" height=\"12\" fill=\"#d62728\"/><text x=\"{1}\" y=\"198\">in the table, NOT reached</text>\n",
                       kx, kx + 18, kx + 14, xml_escape(e.target));
  return svg + "</svg>\n";
}

}  // namespace skyshield
