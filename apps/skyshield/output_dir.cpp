#include "output_dir.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <system_error>

#include "core/error.hpp"
#include "core/parse_number.hpp"
#include "record/czml.hpp"
#include "record/report_html.hpp"
#include "record/writers.hpp"

std::filesystem::path make_output_dir(const std::string& out_dir) {
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec) throw skyshield::InputError(fmt::format("{}: cannot create the output directory: {}", out_dir, ec.message()));
  return std::filesystem::path(out_dir);
}

void write_run_outputs(const std::filesystem::path& dir, const skyshield::RunRecord& run, const skyshield::Summary& summary,
                       const std::string* detection_rows) {
  using namespace skyshield;
  OutputSet set(dir, test_output_hooks());
  set.add("summary.json", summary_json(run, summary));
  set.add("events.csv", events_csv(run));
  set.add("trajectories.csv", trajectories_csv(run));
  set.add("track_metrics.csv", track_metrics_csv(run.track_scores));
  set.add("truth.csv", truth_csv(run));
  if (detection_rows)
    set.add("detections.csv", *detection_rows);
  else
    set.drop("detections.csv");  // an older run's detections would not match this run
  set.add("engagement.svg", engagement_svg(run));
  set.add("profiles.svg", profile_svg(run));
  set.add("replay.czml", replay_czml(run));
  set.add("report.html", report_html(run, summary));
  set.commit();
}

namespace {

const char* env(const char* name) {
  const char* v = std::getenv(name);
  return v && *v ? v : nullptr;
}

}  // namespace

std::optional<double> test_interrupt_at_s() {
  const char* v = env("SKYSHIELD_TEST_INTERRUPT_AT_S");
  if (!v) return std::nullopt;
  const std::optional<double> t = skyshield::parse_finite_number(v);
  if (!t || *t < 0.0)
    throw skyshield::InputError(fmt::format("SKYSHIELD_TEST_INTERRUPT_AT_S: expected a time in seconds >= 0 (got '{}')", v));
  return *t;
}

namespace {
// A whole number >= 1 from the test-only variable `name`, if set.
std::optional<std::int64_t> test_count(const char* name) {
  const char* v = env(name);
  if (!v) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  const long long n = std::strtoll(v, &end, 10);
  if (*end != '\0' || errno != 0 || n < 1)
    throw skyshield::InputError(fmt::format("{}: expected a whole number >= 1 (got '{}')", name, v));
  return n;
}
}  // namespace

std::optional<std::int64_t> test_interrupt_after_runs() { return test_count("SKYSHIELD_TEST_INTERRUPT_AFTER_RUNS"); }
std::optional<std::int64_t> test_interrupt_at_batch() { return test_count("SKYSHIELD_TEST_INTERRUPT_AT_BATCH"); }
bool test_interrupt_solving() { return env("SKYSHIELD_TEST_INTERRUPT_SOLVING") != nullptr; }

void raise_test_interrupt() {
  const char* v = env("SKYSHIELD_TEST_INTERRUPT_SIGNAL");
  const std::string sig = v ? v : "SIGINT";
  if (sig != "SIGINT" && sig != "SIGTERM")
    throw skyshield::InputError(fmt::format("SKYSHIELD_TEST_INTERRUPT_SIGNAL: expected SIGINT or SIGTERM (got '{}')", sig));
  std::raise(sig == "SIGTERM" ? SIGTERM : SIGINT);
}

skyshield::OutputSetHooks test_output_hooks() {
  skyshield::OutputSetHooks h;
  if (const char* v = env("SKYSHIELD_TEST_FULL_DISK_AT")) h.full_disk_at = v;
  if (const char* v = env("SKYSHIELD_TEST_INTERRUPT_WRITING")) {
    const std::string at = v;
    h.before_write = [at](const std::string& name) {
      if (name == at) raise_test_interrupt();
    };
  }
  return h;
}
