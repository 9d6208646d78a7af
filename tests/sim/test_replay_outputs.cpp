// The replay file (CZML) and the report of a run: the CZML parses as JSON, the document packet comes
// first with the run's clock, ids are unique, every moving entity's samples are time-ordered and
// within its availability, and its positions are the simulation's within 1 m (compared in ECEF with
// the run's own trajectory samples); the report names every threat and marks every interceptor.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/geo.hpp"
#include "record/czml.hpp"
#include "record/report_html.hpp"
#include "record/summary.hpp"
#include "scenario/loader.hpp"
#include "sim/engine.hpp"

using namespace skyshield;

namespace {

const RunRecord& minimal_run() {
  static const RunRecord run = run_scenario(load_scenario(SKYSHIELD_SOURCE_DIR "/tests/scenario/data/minimal.yaml"));
  return run;
}

// Seconds after the replay epoch of an ISO time written by replay_time (2026-01-DDThh:mm:ss.sssZ).
double seconds_of(const std::string& iso) {
  const int day = std::stoi(iso.substr(8, 2)), h = std::stoi(iso.substr(11, 2)), m = std::stoi(iso.substr(14, 2));
  const double s = std::stod(iso.substr(17, 6));
  return (day - 1) * 86400.0 + h * 3600.0 + m * 60.0 + s;
}

}  // namespace

TEST(Replay, TimesAreIsoFromTheEpoch) {
  EXPECT_EQ(replay_time(0.0), "2026-01-01T00:00:00.000Z");
  EXPECT_EQ(replay_time(3661.5), "2026-01-01T01:01:01.500Z");
  EXPECT_EQ(replay_time(86400.0), "2026-01-02T00:00:00.000Z");
  EXPECT_DOUBLE_EQ(seconds_of(replay_time(12345.678)), 12345.678);
}

TEST(Replay, CzmlIsValidOrderedAndTrueToTheRun) {
  const RunRecord& run = minimal_run();
  const nlohmann::json doc = nlohmann::json::parse(replay_czml(run));
  ASSERT_TRUE(doc.is_array());
  ASSERT_GT(doc.size(), 1u);
  // The document packet first, with the run's clock.
  EXPECT_EQ(doc[0]["id"], "document");
  EXPECT_EQ(doc[0]["version"], "1.0");
  const std::string clock = doc[0]["clock"]["interval"];
  EXPECT_NEAR(seconds_of(clock.substr(clock.find('/') + 1)), run.end_time_s, 1e-3);
  std::set<std::string> ids;
  std::map<std::string, const Trajectory*> trajectories;
  for (const Trajectory& t : run.trajectories) trajectories[t.name] = &t;
  int moving = 0, sites = 0;
  double worst_m = 0.0;
  for (std::size_t i = 1; i < doc.size(); ++i) {
    const nlohmann::json& p = doc[i];
    ASSERT_NE(p["id"], "document");
    EXPECT_TRUE(ids.insert(p["id"].get<std::string>()).second) << "duplicate id " << p["id"];
    const std::string category = p["properties"]["category"];
    if (category == "site") ++sites;
    if (category != "threat" && category != "interceptor") continue;
    ++moving;
    const nlohmann::json& s = p["position"]["cartographicDegrees"];
    ASSERT_EQ(s.size() % 4, 0u);
    const Trajectory& tr = *trajectories.at(p["name"].get<std::string>());
    ASSERT_EQ(s.size() / 4, tr.samples.size()) << p["id"];
    const std::string avail = p["availability"];
    const double a0 = seconds_of(avail.substr(0, avail.find('/'))), a1 = seconds_of(avail.substr(avail.find('/') + 1));
    double prev = -1.0;
    for (std::size_t k = 0; k < s.size(); k += 4) {
      const double t = s[k];
      EXPECT_GE(t, prev) << p["id"] << " samples out of time order";
      prev = t;
      EXPECT_GE(t, a0 - 1e-3);
      EXPECT_LE(t, a1 + 1e-3);
      const TrajectorySample& truth = tr.samples[k / 4];
      EXPECT_NEAR(t, truth.t, 1e-3);
      const Vec3 ours = ecef_from_geodetic({s[k + 2].get<double>(), s[k + 1].get<double>(), s[k + 3].get<double>()});
      worst_m = std::max(worst_m, (ours - ecef_from_geodetic(truth.p)).norm());
    }
  }
  EXPECT_LT(worst_m, 1.0) << "positions within 1 m of the simulation's";
  const int expected_sites = static_cast<int>(run.sites.size());
  int expected_moving = 0;
  for (const Trajectory& t : run.trajectories) expected_moving += !t.samples.empty();
  EXPECT_EQ(sites, expected_sites);
  EXPECT_EQ(moving, expected_moving);
  std::cout << moving << " moving entities, worst position difference " << worst_m * 100 << " cm\n";
}

TEST(Replay, ReportNamesEveryThreatAndMarksEveryInterceptor) {
  const RunRecord& run = minimal_run();
  const std::string html = report_html(run, summarize(run));
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("</html>"), std::string::npos);
  for (const ThreatRecord& t : run.threats) {
    if (t.decoy || t.outcome == "not_launched") continue;
    EXPECT_NE(html.find("<title>" + t.name + ": "), std::string::npos) << t.name;
  }
  for (const InterceptorRecord& r : run.interceptors)
    EXPECT_NE(html.find("<title>" + r.name + " ("), std::string::npos) << r.name;
  for (const std::string& l : run.layers) EXPECT_NE(html.find("<th>by " + l + "</th>"), std::string::npos);
}
