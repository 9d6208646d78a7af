#include "record/svg_axes.hpp"

#include <fmt/format.h>

#include <cmath>

namespace skyshield {

std::string xml_escape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '&') out += "&amp;";
    else if (c == '"') out += "&quot;";
    else out += c;
  }
  return out;
}

double nice_tick_step(double span) {
  const double raw = span / 5.0, p = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (raw <= m * p) return m * p;
  return 10 * p;
}

std::string SvgPanel::axes(const std::string& xlabel, const std::string& ylabel) {
  const double xs = nice_tick_step(xmax), ys = nice_tick_step(ymax);
  xmax = std::ceil(xmax / xs) * xs;
  ymax = std::ceil(ymax / ys) * ys;
  std::string svg = fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"#888\"/>\n", ox, oy, w, h);
  for (double x = 0; x_ticks && x <= xmax + 1e-9; x += xs)
    svg += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" stroke=\"#eee\"/><text x=\"{0:.1f}\" y=\"{3}\" "
                       "text-anchor=\"middle\">{4:g}</text>\n", X(x), oy, oy + h, oy + h + 15, x);
  for (double y = 0; y_ticks && y <= ymax + 1e-9; y += ys)
    svg += fmt::format("<line x1=\"{0}\" y1=\"{1:.1f}\" x2=\"{2}\" y2=\"{1:.1f}\" stroke=\"#eee\"/><text x=\"{3}\" y=\"{4:.1f}\" "
                       "text-anchor=\"end\">{5:g}</text>\n", ox, Y(y), ox + w, ox - 5, Y(y) + 4, y);
  svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", ox + w / 2, oy + h + 32, xlabel);
  svg += fmt::format("<text x=\"{0}\" y=\"{1}\" transform=\"rotate(-90 {0} {1})\" text-anchor=\"middle\">{2}</text>\n", ox - 45,
                     oy + h / 2, ylabel);
  return svg;
}

}  // namespace skyshield
