// The SEAD metrics of a Monte Carlo batch (docs/sead.md): mc.json `sead`, the runs.csv columns and
// the table lines, present only when some run had ARMs, air decoys or a silent radar. Reference:
// two runs with 2 and 4 radars lost: mean 3, sd sqrt(2), 95 % half-width t(0.975, 1) sqrt(2) / sqrt(2)
// = 12.706 (NIST/SEMATECH e-Handbook, section 1.3.6.7.2).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "analysis/mc_report.hpp"

namespace skyshield {
namespace {

MonteCarloResult two_runs(bool sead) {
  MonteCarloResult r;
  r.scenario = "sead";
  for (int k = 0; k < 2; ++k) {
    RunRow row;
    row.run = k;
    row.count[static_cast<int>(ThreatClass::Aircraft)] = 4;
    row.sead = sead;
    row.arms = 8;
    row.arms_killed = k;
    row.radars_lost = k == 0 ? 2 : 4;
    row.radar_silent_s = k == 0 ? 100.0 : 300.0;
    row.decoy_emitters_hit = 4;
    row.rounds_at_air_decoys = k == 0 ? 10 : 20;
    r.rows.push_back(row);
  }
  return r;
}

TEST(SeadReport, McJsonRunsCsvAndTable) {
  const MonteCarloResult r = two_runs(true);
  const nlohmann::json j = nlohmann::json::parse(mc_json(r));
  ASSERT_TRUE(j.contains("sead"));
  EXPECT_DOUBLE_EQ(j["sead"]["radars_lost_per_run"]["mean"].get<double>(), 3.0);
  EXPECT_NEAR(j["sead"]["radars_lost_per_run"]["ci95"][0].get<double>(), 3.0 - 12.706, 5e-4);
  EXPECT_DOUBLE_EQ(j["sead"]["radar_silent_s_per_run"]["mean"].get<double>(), 200.0);
  EXPECT_DOUBLE_EQ(j["sead"]["rounds_at_air_decoys_per_run"]["mean"].get<double>(), 15.0);
  EXPECT_DOUBLE_EQ(j["sead"]["arms_killed_per_run"]["mean"].get<double>(), 0.5);
  const std::string csv = runs_csv(r);
  const std::string header = csv.substr(0, csv.find('\n'));
  EXPECT_NE(header.find(",arms,arms_killed,radars_lost,radar_silent_s,decoy_emitters_hit,rounds_at_air_decoys"), std::string::npos);
  EXPECT_NE(csv.find(",8,1,4,300.00,4,20\n"), std::string::npos) << csv;
  EXPECT_NE(mc_table(r).find("radars lost/run        3.00 +- 1.41"), std::string::npos) << mc_table(r);
}

TEST(SeadReport, AbsentWithoutTheSeadSide) {
  const MonteCarloResult r = two_runs(false);
  EXPECT_FALSE(nlohmann::json::parse(mc_json(r)).contains("sead"));
  EXPECT_EQ(runs_csv(r).find("radars_lost"), std::string::npos);
  EXPECT_EQ(mc_table(r).find("radars lost"), std::string::npos);
}

}  // namespace
}  // namespace skyshield
