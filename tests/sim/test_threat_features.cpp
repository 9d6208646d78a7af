// The threat library's features through the whole engine (scenarios/threat_classes.yaml): carried
// weapons and objects are released, decoys are reported apart, swarms spread by the seed.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "record/summary.hpp"
#include "scenario/loader.hpp"
#include "sim/engine.hpp"

using namespace skyshield;

namespace {
const Scenario& scenario() {
  static const Scenario s = load_scenario(SKYSHIELD_SOURCE_DIR "/scenarios/threat_classes.yaml");
  return s;
}
const RunRecord& run() {
  static const RunRecord r = run_scenario(scenario());
  return r;
}
const ThreatRecord& threat(const RunRecord& r, const std::string& name) {
  for (const ThreatRecord& t : r.threats)
    if (t.name == name) return t;
  throw std::runtime_error("no threat " + name);
}
const Trajectory& trajectory(const RunRecord& r, const std::string& name) {
  for (const Trajectory& t : r.trajectories)
    if (t.name == name) return t;
  throw std::runtime_error("no trajectory " + name);
}
}  // namespace

TEST(ThreatFeatures, LoaderCreatesCarriedThreats) {
  const Scenario& s = scenario();
  std::map<std::string, int> index;
  for (std::size_t i = 0; i < s.threats.size(); ++i) index[s.threats[i].name] = static_cast<int>(i);
  // Each striker carries two cruise missiles; the MRBM its spent stage; the IRBM its stage and 3 decoys.
  EXPECT_EQ(s.threats[index.at("striker-1/subsonic_cruise_missile-2")].parent, index.at("striker-1"));
  EXPECT_EQ(s.threats[index.at("mrbm/booster")].parent, index.at("mrbm"));
  EXPECT_EQ(s.threats[index.at("irbm/decoy-3")].parent, index.at("irbm"));
  EXPECT_FALSE(index.count("srbm-lofted/booster"));  // the SRBM does not separate
  EXPECT_TRUE(s.threat_types[s.threats[index.at("irbm/decoy-1")].type_index].decoy);
}

TEST(ThreatFeatures, CarriedThreatsFlyFromTheirCarrier) {
  const RunRecord& r = run();
  for (const char* carrier : {"striker-1", "striker-2", "mrbm", "irbm"}) {
    const ThreatRecord& c = threat(r, carrier);
    for (const ThreatRecord& t : r.threats) {
      if (t.name.rfind(std::string(carrier) + "/", 0) != 0) continue;
      SCOPED_TRACE(t.name);
      if (t.outcome == "not_launched") {
        // Only when the carrier was killed before it released anything.
        EXPECT_EQ(c.outcome, "killed");
        continue;
      }
      // Released where the carrier was at that moment (its trajectory passes there).
      const Trajectory& tc = trajectory(r, carrier);
      const TrajectorySample& first = trajectory(r, t.name).samples.front();
      double nearest = 1e18;
      for (const TrajectorySample& s : tc.samples) nearest = std::min(nearest, (ecef_from_geodetic(s.p) - ecef_from_geodetic(first.p)).norm());
      EXPECT_LT(nearest, 3000.0);  // one 1 s trajectory sample of the carrier (~850 m) plus the release spread
      EXPECT_GT(t.launch_time_s, c.launch_time_s);
    }
  }
  // The strikers reach their release point in this run: their missiles fly (none is killed first).
  EXPECT_EQ(threat(r, "striker-1/subsonic_cruise_missile-1").outcome != "not_launched",
            threat(r, "striker-1").outcome != "killed");
}

TEST(ThreatFeatures, DecoysAreCountedApart) {
  const Summary s = summarize(run());
  EXPECT_EQ(s.decoys.count, 6 + 1 + 1 + 3);  // decoy drones, MRBM stage, IRBM stage + 3 decoys
  int real = 0, launched_real = 0;
  for (const ThreatRecord& t : run().threats) {
    if (t.decoy) continue;
    ++real;
    if (t.outcome != "not_launched") ++launched_real;
  }
  EXPECT_EQ(s.total.count, launched_real);
  EXPECT_LE(s.total.count, real);
}

TEST(ThreatFeatures, SwarmMembersAreDistinctAndReproducibleFromTheSeed) {
  auto starts = [](std::uint64_t seed) {
    RunOptions o;
    o.seed = seed;
    Scenario s = scenario();
    s.sim.duration_s = 65.0;  // every member has launched (time_spread_s 60)
    const RunRecord r = run_scenario(s, o);
    std::vector<std::pair<double, Vec3>> out;
    for (const ThreatRecord& t : r.threats)
      if (t.name.rfind("swarm-", 0) == 0) out.emplace_back(t.launch_time_s, Vec3::Zero());
    for (const Trajectory& tr : r.trajectories)
      if (tr.name.rfind("swarm-", 0) == 0 && !tr.samples.empty())
        out[std::stoi(tr.name.substr(6)) - 1].second = ecef_from_geodetic(tr.samples.front().p);
    return out;
  };
  const auto a = starts(11), b = starts(11), c = starts(12);
  ASSERT_EQ(a.size(), 12u);
  for (const auto& m : a) ASSERT_NE(m.second, Vec3::Zero());
  std::set<long long> times;
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].first, b[i].first);
    EXPECT_EQ(a[i].second, b[i].second);
    times.insert(std::llround(a[i].first * 1000));
    for (std::size_t j = 0; j < i; ++j)
      EXPECT_GT((a[i].second - a[j].second).norm(), 1.0);
    EXPECT_GE(a[i].first, 0.0);
    EXPECT_LT(a[i].first, 60.0);  // time_spread_s
  }
  EXPECT_EQ(times.size(), a.size());        // distinct launch times
  EXPECT_NE(a[0].first, c[0].first);        // another seed, another swarm
}
