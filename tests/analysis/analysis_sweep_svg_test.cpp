// sweep.svg's structure (issue 34): a numeric x axis when the first parameter's values are numbers
// (2, 4, 8 at their distances, not evenly spaced categories), categories otherwise, and one series per
// value of the second parameter (a two-parameter sweep was flattened into one line).
#include <gtest/gtest.h>

#include <regex>

#include "analysis/sweep.hpp"

namespace skyshield {
namespace {

SweepPoint point(std::vector<std::string> values, std::vector<int> leakers) {
  SweepPoint p;
  p.values = std::move(values);
  for (int l : leakers) {
    RunRow row;
    row.leaked[0] = l;
    row.count[0] = 10;
    p.result.rows.push_back(row);
  }
  return p;
}

int count(const std::string& s, const std::string& what) {
  int n = 0;
  for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

// Centres of the circles of each series, in drawing order.
std::vector<std::vector<double>> series_x(const std::string& svg) {
  std::vector<std::vector<double>> out;
  const std::regex circle("<circle cx=\"([0-9.]+)\"");
  for (std::size_t at = svg.find("<g class=\"series\">"); at != std::string::npos; at = svg.find("<g class=\"series\">", at + 1)) {
    const std::string g = svg.substr(at, svg.find("</g>", at) - at);
    out.emplace_back();
    for (auto it = std::sregex_iterator(g.begin(), g.end(), circle); it != std::sregex_iterator(); ++it)
      out.back().push_back(std::stod((*it)[1]));
  }
  return out;
}

TEST(SweepSvg, NumericAxisPutsValuesAtTheirDistances) {
  const std::vector<SweepParam> params{{"threats[drone].count", {"2", "4", "8"}}};
  const std::vector<SweepPoint> points{point({"2"}, {1, 2}), point({"4"}, {2, 3}), point({"8"}, {4, 5})};
  const std::string svg = sweep_svg(params, points);
  EXPECT_GE(count(svg, "class=\"xtick\""), 3);
  EXPECT_EQ(count(svg, "class=\"xcat\""), 0);
  const auto xs = series_x(svg);
  ASSERT_EQ(xs.size(), 1u);
  ASSERT_EQ(xs[0].size(), 3u);
  // 8 - 4 is twice 4 - 2 (within the 0.1 px the picture rounds to).
  EXPECT_NEAR(xs[0][2] - xs[0][1], 2 * (xs[0][1] - xs[0][0]), 0.2);
}

TEST(SweepSvg, OneSeriesPerSecondParameterValue) {
  const std::vector<SweepParam> params{{"threats[drone].count", {"2", "4"}}, {"doctrine.salvo", {"1", "2", "3"}}};
  std::vector<SweepPoint> points;
  for (const char* a : {"2", "4"})
    for (const char* b : {"1", "2", "3"}) points.push_back(point({a, b}, {1, 3}));
  const std::string svg = sweep_svg(params, points);
  const auto xs = series_x(svg);
  ASSERT_EQ(xs.size(), 3u);
  for (const auto& s : xs) EXPECT_EQ(s.size(), 2u);
  EXPECT_NE(svg.find(">doctrine.salvo=3<"), std::string::npos);  // legend entry per series
}

TEST(SweepSvg, WordsMakeCategories) {
  const std::vector<SweepParam> params{{"doctrine.wta", {"greedy", "exact"}}};
  const std::string svg = sweep_svg(params, {point({"greedy"}, {1, 2}), point({"exact"}, {2, 2})});
  EXPECT_EQ(count(svg, "class=\"xcat\""), 2);
  EXPECT_EQ(count(svg, "class=\"xtick\""), 0);
}

}  // namespace
}  // namespace skyshield
