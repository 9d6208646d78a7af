// Names from the user's files reach the replay's entity descriptions (HTML shown in Cesium's info
// box) escaped: a threat named as markup shows as text (issue 27: every name the viewer shows).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "record/czml.hpp"

namespace skyshield {
namespace {

TEST(CzmlNames, DescriptionsEscapeMarkupInNames) {
  RunRecord run;
  run.end_time_s = 10.0;
  ThreatRecord t;
  t.id = 0;
  t.name = "<img src=x onerror=alert(1)>";
  t.type = "a&b\"<script>";
  run.threats.push_back(t);
  Trajectory tr;
  tr.name = t.name;
  tr.kind = "aircraft";
  tr.samples.push_back({0.0, {0.0, 0.0, 1000.0}});
  tr.samples.push_back({1.0, {0.0, 0.01, 1000.0}});
  run.trajectories.push_back(tr);
  const nlohmann::json doc = nlohmann::json::parse(replay_czml(run));
  int described = 0;
  for (const nlohmann::json& packet : doc) {
    if (!packet.contains("description")) continue;
    const std::string html = packet["description"].get<std::string>();
    EXPECT_EQ(html.find("<img"), std::string::npos) << html;
    EXPECT_EQ(html.find("<script"), std::string::npos) << html;
    if (html.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos ||
        html.find("a&amp;b&quot;&lt;script&gt;") != std::string::npos)
      ++described;
  }
  EXPECT_GT(described, 0);  // the threat's description was there to check
}

}  // namespace
}  // namespace skyshield
