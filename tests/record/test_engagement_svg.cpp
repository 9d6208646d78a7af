// engagement.svg's structure (issue 34): ticks on the plan view and the altitude panel, markers for
// kills, misses and leaks (one per outcome in the run), interceptors in their layer's colour (the
// viewer's, record/palette.hpp), and every trajectory clipped to its panel.
#include <gtest/gtest.h>

#include <string>

#include "record/palette.hpp"
#include "record/writers.hpp"

using namespace skyshield;

namespace {

int count(const std::string& s, const std::string& what) {
  int n = 0;
  for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

Trajectory line(const std::string& name, const std::string& kind, double lat0, double lat1, double alt) {
  Trajectory t{name, kind, {}};
  for (int i = 0; i <= 10; ++i) t.samples.push_back({i * 10.0, Geodetic{lat0 + (lat1 - lat0) * i / 10.0, 135.0, alt}});
  return t;
}

RunRecord run() {
  RunRecord r;
  r.scenario = "svg";
  r.reference = {-25.0, 135.0, 0.0};
  r.sites.push_back({"base", "asset", {-25.0, 135.0, 0.0}, 5e3});
  r.sites.push_back({"TEL-1", "launcher", {-25.0, 135.01, 0.0}, 40e3});
  ThreatRecord killed, leaked;
  killed.name = "cruise-1";
  killed.cls = ThreatClass::CruiseMissile;
  killed.outcome = "killed";
  leaked.name = "drone-1";
  leaked.cls = ThreatClass::Drone;
  leaked.outcome = "leaked";
  r.threats = {killed, leaked};
  InterceptorRecord hit, missed;
  hit.name = "I1";
  hit.layer = "SR";
  hit.outcome = "killed";
  missed.name = "I2";
  missed.layer = "MR";
  missed.outcome = "missed";
  r.interceptors = {hit, missed};
  r.trajectories = {line("cruise-1", "cruise_missile", -24.5, -24.8, 50), line("drone-1", "drone", -24.6, -25.0, 300),
                    line("I1", "interceptor:SR", -25.0, -24.8, 50), line("I2", "interceptor:MR", -25.0, -24.7, 3000)};
  return r;
}

}  // namespace

TEST(EngagementSvg, TicksOnBothPanels) {
  const std::string svg = engagement_svg(run());
  // About 5 ticks an axis (1-2-5 steps): the plan spans ~60 km, the time axis 100 s, altitude 3 km.
  EXPECT_GE(count(svg, "class=\"tick plan-x\""), 3);
  EXPECT_GE(count(svg, "class=\"tick plan-y\""), 3);
  EXPECT_GE(count(svg, "class=\"tick alt-x\""), 3);
  EXPECT_GE(count(svg, "class=\"tick alt-y\""), 3);
  EXPECT_NE(svg.find(">km east<"), std::string::npos);
  EXPECT_NE(svg.find(">time (s)<"), std::string::npos);
  EXPECT_NE(svg.find(">altitude (km)<"), std::string::npos);
  EXPECT_NE(svg.find(">100<"), std::string::npos);  // the time axis ends on its tick at 100 s
}

TEST(EngagementSvg, KillsMissesAndLeaksMarked) {
  const std::string svg = engagement_svg(run());
  EXPECT_EQ(count(svg, "<use class=\"kill\""), 1);
  EXPECT_EQ(count(svg, "<use class=\"miss\""), 1);
  EXPECT_EQ(count(svg, "<use class=\"leak\""), 1);
}

TEST(EngagementSvg, InterceptorsInTheirLayerColourAndClipped) {
  const std::string svg = engagement_svg(run());
  EXPECT_NE(svg.find("class=\"interceptor\" points"), std::string::npos);
  EXPECT_NE(svg.find("stroke=\"" + hex(layer_colour("SR")) + "\""), std::string::npos);
  EXPECT_NE(svg.find("stroke=\"" + hex(layer_colour("MR")) + "\""), std::string::npos);
  EXPECT_EQ(hex(layer_colour("SR")), "#00ff7f");  // the viewer's key (viewer/src/viewer.css .k-sr)
  EXPECT_EQ(count(svg, "<polyline"), count(svg, "<polyline class=") * 2);  // plan + altitude per trajectory
  // Every trajectory line is clipped to its panel (routes used to run off the frame).
  int lines = 0, clipped = 0;
  for (std::size_t a = 0, b; a < svg.size(); a = b + 1) {
    b = svg.find('\n', a);
    if (b == std::string::npos) b = svg.size();
    const std::string l = svg.substr(a, b - a);
    if (l.rfind("<polyline", 0) != 0) continue;
    ++lines;
    clipped += l.find("clip-path=\"url(#plan)\"") != std::string::npos || l.find("clip-path=\"url(#alt)\"") != std::string::npos;
  }
  EXPECT_EQ(lines, 8);
  EXPECT_EQ(clipped, lines);
}
