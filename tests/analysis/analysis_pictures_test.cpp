// mc.svg and envelope.svg (issue 34): mc.svg's panels have axis titles and mark the mean of each
// histogram; envelope.svg's title fits the picture (it was one centred line wider than the page).
#include <gtest/gtest.h>

#include <regex>

#include "analysis/envelope.hpp"
#include "analysis/mc_report.hpp"

namespace skyshield {
namespace {

int count(const std::string& s, const std::string& what) {
  int n = 0;
  for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

TEST(McSvg, AxisTitlesAndMeans) {
  MonteCarloResult r;
  r.scenario = "pictures";
  r.layers = {"SR"};
  for (int leaked : {1, 2, 2, 3}) {  // mean 2.00 leakers; fired 4, 5, 6, 7: mean 5.50
    RunRow row;
    row.leaked[0] = leaked;
    row.count[0] = 5;
    row.fired_by_layer = {4};
    row.kills_by_layer = {1};
    r.rows.push_back(row);
  }
  for (int k = 0; k < 4; ++k) r.rows[k].fired = 4 + k;
  const std::string svg = mc_svg(r);
  EXPECT_EQ(count(svg, "class=\"axis-title\""), 6);  // x and y of each of the three panels
  EXPECT_NE(svg.find(">leakers in the run<"), std::string::npos);
  EXPECT_NE(svg.find(">P(kill) per shot<"), std::string::npos);
  EXPECT_EQ(count(svg, "class=\"mean\""), 2);
  EXPECT_NE(svg.find(">mean 2.00<"), std::string::npos);  // (1 + 2 + 2 + 3) / 4
  EXPECT_NE(svg.find(">mean 5.50<"), std::string::npos);  // (4 + 5 + 6 + 7) / 4
}

TEST(EnvelopeSvg, TitleFitsThePicture) {
  Envelope e;
  e.cls = "very_long_range_interceptor";
  e.target = "short_range_ballistic_missile";
  e.opt.target_speed_mps = 2000;
  e.opt.target_dive_deg = 40;
  const std::string svg = envelope_svg(e);
  const std::regex width("width=\"([0-9.]+)\"");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(svg, m, width));
  const double W = std::stod(m[1]);
  // Every title line, left-aligned at x, must end inside the picture at a generous 0.6 em a character.
  const std::regex title("<text class=\"title\" x=\"([0-9.]+)\" y=\"[0-9.]+\" font-size=\"([0-9.]+)\"[^>]*>([^<]*)</text>");
  int lines = 0;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), title); it != std::sregex_iterator(); ++it) {
    ++lines;
    const double x = std::stod((*it)[1]), size = std::stod((*it)[2]);
    const std::string text = (*it)[3];
    EXPECT_LE(x + 0.6 * size * static_cast<double>(text.size()), W) << text;
  }
  EXPECT_EQ(lines, 2);
}

}  // namespace
}  // namespace skyshield
