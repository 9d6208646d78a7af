// The Monte Carlo journal: exact round trip of a run's figures, a run cut off mid-line is dropped,
// a journal of another batch is refused, and an interrupted batch resumed from its journal gives
// byte-identical statistics to an uninterrupted one.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "analysis/journal.hpp"
#include "analysis/mc_report.hpp"
#include "core/disk_cache.hpp"
#include "core/error.hpp"
#include "scenario/loader.hpp"

namespace skyshield {
namespace {

const std::string kScenarioPath = SKYSHIELD_SOURCE_DIR "/tests/scenario/data/minimal.yaml";

const Scenario& minimal() {
  static const Scenario s = load_scenario(kScenarioPath);
  return s;
}

JournalKey key_for(std::uint64_t seed) { return {minimal().name, files_hash(minimal().files), seed, layer_names(minimal())}; }

std::string temp_path(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / "skyshield_journal_test";
  std::filesystem::create_directories(dir);
  const auto p = dir / name;
  std::filesystem::remove(p);
  return p.string();
}

TEST(Journal, KeyCoversTheScenarioAndItsLibraryFiles) {
  ASSERT_EQ(minimal().files.size(), 4u);  // minimal.yaml and its three library files
  EXPECT_NE(files_hash(minimal().files), files_hash({minimal().files[0]}));
}

TEST(Journal, RoundTripIsExact) {
  const MonteCarloResult mc = run_monte_carlo(minimal(), 2, 1, 3);
  const std::string path = temp_path("roundtrip.journal");
  {
    JournalWriter w(path, key_for(3));
    for (const RunRow& r : mc.rows) w.append(r);
  }
  const std::vector<RunRow> back = read_journal(path, key_for(3));
  ASSERT_EQ(back.size(), 2u);
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(journal_line(back[i]), journal_line(mc.rows[i]));
    EXPECT_EQ(back[i].cost, mc.rows[i].cost);
    EXPECT_EQ(back[i].end_time_s, mc.rows[i].end_time_s);
  }
}

// A resumed or MPI-gathered batch reads its runs back from journal lines: the friendly and SEAD
// figures must survive the round trip (before journal v4 they came back as zeros).
TEST(Journal, FriendlyAndSeadFiguresSurviveTheRoundTrip) {
  RunRow r = run_monte_carlo(minimal(), 1, 1, 3).rows.at(0);
  r.friendlies = 4; r.fratricide = 1; r.friendly_engaged = 2; r.rounds_at_friends = 3; r.hostiles_withheld = 5;
  r.sead = true; r.arms = 6; r.arms_killed = 2; r.radars_lost = 1; r.decoy_emitters_hit = 3; r.rounds_at_air_decoys = 7;
  r.radar_silent_s = 123.456789012345;
  std::string line = journal_line(r);
  line.pop_back();  // the newline
  const RunRow back = parse_journal_line(line, r.fired_by_layer.size(), "test");
  EXPECT_EQ(back.friendlies, 4); EXPECT_EQ(back.fratricide, 1); EXPECT_EQ(back.friendly_engaged, 2);
  EXPECT_EQ(back.rounds_at_friends, 3); EXPECT_EQ(back.hostiles_withheld, 5);
  EXPECT_TRUE(back.sead); EXPECT_EQ(back.arms, 6); EXPECT_EQ(back.arms_killed, 2); EXPECT_EQ(back.radars_lost, 1);
  EXPECT_EQ(back.decoy_emitters_hit, 3); EXPECT_EQ(back.rounds_at_air_decoys, 7);
  EXPECT_EQ(back.radar_silent_s, 123.456789012345);
}

TEST(Journal, CutOffLineIsDroppedAndForeignJournalRefused) {
  const MonteCarloResult mc = run_monte_carlo(minimal(), 2, 1, 4);
  const std::string path = temp_path("cut.journal");
  {
    std::ofstream out(path, std::ios::binary);
    const std::string second = journal_line(mc.rows[1]);
    out << journal_header(key_for(4)) << journal_line(mc.rows[0]) << second.substr(0, second.size() / 2);
  }
  EXPECT_EQ(read_journal(path, key_for(4)).size(), 1u);
  { JournalWriter w(path, key_for(4)); w.append(mc.rows[1]); }  // the writer drops the cut-off tail first
  EXPECT_EQ(read_journal(path, key_for(4)).size(), 2u);
  EXPECT_THROW(read_journal(path, key_for(5)), InputError);    // another seed
  JournalKey other = key_for(4);
  other.scenario_hash ^= 1;
  EXPECT_THROW(read_journal(path, other), InputError);         // the scenario file changed
}

TEST(Journal, AJournalOfAnotherBuildIsRefused) {
  // The header names the program's build (its ELF build id): runs of a rebuilt skyshield, whose
  // models may differ, are not resumed into a batch (they were, silently, before).
  const std::string header = journal_header(key_for(4));
  ASSERT_FALSE(program_build_id().empty());
  const std::size_t at = header.find(" build=" + program_build_id() + "\n");
  ASSERT_NE(at, std::string::npos) << header;
  const MonteCarloResult mc = run_monte_carlo(minimal(), 1, 1, 4);
  const std::string path = temp_path("build.journal");
  {
    std::ofstream out(path, std::ios::binary);
    out << header.substr(0, at) << " build=0123456789abcdef\n" << journal_line(mc.rows[0]);
  }
  EXPECT_THROW(read_journal(path, key_for(4)), InputError);
  EXPECT_THROW(JournalWriter(path, key_for(4)), InputError);
}

TEST(Journal, ResumedBatchEqualsUninterruptedBatch) {
  const std::string path = temp_path("resume.journal");
  {
    // "Interrupted" after 2 of 5 runs: the journal holds them.
    JournalWriter w(path, key_for(8));
    MonteCarloOptions o;
    o.on_row = [&](const RunRow& r) { w.append(r); };
    run_monte_carlo(minimal(), 2, 2, 8, o);
  }
  MonteCarloOptions resume;
  resume.finished = read_journal(path, key_for(8));
  ASSERT_EQ(resume.finished.size(), 2u);
  int ran = 0;
  resume.on_row = [&](const RunRow&) { ++ran; };
  const MonteCarloResult resumed = run_monte_carlo(minimal(), 5, 2, 8, resume);
  EXPECT_EQ(ran, 3);  // nothing run twice
  const MonteCarloResult fresh = run_monte_carlo(minimal(), 5, 1, 8);
  EXPECT_EQ(mc_json(resumed), mc_json(fresh));
  EXPECT_EQ(runs_csv(resumed), runs_csv(fresh));
}

}  // namespace
}  // namespace skyshield
