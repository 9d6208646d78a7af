#include "bench_command.hpp"

#include <fmt/format.h>
#include <sys/resource.h>
#include <yaml-cpp/yaml.h>

#include <chrono>
#include <cmath>
#include <iostream>

#include "core/error.hpp"
#include "fidelity_command.hpp"
#include "record/summary.hpp"
#include "scenario/loader.hpp"
#include "sim/engine.hpp"
#include "weapons/flyout/flyout_table.hpp"
#include "wording.hpp"

namespace skyshield {

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

double peak_rss_mib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;  // Linux: KiB
}

// "threats[i].count=N" for every raid entry, scaled, and its launch interval shrunk or stretched to
// keep the entry's time span.
std::vector<Override> scale_raid(const std::string& path, double scale) {
  std::vector<Override> out;
  if (scale == 1.0) return out;
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::Exception& e) {
    throw InputError(fmt::format("{}: {}", path, e.msg));
  }
  const YAML::Node threats = root["threats"];
  if (!threats || !threats.IsSequence()) return out;  // the loader will say what is wrong
  for (std::size_t i = 0; i < threats.size(); ++i) {
    double count = 1.0;
    if (threats[i]["count"]) {
      try {
        count = threats[i]["count"].as<double>();
      } catch (const YAML::Exception&) {
        continue;  // the loader names the field
      }
    }
    const long long scaled = std::max<long long>(1, std::llround(count * scale));
    out.push_back({fmt::format("threats[{}].count", i), fmt::format("{}", scaled)});
    // The same raid, denser: the entry's launches keep their time span.
    if (threats[i]["interval_s"] && scaled > 1) {
      try {
        const double span = threats[i]["interval_s"].as<double>() * (count - 1.0);
        out.push_back({fmt::format("threats[{}].interval_s", i), fmt::format("{}", span / static_cast<double>(scaled - 1))});
      } catch (const YAML::Exception&) {
      }
    }
  }
  return out;
}

}  // namespace

