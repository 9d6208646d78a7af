// truth.csv, the reference an outside scorer reads: one complete set of objects per instant (the
// recorder's sampling instants), never a partial instant holding only a threat that ended between
// two of them (which `skyshield track --truth` scored as a whole instant, every other track false).
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>
#include <sstream>

#include "record/writers.hpp"
#include "scenario/loader.hpp"
#include "sim/engine.hpp"

using namespace skyshield;

TEST(TruthFile, OneCompleteSetPerInstant) {
  const Scenario s = load_scenario(SKYSHIELD_SOURCE_DIR "/scenarios/default.yaml");
  const RunRecord run = run_scenario(s);
  std::istringstream in(truth_csv(run));
  std::string line;
  std::getline(in, line);
  ASSERT_EQ(line, "t_s,object,lat_deg,lon_deg,alt_m");
  std::map<double, std::set<std::string>> at;   // instant -> objects
  std::map<std::string, std::pair<double, double>> span;   // object -> first, last instant
  while (std::getline(in, line)) {
    std::istringstream row(line);
    std::string t, object;
    std::getline(row, t, ',');
    std::getline(row, object, ',');
    const double ts = std::stod(t);
    at[ts].insert(object);
    auto [it, fresh] = span.emplace(object, std::make_pair(ts, ts));
    if (!fresh) it->second.second = ts;
  }
  ASSERT_GT(at.size(), 100u);
  // Every instant is a sampling instant: consecutive ones a sampling period apart (1 s in the
  // default scenario, taken at the first step at or after it, so never less than a period less one
  // step; an extra instant at a kill or a launch between two would be closer).
  double last = -1e9;
  for (const auto& [t, objects] : at) {
    EXPECT_GE(t - last, s.sim.trajectory_sample_s - s.sim.step_s - 1e-6) << t;
    last = t;
  }
  // Complete: an object listed before and after an instant is listed at it.
  int gaps = 0;
  for (const auto& [t, objects] : at)
    for (const auto& [object, first_last] : span)
      if (first_last.first < t && t < first_last.second && !objects.count(object)) ++gaps;
  EXPECT_EQ(gaps, 0);
}
