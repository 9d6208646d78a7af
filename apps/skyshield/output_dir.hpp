#pragma once
// The output directory of a subcommand, and the test-only hooks of the output and interrupt tests.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "record/output_set.hpp"
#include "record/run_record.hpp"
#include "record/summary.hpp"

// The output directory, created if needed (an InputError when it cannot be).
std::filesystem::path make_output_dir(const std::string& out_dir);

// A run's outputs as one set (record/output_set.hpp): the previous ones stay whole until every new
// file is complete. Without detection rows an older detections.csv is removed with the set.
void write_run_outputs(const std::filesystem::path& dir, const skyshield::RunRecord& run, const skyshield::Summary& summary,
                       const std::string* detection_rows);

// TEST-ONLY environment variables, read here and nowhere else (tests/cli/*.sh use them to make
// interruptions and write failures deterministic; a user has no reason to set them):
//   SKYSHIELD_TEST_INTERRUPT_AT_S=T        run: SIGINT to itself at the first progress report at or
//                                           after simulated time T s (reports come every 0.5 % of
//                                           the duration)
//   SKYSHIELD_TEST_INTERRUPT_AFTER_RUNS=N  mc, sweep: SIGINT to itself when N runs have finished
//   SKYSHIELD_TEST_INTERRUPT_AT_BATCH=N    track: SIGINT to itself before the N-th batch
//   SKYSHIELD_TEST_INTERRUPT_SOLVING=1     wta: SIGINT to itself as the solver starts
//   SKYSHIELD_TEST_INTERRUPT_WRITING=FILE  SIGINT to itself just before FILE of a set is written
//   SKYSHIELD_TEST_FULL_DISK_AT=FILE       FILE's bytes go to /dev/full (a real "no space left")
//   SKYSHIELD_TEST_INTERRUPT_SIGNAL=SIGTERM  the hooks above send SIGTERM instead of SIGINT
// A malformed value is an InputError naming the variable.
std::optional<double> test_interrupt_at_s();
// Sends the test's signal (SIGINT, or SKYSHIELD_TEST_INTERRUPT_SIGNAL) to the process itself.
void raise_test_interrupt();
std::optional<std::int64_t> test_interrupt_after_runs();
std::optional<std::int64_t> test_interrupt_at_batch();
bool test_interrupt_solving();
skyshield::OutputSetHooks test_output_hooks();
