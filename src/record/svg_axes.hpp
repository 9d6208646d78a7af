#pragma once
// A plot panel in an SVG document: frame, grid, "nice" ticks and axis labels, and the mapping from
// data to pixels. Shared by the flight-profile and radar-coverage plots; and the escaping of text
// that every SVG and HTML writer puts into its documents.
#include <string>

namespace skyshield {

inline constexpr const char* kSvgPalette[] = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e",
                                              "#9467bd", "#8c564b", "#e377c2", "#17becf"};

// Text for an SVG or HTML document: <, >, & and " as entities (scenario, threat, radar and layer
// names come from the user's files and may hold any of them).
std::string xml_escape(const std::string& s);

// A tick step of 1, 2 or 5 x 10^k giving about five ticks over span.
double nice_tick_step(double span);

struct SvgPanel {
  double ox = 0, oy = 0, w = 400, h = 300;   // pixel frame (top-left corner, size)
  double xmax = 1, ymax = 1;                 // data ranges from 0
  bool x_ticks = true, y_ticks = true;       // false: no grid or tick labels on that axis (rows, categories)

  double X(double x) const { return ox + x / xmax * w; }
  double Y(double y) const { return oy + h - (y < 0 ? 0 : y) / ymax * h; }
  // Rounds xmax/ymax up to a whole tick and draws the frame, the grid, the tick labels and the axis labels.
  std::string axes(const std::string& xlabel, const std::string& ylabel);
};

}  // namespace skyshield
