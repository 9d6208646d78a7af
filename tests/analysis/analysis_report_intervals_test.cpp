// The Monte Carlo and sweep reports print Student-t intervals of the means (not z = 1.96) and warn
// under 10 runs. Reference: t(0.975, 1) = 12.706 (NIST/SEMATECH e-Handbook of Statistical Methods,
// section 1.3.6.7.2, alpha = 0.025 column).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "analysis/mc_report.hpp"
#include "analysis/sweep.hpp"

namespace skyshield {
namespace {

// Two runs with 1 and 3 leaked drones: mean 2, sd sqrt(2), half-width t(0.975, 1) sqrt(2) / sqrt(2).
MonteCarloResult two_runs() {
  MonteCarloResult r;
  r.scenario = "two";
  for (int k = 0; k < 2; ++k) {
    RunRow row;
    row.run = k;
    row.count[static_cast<int>(ThreatClass::Drone)] = 4;
    row.leaked[static_cast<int>(ThreatClass::Drone)] = k == 0 ? 1 : 3;
    row.killed[static_cast<int>(ThreatClass::Drone)] = k == 0 ? 3 : 1;
    r.rows.push_back(row);
  }
  return r;
}

TEST(ReportIntervals, McJsonAndTableUseStudentT) {
  const MonteCarloResult r = two_runs();
  const nlohmann::json j = nlohmann::json::parse(mc_json(r));
  EXPECT_NEAR(j["leakers_per_run"]["ci95"][0].get<double>(), 2.0 - 12.706, 5e-4);
  EXPECT_NEAR(j["leakers_per_run"]["ci95"][1].get<double>(), 2.0 + 12.706, 5e-4);
  EXPECT_NE(j["warning"].get<std::string>().find("only 2 runs"), std::string::npos);
  const std::string table = mc_table(r);
  EXPECT_NE(table.find("95% Student-t CI of the mean [-10.71, 14.71]"), std::string::npos) << table;
  EXPECT_NE(table.find("warning: only 2 runs"), std::string::npos);
}

TEST(ReportIntervals, SweepTableAndCsvUseStudentT) {
  const std::vector<SweepParam> params{{"threats[drone].count", {"4"}}};
  const std::vector<SweepPoint> points{{{"4"}, two_runs()}};
  const std::string table = sweep_table(params, points);
  EXPECT_NE(table.find("2.00 [-10.71, 14.71]"), std::string::npos) << table;
  EXPECT_NE(table.find("warning: only 2 runs"), std::string::npos);
  EXPECT_NE(sweep_csv(params, points).find(",2,2.0000,-10.7062,14.7062,"), std::string::npos) << sweep_csv(params, points);
}

TEST(ReportIntervals, OneRunGivesNoIntervalRatherThanAZeroWidthOne) {
  MonteCarloResult r = two_runs();
  r.rows.pop_back();
  const nlohmann::json j = nlohmann::json::parse(mc_json(r));
  EXPECT_TRUE(j["leakers_per_run"]["ci95"].is_null());
  EXPECT_NE(mc_table(r).find("no interval from one run"), std::string::npos);
}

}  // namespace
}  // namespace skyshield