int cmd_bench(const BenchOptions& o) {
  const auto t_load = std::chrono::steady_clock::now();
  std::vector<Override> overrides = scale_raid(o.scenario, o.raid_scale);
  if (o.duration_s > 0.0) overrides.push_back({"simulation.duration_s", fmt::format("{}", o.duration_s)});
  Scenario s = load_scenario(o.scenario, overrides);
  apply_fidelity(s, o.fidelity);
  const double load_s = seconds_since(t_load);
  const auto t_tables = std::chrono::steady_clock::now();
  prepare_flyouts(s);
  const double tables_s = seconds_since(t_tables);
  int raid = 0;
  for (const ThreatSpec& t : s.threats) raid += t.parent < 0;
  std::cout << fmt::format("bench '{}': {} launched by the raid ({} with what they release), {}, step {:g} s, {}{}\n", s.name,
                           count_of(raid, "threat"), s.threats.size(), count_of(std::ssize(s.battalions), "battalion"), s.sim.step_s,
                           count_of(o.runs, "run"), s.sim.fidelity == Fidelity::Fast ? ", fast model" : "");
  int tables = 0, cached = 0;
  for (const InterceptorClass& c : s.interceptor_classes)
    if (const auto* t = dynamic_cast<const FlyoutTable*>(c.flyout.get()); t && t->built()) ++tables, cached += t->from_cache();
  std::cout << fmt::format("load {:.2f} s, flyout tables {:.2f} s ({} of {} read from the disk cache; once per process, not in the "
                           "figures below)\n",
                           load_s, tables_s, cached, tables);
  StepProfile total;
  double sim_s = 0.0, wall_s = 0.0;
  for (int r = 0; r < o.runs; ++r) {
    RunOptions opt;
    opt.seed = o.seed.value_or(s.sim.seed) + static_cast<std::uint64_t>(r);
    opt.record_trajectories = false;
    StepProfile prof;
    opt.profile = &prof;
    const auto t0 = std::chrono::steady_clock::now();
    const RunRecord run = run_scenario(s, opt);
    const double wall = seconds_since(t0);
    const Summary sum = summarize(run);
    std::cout << fmt::format("run {}: {:.1f} s simulated in {:.2f} s: {:.0f}x real time; killed {}, leaked {}, active {}, "
                             "interceptors fired {}\n",
                             r + 1, run.end_time_s, wall, run.end_time_s / wall, sum.total.killed, sum.total.leaked, sum.total.active,
                             sum.interceptors.fired);
    sim_s += run.end_time_s;
    wall_s += wall;
    total += prof;
  }
  const double per = 1e6 / static_cast<double>(std::max<long long>(1, total.steps));
  const double all = std::max(total.total_s(), 1e-12);
  std::cout << fmt::format("real-time factor {:.0f}x ({:.1f} s simulated in {:.2f} s of one core); {:.2f} runs per second\n", sim_s / wall_s,
                           sim_s, wall_s, o.runs / wall_s);
  std::cout << fmt::format("wall time per step ({} steps): {:.1f} us; tracks held by the trackers: {:.1f} on average\n", total.steps,
                           total.total_s() * per, static_cast<double>(total.track_steps) / static_cast<double>(std::max<long long>(1, total.steps)));
  const std::pair<const char*, double> parts[] = {{"world", total.world_s},     {"radar", total.radar_s},
                                                  {"tracking", total.tracking_s}, {"command centre", total.command_s},
                                                  {"weapons", total.weapons_s},   {"record", total.record_s}};
  for (const auto& [name, sec] : parts) std::cout << fmt::format("  {:<15} {:>9.1f} us {:>5.1f} %\n", name, sec * per, 100.0 * sec / all);
  const double batches = static_cast<double>(std::max<long long>(1, total.batches));
  std::cout << fmt::format("per radar batch ({} batches): {:.1f} tracks tested, {:.1f} predicted for association ({:.1f} only in the margin), "
                           "{:.1f} IMM model predictions\n",
                           total.batches, static_cast<double>(total.tested) / batches, static_cast<double>(total.candidates) / batches,
                           static_cast<double>(total.margin_candidates) / batches, static_cast<double>(total.candidate_models) / batches);
  // The work the model asks for, whatever the code does: per simulated second, the radar batches, the
  // detections they deliver, the track updates those make and the threats moved (one per step each).
  const double per_sim_s = 1.0 / std::max(sim_s, 1e-12);
  std::cout << fmt::format("per simulated second: {:.0f} radar batches, {:.0f} detections, {:.0f} track updates ({:.0f} IMM model "
                           "filters), {:.0f} threat moves\n",
                           static_cast<double>(total.batches) * per_sim_s, static_cast<double>(total.detections) * per_sim_s,
                           static_cast<double>(total.updates) * per_sim_s, static_cast<double>(total.update_models) * per_sim_s,
                           static_cast<double>(total.flying_steps) * per_sim_s);
  std::cout << fmt::format("tracks per run: {:.0f} started, {:.1f} confirmed; {:.0f} covered looks at tentative tracks\n",
                           static_cast<double>(total.tracks_started) / o.runs, static_cast<double>(total.tracks_confirmed) / o.runs,
                           static_cast<double>(total.tentative_looks) / o.runs);
  if (total.initiators > 0)
    std::cout << fmt::format("two-point initiation per run: {:.0f} detections held as initiators; {:.0f} pairs in the position gate "
                             "rejected by the Doppler test; {:.0f} initiators taken into an association\n",
                             static_cast<double>(total.initiators) / o.runs, static_cast<double>(total.doppler_rejected) / o.runs,
                             static_cast<double>(total.initiator_candidates) / o.runs);
  std::cout << fmt::format("peak memory (max resident set): {:.0f} MiB\n", peak_rss_mib());
  return 0;
}

}  // namespace skyshield
