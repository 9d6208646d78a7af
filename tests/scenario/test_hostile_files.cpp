// Hostile scenario files too big to commit (issue 27), generated here: each is refused up front with
// one error naming the file, line, field and the limit (scenario/limits.hpp), in bounded memory.
// The small hostile files live in tests/bad-scenarios/.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "core/error.hpp"
#include "scenario/limits.hpp"
#include "scenario/loader.hpp"
#include "scenario/terrain_parser.hpp"
#include "world/ballistic/targeting.hpp"

namespace skyshield {
namespace {

const std::string kLib = SKYSHIELD_SOURCE_DIR "/scenarios/library/";

// A valid scenario (one base, one battalion) followed by `threats` (the text after "threats:\n").
std::string scenario_text(const std::string& threats) {
  return "scenario:\n  name: hostile\n"
         "library: [" + kLib + "interceptors.yaml, " + kLib + "radars.yaml, " + kLib + "threats.yaml]\n"
         "simulation: {step_s: 0.05, duration_s: 600.0, seed: 7}\n"
         "assets:\n  - {name: base, position: {lat: -25.0, lon: 135.0, alt: 100.0}, value: 5.0}\n"
         "battalions:\n"
         "  - name: bn\n"
         "    position: {from: base, bearing_deg: 0.0, range_km: 5.0, alt: 100.0}\n"
         "    radars:\n"
         "      - {name: sr, type: surveillance_s_band, position: {from: bn, bearing_deg: 180.0, range_km: 0.5, alt: 100.0}}\n"
         "      - {name: er, type: engagement_x_band, position: {from: bn, bearing_deg: 0.0, range_km: 0.5, alt: 100.0}}\n"
         "    engagement_radar: er\n"
         "    launchers:\n"
         "      - {name: L1, class: medium_range, tubes: 4, position: {from: bn, bearing_deg: 90.0, range_km: 1.0, alt: 100.0}}\n"
         "threats:\n" + threats;
}

// Writes `text` to a fresh file under the temporary directory and returns its path.
std::string write_file(const std::string& name, const std::string& text) {
  const auto dir = std::filesystem::temp_directory_path() / ("skyshield_hostile_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / name).string();
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

std::string load_error(const std::string& path) {
  try {
    load_scenario(path);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

// A line of threats with `count` copies of a `points`-point route.
std::string drone_line(const std::string& name, int count, int points) {
  std::string t = "  - name: " + name + "\n    type: small_uav\n    count: " + std::to_string(count) +
                  "\n    interval_s: 0.1\n    target: base\n    route:\n";
  for (int i = 0; i < points; ++i) t += "      - {lat: -24.5, lon: 135.0, alt: 500}\n";
  return t;
}

TEST(HostileFiles, AFileOverTheSizeLimitIsRefusedBeforeItIsParsed) {
  // An 8 MB list (a 100 MB one took 6.4 GB in yaml-cpp): refused after reading 1 MiB + 1 byte.
  std::string big = scenario_text("[");
  while (big.size() < 8u << 20) big += "0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0\n";
  big += "]\n";
  const std::string path = write_file("big_list.yaml", big);
  EXPECT_EQ(load_error(path), path + ": the YAML file is larger than the 1048576 bytes allowed");
}

TEST(HostileFiles, ARouteOf20000PointsTimesCount10000IsRefusedAtItsRoute) {
  // 20,000 points x 10,000 copies threw std::bad_alloc (4.8 GB of route points).
  const std::string path = write_file("long_route.yaml", scenario_text(drone_line("swarm", 10000, 20000)));
  ASSERT_LT(std::filesystem::file_size(path), limits::kMaxYamlFileBytes);  // within the file limit
  EXPECT_EQ(load_error(path), path + ":23:7: threats[0].route: 20000 points, more than the 1000 a route may have");
}

TEST(HostileFiles, RoutesWithinTheirLimitButTooManyForTheRaidAreRefusedBeforeTheCopies) {
  // 5 lines x 10,000 copies x 30 points = 1.5 million points (+1 target point each) > 1,000,000.
  std::string lines;
  for (int k = 0; k < 5; ++k) lines += drone_line("swarm" + std::to_string(k), 10000, 30);
  const std::string path = write_file("raid_points.yaml", scenario_text(lines));
  const std::string err = load_error(path);
  // Lines 0-2 hold 3 x 310,000 = 930,000 points; the fourth would bring 1,240,000.
  EXPECT_NE(err.find(": threats[3]: the raid's routes would hold 1240000 points"), std::string::npos) << err;
  EXPECT_NE(err.find("more than the 1000000 a scenario may have"), std::string::npos) << err;
}

TEST(HostileFiles, AThreatNameOfOneMegabyteIsRefused) {
  // It was copied into every output row: 2.5 GB of outputs.
  const std::string path = write_file("long_name.yaml", scenario_text(drone_line(std::string(1000000, 'x'), 1, 1)));
  EXPECT_EQ(load_error(path), path + ":17:11: threats[0].name: a name of 1000000 bytes, longer than the 64 allowed");
}

// 200 SRBM lines from distinct launch points took 24-78 s to load (a ~0.07 s shooting solve each,
// profiled: all of it in the 3-DOF flights of plan_ballistic_flight); the 51st distinct solve is refused.
TEST(HostileFiles, TwoHundredDistinctBallisticLaunchPointsAreRefusedAtTheFiftyFirst) {
  std::string lines;
  for (int i = 0; i < 200; ++i)
    lines += "  - {name: m" + std::to_string(i) + ", type: short_range_ballistic, target: base, launch: {from: base, bearing_deg: " +
             std::to_string(i * 1.7) + ", range_km: 200.0, alt: 0.0}}\n";
  const std::string path = write_file("srbm200.yaml", scenario_text(lines));
  const std::string err = load_error(path);
  EXPECT_EQ(err, path + ":67:68: threats[50].launch: more than 50 distinct ballistic launch solutions (type, trajectory, launch "
                       "and aim point; each is a trajectory solve of ~0.1 s): launch more missiles from fewer points");
}

// Lines that repeat a launch point share its solve, and the shared plan is the one solved alone.
TEST(HostileFiles, BallisticLinesFromOneLaunchPointShareTheSolveOfThatPoint) {
  std::string lines;
  for (int i = 0; i < 120; ++i)
    lines += "  - {name: m" + std::to_string(i) + ", type: short_range_ballistic, target: base, launch_time_s: " + std::to_string(i) +
             ", launch: {from: base, bearing_deg: " + std::to_string((i % 3) * 40) + ", range_km: 200.0, alt: 0.0}}\n";
  const Scenario s = load_scenario(write_file("srbm_shared.yaml", scenario_text(lines)));
  ASSERT_EQ(s.threats.size(), 120u);
  for (int k = 0; k < 3; ++k) {
    const ThreatSpec& first = s.threats[k];
    const TargetingResult alone =
        plan_ballistic_flight(s.threat_types[first.type_index].ballistic, first.launch_point, first.aim_point);
    ASSERT_TRUE(alone.ok);
    for (std::size_t i = k; i < s.threats.size(); i += 3) {
      EXPECT_EQ(s.threats[i].plan.azimuth_deg, alone.plan.azimuth_deg) << i;
      EXPECT_EQ(s.threats[i].plan.kick_deg, alone.plan.kick_deg) << i;
      EXPECT_EQ(s.threats[i].plan.cutoff_s, alone.plan.cutoff_s) << i;
    }
  }
}

TEST(HostileFiles, TheStepLimitIsTwoMillionSteps) {
  const std::string def = SKYSHIELD_SOURCE_DIR "/scenarios/default.yaml";
  // 200 s / 1e-4 s = 2,000,000 steps: the limit itself loads.
  EXPECT_NO_THROW(load_scenario(def, {{"simulation.step_s", "0.0001"}, {"simulation.duration_s", "200"}}));
  std::string err;
  try {
    load_scenario(def, {{"simulation.step_s", "0.0001"}, {"simulation.duration_s", "200.1"}});
  } catch (const InputError& e) {
    err = e.what();
  }
  // The step comes from the command line: the error names that parameter (not a line of the file).
  EXPECT_NE(err.find("--param simulation.step_s=0.0001 (" + def + ", simulation.step_s): duration_s / step_s = 2001000 steps, more than the 2000000 a run may take"),
            std::string::npos) << err;
}

TEST(HostileFiles, AScenarioTheSystemCannotReadIsAnInputError) {
  // /proc/self/mem is a regular file of size 0 whose read fails (EIO): it was an internal error.
  EXPECT_EQ(load_error("/proc/self/mem"), "/proc/self/mem: cannot read the YAML file: Input/output error");
  EXPECT_EQ(load_error("/proc/self"), "/proc/self: not a file (a directory or a device)");
}

TEST(HostileFiles, QuotedTextClosedOnALaterLineStillLoads) {
  // The unclosed-quote check must not refuse multi-line quoted text, escaped quotes or '' in single quotes.
  std::string text = scenario_text(drone_line("d", 1, 1));
  text.replace(text.find("  name: hostile"), 15, "  name: \"host\\\"ile\"\n  description: \"one\n    two 'x'\"");
  text.replace(text.find("name: d\n"), 8, "name: 'it''s'\n");
  const Scenario s = load_scenario(write_file("quotes.yaml", text));
  EXPECT_EQ(s.name, "host\"ile");
  EXPECT_EQ(s.description, "one two 'x'");
  EXPECT_EQ(s.threats.at(0).name, "it's");
}


std::string grid_error(const std::string& name, const std::string& text) {
  const std::string path = write_file(name, text);
  try {
    load_esri_ascii_grid(path);
  } catch (const InputError& e) {
    return std::string(e.what()).substr(path.size());
  }
  return "loaded";
}

const std::string kGridHeader = "ncols 2\nnrows 2\nxllcorner 135.0\nyllcorner -25.0\ncellsize 0.01\n";

TEST(HostileFiles, AGridOfOneEndlessLineIsRefusedAtTheLineLimit) {
  // std::getline read the whole line into memory, however long.
  EXPECT_EQ(grid_error("endless.asc", kGridHeader + std::string(2u << 20, '1')), ":6: a line longer than the 1048576 bytes allowed");
}

TEST(HostileFiles, UnknownOrRepeatedGridHeaderFieldsAreRefused) {
  // Both were silently accepted: an unknown key ignored, a repeated one overwriting the first.
  EXPECT_EQ(grid_error("unknown_key.asc", "ncols 2\nnrows 2\nxllcorner 135.0\nyllcorner -25.0\ncelsize 0.01\n1 2\n3 4\n"),
            ":5: unknown header field 'celsize' (allowed: ncols, nrows, xllcorner, yllcorner, xllcenter, yllcenter, cellsize, "
            "nodata_value)");
  EXPECT_EQ(grid_error("twice.asc", kGridHeader + "ncols 3\n1 2\n3 4\n"), ":6: header field 'ncols' is given twice");
  EXPECT_EQ(grid_error("ok.asc", kGridHeader + "1 2\n3 4"), "loaded");  // no final line break is fine
}

}  // namespace
}  // namespace skyshield
