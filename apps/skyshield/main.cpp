// skyshield: the command-line program. Subcommands: run, mc, sweep, compare-fidelity, wta, track, radar-coverage, envelope, validate, schema, view, bench
// (validate, radar-coverage and envelope in study_commands.cpp; wta, track and bench in their own files).
#include <CLI/CLI.hpp>
#include <csignal>
#include <filesystem>
#include <fmt/format.h>
#include <algorithm>
#include <cctype>
#include <iostream>
#include <sstream>
#include <thread>

#include "analysis/journal.hpp"
#include "analysis/mc_report.hpp"
#include "analysis/sweep.hpp"
#ifdef SKYSHIELD_HAVE_MPI
#include "analysis/mpi_batch.hpp"
#endif
#include "core/error.hpp"
#include "core/interrupt.hpp"
#include "dis_session.hpp"
#include "fidelity_command.hpp"
#include "view_server.hpp"
#include "bench_command.hpp"
#include "progress_bar.hpp"
#include "record/czml.hpp"
#include "record/report_html.hpp"
#include "record/summary.hpp"
#include "record/writers.hpp"
#include "scenario/loader.hpp"
#include "sim/engine.hpp"
#include "skyshield/version.hpp"
#include "data_paths.hpp"
#include "output_dir.hpp"
#include "study_commands.hpp"
#include "siting_command.hpp"
#include "subcommand_hint.hpp"
#include "track_command.hpp"
#include "wta_command.hpp"
#include "tracking/detection_file.hpp"

namespace {

// out/<scenario name>, the name's bytes outside [A-Za-z0-9._-] as '_' (a name may hold '/' or spaces).
std::string default_run_dir(const std::string& scenario_name) {
  std::string n = scenario_name;
  for (char& c : n)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '_') c = '_';
  if (n.empty() || n == "." || n == "..") n = "run";
  return "out/" + n;
}

int cmd_run(const std::string& path, std::optional<std::uint64_t> seed, std::string out_dir, bool detections,
            const skyshield::DisCli& dis_cli, const std::string& fidelity) {
  using namespace skyshield;
  Scenario s = load_scenario(path);
  apply_fidelity(s, fidelity);
  if (out_dir.empty()) out_dir = default_run_dir(s.name);  // a second scenario does not overwrite the first
  const std::filesystem::path dir = make_output_dir(out_dir);
  std::unique_ptr<DisSession> dis;
  if (dis_cli.active() || dis_cli.realtime || dis_cli.time_scale > 0.0) dis = std::make_unique<DisSession>(dis_cli);
  if (!dis_cli.send_to.empty() && dis_cli.listen.empty() && !dis_cli.realtime && dis_cli.time_scale <= 0.0)
    std::cerr << fmt::format("note: --dis without --realtime or --time-scale sends the whole run ({:g} s simulated) as fast as it "
                             "computes; add --realtime to pace it to the wall clock\n",
                             s.sim.duration_s);

  ProgressBar bar(fmt::format("running '{}'", s.name), "s simulated");
  RunOptions opt;
  opt.seed = seed;
  install_interrupt_handler();
  opt.should_stop = interrupt_requested;
  const std::optional<double> interrupt_at = test_interrupt_at_s();  // test-only (output_dir.hpp)
  opt.progress = [&](double t, double total) {
    bar.update(t, total);
    if (interrupt_at && t >= *interrupt_at && t < total && !interrupt_requested()) raise_test_interrupt();
  };
  std::string detection_rows = std::string(kDetectionCsvHeader) + "\n";
  if (detections)
    opt.on_batch = [&](const std::string& sensor, const Geodetic& antenna, const MeasurementBatch& b) {
      detection_rows += detection_csv_rows(sensor, antenna, b);
    };
  if (dis) opt.link = &dis->link();
  const RunRecord run = run_scenario(s, opt);
  if (dis) std::cerr << "\n" << dis->link().report();
  if (run.interrupted) {
    std::cerr << fmt::format("\ninterrupted by {} at t = {:.2f} s: the run is incomplete, no outputs written (those already in {} "
                             "are untouched)\n",
                             interrupt_signal_name(), run.end_time_s, out_dir);
    return 130;
  }
  bar.finish(run.end_time_s, s.sim.duration_s);  // a run that ends early (nothing left in the air) says so
  const Summary summary = summarize(run);

  write_run_outputs(dir, run, summary, detections ? &detection_rows : nullptr);
  std::cout << summary_table(run, summary);
  std::cout << fmt::format("\nWrote {0}/summary.json, {0}/events.csv, {0}/trajectories.csv, {0}/track_metrics.csv, {0}/truth.csv{1}, "
                           "{0}/engagement.svg, {0}/profiles.svg, {0}/report.html, {0}/replay.czml (see it: skyshield view {0})\n",
                           out_dir, detections ? fmt::format(", {}/detections.csv", out_dir) : "");
  return 0;
}

int cmd_mc(const std::string& path, int runs, int threads, std::optional<std::uint64_t> seed, const std::string& out_dir,
           const std::string& fidelity, int* argc, char*** argv) {
  using namespace skyshield;
  check_run_count(runs);  // before anything is loaded or allocated
  Scenario s = load_scenario(path);
  apply_fidelity(s, fidelity);
  const std::filesystem::path dir = make_output_dir(out_dir);
  const std::uint64_t base_seed = seed.value_or(s.sim.seed);
  MonteCarloOptions opt;
  MonteCarloResult r;
#ifdef SKYSHIELD_HAVE_MPI
  if (launched_by_mpi()) {
    // Under mpirun: each rank runs its share; rank 0 gathers and writes (no journal: no resume).
    MpiSession mpi(argc, argv);
    ProgressBar bar(fmt::format("rank {}/{} of '{}'", mpi.rank(), mpi.size(), s.name), "runs");
    if (mpi.rank() == 0) opt.progress = [&](int done, int total) { bar.update(done, total); };
    r = run_monte_carlo_mpi(mpi, s, runs, threads, base_seed, opt);
    if (mpi.rank() != 0) return 0;
    bar.update(1, 1);
    std::cout << fmt::format("{} MPI ranks\n", mpi.size());
  } else
#endif
  {
    (void)argc;
    (void)argv;
    // The journal keeps every finished run: running the same command again resumes the batch.
    // A fast batch's journal is not a full one's (the key of a full batch is unchanged).
    const std::uint64_t model = s.sim.fidelity == Fidelity::Fast ? 0x66617374ull : 0;  // "fast"
    const JournalKey key{s.name, files_hash(s.files) ^ model, base_seed, layer_names(s)};
    const std::string journal = (dir / "runs.journal").string();
    opt.finished = read_journal(journal, key);
    JournalWriter writer(journal, key);
    int resumed = 0;
    for (const RunRow& row : opt.finished) resumed += row.run < runs;
    if (resumed > 0) std::cerr << fmt::format("resuming: {} of {} runs already in {}\n", resumed, runs, journal);
    ProgressBar bar(fmt::format("'{}' on {} threads", s.name, threads), "runs");
    opt.progress = [&](int done, int total) { bar.update(done, total); };
    const std::optional<std::int64_t> interrupt_after = test_interrupt_after_runs();  // test-only (output_dir.hpp)
    std::int64_t appended = 0;
    opt.on_row = [&](const RunRow& row) {
      writer.append(row);
      if (interrupt_after && ++appended == *interrupt_after) raise_test_interrupt();
    };
    install_interrupt_handler();
    opt.should_stop = interrupt_requested;
    r = run_monte_carlo(s, runs, threads, base_seed, opt);
    if (!r.interrupted) bar.update(1, 1);
  }
  OutputSet set(dir, test_output_hooks());
  set.add("mc.json", mc_json(r));
  set.add("runs.csv", runs_csv(r));
  set.add("mc.svg", mc_svg(r));
  set.commit();
  std::cout << mc_table(r);
  std::cout << fmt::format("\nWrote {0}/mc.json, {0}/runs.csv, {0}/mc.svg\n", out_dir);
  if (r.interrupted) {
    std::cerr << fmt::format("interrupted by {}: {} of {} runs finished (kept in {}/runs.journal; the same command resumes the batch)\n",
                             interrupt_signal_name(), r.rows.size(), runs, out_dir);
    return 130;
  }
  return 0;
}

int cmd_sweep(const std::string& path, const std::vector<std::string>& param_texts, int runs, int threads,
              std::optional<std::uint64_t> seed, const std::string& out_dir, const std::string& fidelity, int* argc, char*** argv) {
  using namespace skyshield;
  std::vector<SweepParam> params;
  for (const std::string& t : param_texts) params.push_back(parse_sweep_param(t));
  const Scenario base = load_scenario(path);
  name_sweep_params(path, params);  // tables and pictures name list elements: threats[drone].count
  const std::filesystem::path dir = make_output_dir(out_dir);
  std::vector<SweepPoint> points;
  int ranks = 1;
#ifdef SKYSHIELD_HAVE_MPI
  if (launched_by_mpi()) {
    // Under mpirun: each point's runs are spread over the ranks (run i on rank i mod K) and gathered
    // on rank 0, which writes; the outputs are byte-identical to one process's.
    MpiSession mpi(argc, argv);
    ranks = mpi.size();
    ProgressBar bar(fmt::format("rank {}/{}: sweep of '{}'", mpi.rank(), mpi.size(), base.name), "runs");
    const SweepBatch on_ranks = [&mpi, &fidelity](const Scenario& s, int n, int t, std::uint64_t sd, const MonteCarloOptions& o) {
      Scenario at = s;
      apply_fidelity(at, fidelity);
      return run_monte_carlo_mpi(mpi, at, n, t, sd, o);
    };
    std::function<void(int, int)> progress;
    if (mpi.rank() == 0) progress = [&](int done, int total) { bar.update(done, total); };
    points = run_sweep(path, params, runs, threads, seed.value_or(base.sim.seed), progress, {}, on_ranks);
    if (mpi.rank() != 0) return 0;
    bar.update(1, 1);
  } else
#endif
  {
    (void)argc;
    (void)argv;
    ProgressBar bar(fmt::format("sweep of '{}'", base.name), "runs");
    install_interrupt_handler();
    const std::optional<std::int64_t> interrupt_after = test_interrupt_after_runs();  // test-only (output_dir.hpp)
    SweepBatch with_fidelity;  // --fidelity: every point's scenario in that model
    if (!fidelity.empty())
      with_fidelity = [&fidelity](const Scenario& s, int n, int t, std::uint64_t sd, const MonteCarloOptions& o) {
        Scenario at = s;
        apply_fidelity(at, fidelity);
        return run_monte_carlo(at, n, t, sd, o);
      };
    points = run_sweep(path, params, runs, threads, seed.value_or(base.sim.seed), [&](int done, int total) {
      bar.update(done, total);
      if (interrupt_after && done == *interrupt_after && !interrupt_requested()) raise_test_interrupt();
    }, interrupt_requested, with_fidelity);
    bar.update(1, 1);
  }
  OutputSet set(dir, test_output_hooks());
  set.add("sweep.csv", sweep_csv(params, points));
  set.add("sweep.svg", sweep_svg(params, points));
  set.commit();
  std::cout << fmt::format("Sweep of '{}': {} points x {} runs from seed {}{}\n\n", base.name, points.size(), runs,
                           seed.value_or(base.sim.seed), ranks > 1 ? fmt::format(" on {} MPI ranks", ranks) : "");
  std::cout << sweep_table(params, points);
  std::cout << fmt::format("\nWrote {0}/sweep.csv, {0}/sweep.svg\n", out_dir);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"skyshield - engagement simulator of a layered, S-400-class air-defence system (notional parameters)"};
  app.set_version_flag("--version", std::string("skyshield ") + skyshield::kVersion);
  app.require_subcommand(1);

  std::string run_path, validate_path, out_dir;
  std::optional<std::uint64_t> seed;
  CLI::App* run = app.add_subcommand("run", "Run a scenario once and write summary.json, events.csv, trajectories.csv, "
                                            "track_metrics.csv, truth.csv, engagement.svg, profiles.svg, report.html, replay.czml "
                                            "(and detections.csv with --detections)");
  run->add_option("scenario", run_path, "Scenario YAML file")->required();
  run->add_option("--seed", seed, "Random seed (overrides the scenario's)");
  run->add_option("--out", out_dir, "Output directory (default: out/<scenario name>)");
  bool run_detections = false;
  run->add_flag("--detections", run_detections, "Also write every radar detection to detections.csv (input of `skyshield track`)");
  skyshield::DisCli dis_cli;
  dis_cli.add_to(*run);
  std::string fidelity;  // --fidelity on run, mc, sweep, bench (empty: the scenario's)
  skyshield::add_fidelity_option(*run, fidelity);
  int runs = 100, threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::string mc_path, mc_out = "out/mc";
  CLI::App* mc = app.add_subcommand("mc", "Monte Carlo: independent runs, statistics with confidence intervals (mc.json, runs.csv, mc.svg)");
  mc->add_option("scenario", mc_path, "Scenario YAML file")->required();
  mc->add_option("--runs", runs, fmt::format("Number of runs (at most {})", skyshield::kMaxMonteCarloRuns))->check(CLI::PositiveNumber)->capture_default_str();
  mc->add_option("--threads", threads, "Worker threads (results do not depend on it)")->check(CLI::Range(1, 1024))->capture_default_str();
  mc->add_option("--seed", seed, "Base seed (run i uses a seed derived from (seed, i))");
  mc->add_option("--out", mc_out, "Output directory")->capture_default_str();
  skyshield::add_fidelity_option(*mc, fidelity);
  std::string sweep_path, sweep_out = "out/sweep";
  std::vector<std::string> sweep_params;
  int sweep_runs = 50;
  CLI::App* sweep = app.add_subcommand("sweep", "Monte Carlo at every combination of scenario-field values (sweep.csv, sweep.svg)");
  sweep->add_option("scenario", sweep_path, "Scenario YAML file")->required();
  sweep->add_option("--param", sweep_params, "PATH=V1,V2,... e.g. threats[drone].count=2,4,8 or threats[2].count=2,4,8: list elements by name or index (repeatable)")->required();
  sweep->add_option("--runs", sweep_runs, fmt::format("Runs per point (at most {} over the whole sweep)", skyshield::kMaxMonteCarloRuns))->check(CLI::PositiveNumber)->capture_default_str();
  sweep->add_option("--threads", threads, "Worker threads (results do not depend on it)")->check(CLI::Range(1, 1024));
  sweep->add_option("--seed", seed, "Base seed, the same at every point");
  sweep->add_option("--out", sweep_out, "Output directory")->capture_default_str();
  skyshield::add_fidelity_option(*sweep, fidelity);
  skyshield::WtaCli wta_cli;
  CLI::App* wta = wta_cli.add_to(app);
  std::string cov_path, cov_radar, cov_out = "out/coverage";
  double cov_pd = 0.9, cov_alt_km = 30.0;
  CLI::App* coverage = app.add_subcommand("radar-coverage", "Vertical coverage diagram of the scenario's radars (coverage.svg, coverage.csv)");
  coverage->add_option("scenario", cov_path, "Scenario YAML file")->required();
  coverage->add_option("--pd", cov_pd, "Probability of detection per decision")->check(CLI::Range(0.01, 0.999))->capture_default_str();
  coverage->add_option("--max-alt-km", cov_alt_km, "Top of the diagram, km")->check(CLI::Range(0.1, 1000.0))->capture_default_str();
  coverage->add_option("--radar", cov_radar, "Only this radar type");
  coverage->add_option("--out", cov_out, "Output directory")->capture_default_str();
  std::string env_class, env_scenario = "scenarios/default.yaml", env_out = "out/envelope";
  skyshield::EnvelopeOptions env_opt;
  CLI::App* envelope = app.add_subcommand("envelope", "Engagement envelope of an interceptor class (envelope.svg, envelope.csv)");
  envelope->add_option("class", env_class, "Interceptor class name, e.g. long_range")->required();
  CLI::Option* env_scenario_opt = envelope->add_option("--scenario", env_scenario,
                                                       "Scenario whose library defines the class (default: the installed "
                                                       "scenarios/default.yaml, found next to the program)");
  envelope->add_option("--target-speed", env_opt.target_speed_mps, "Target speed, m/s (0: stationary points)")->check(CLI::Range(0.0, 10000.0))->capture_default_str();
  envelope->add_option("--heading", env_opt.target_heading_deg, "Target heading from the launcher-to-target bearing, deg (180: inbound)")->check(CLI::Range(-360.0, 360.0))->capture_default_str();
  envelope->add_option("--range-cells", env_opt.range_cells, "Grid cells in ground range")->check(CLI::Range(2, 400))->capture_default_str();
  envelope->add_option("--altitude-cells", env_opt.altitude_cells, "Grid cells in altitude")->check(CLI::Range(2, 400))->capture_default_str();
  envelope->add_option("--out", env_out, "Output directory")->capture_default_str();
  std::string env_target;
  envelope->add_option("--target", env_target, "Target class (aircraft, drone, cruise_missile, ballistic_missile): draw the class's envelope table for it (the row of --target-speed) and check it against the flyout");
  std::string track_path, track_truth, track_scenario, track_out = "out/track";
  CLI::App* track = app.add_subcommand("track", "Run the tracker alone on a detection file (format in the README); writes tracks.csv");
  track->add_option("detections", track_path, "Detection CSV file")->required();
  track->add_option("--truth", track_truth, "Truth CSV file: also score the tracks (OSPA, GOSPA) at every truth instant");
  track->add_option("--scenario", track_scenario, "Take the tracker and scoring settings of this scenario's first battalion");
  track->add_option("--out", track_out, "Output directory")->capture_default_str();
  skyshield::BenchOptions bench_opt;
  CLI::App* bench = app.add_subcommand("bench", "Run a scenario without outputs: real-time factor, time per step by part, peak memory");
  CLI::Option* bench_scenario_opt =
      bench->add_option("scenario", bench_opt.scenario, "Scenario YAML file (default: the installed scenarios/saturation.yaml, found next to the program)");
  bench->add_option("--runs", bench_opt.runs, "Runs (seeds seed, seed+1, ...)")->check(CLI::Range(1, 100000))->capture_default_str();
  bench->add_option("--raid-scale", bench_opt.raid_scale, "Multiply every raid entry's count by this (at least 1 each), over the same launch span")
      ->check(CLI::Range(1e-6, 1e6))
      ->capture_default_str();
  bench->add_option("--seed", bench_opt.seed, "Seed of the first run (default: the scenario's)");
  bench->add_option("--duration", bench_opt.duration_s, "Simulate only this long, s (default: the scenario's duration)")
      ->check(CLI::Range(1.0, 86400.0));
  skyshield::add_fidelity_option(*bench, bench_opt.fidelity);
  skyshield::CompareFidelityCli compare_cli;
  CLI::App* compare = compare_cli.add_to(app);
  skyshield::ViewOptions view_opt;
  CLI::App* view = app.add_subcommand("view", "Serve the 3-D replay viewer of a run's output directory on localhost");
  view->add_option("outdir", view_opt.run_dir, "A run's output directory (with replay.czml)")->required();
  view->add_option("--port", view_opt.port, "TCP port on 127.0.0.1 (0: any free port)")->check(CLI::Range(0, 65535))->capture_default_str();
  CLI::Option* viewer_opt =
      view->add_option("--viewer", view_opt.viewer_dir, "The built viewer (default: viewer/dist found next to the program)");
  skyshield::SitingCli siting_cli;
  CLI::App* siting = siting_cli.add_to(app);
  std::vector<std::string> schema_paths;
  CLI::App* schema = app.add_subcommand("schema", "Print the scenario reference (every field, its type and range, from the loader's own "
                                                  "checks) as Markdown: docs/scenario-reference.md");
  schema->add_option("scenarios", schema_paths, "Scenarios to learn the fields from (default: the installed scenarios/*.yaml)");
  CLI::App* validate = app.add_subcommand("validate", "Check a scenario file and report the first problem");
  validate->add_option("scenario", validate_path, "Scenario YAML file")->required();

  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) names.push_back(sub->get_name());
  if (argc > 1)
    if (const std::optional<std::string> e = skyshield::unknown_subcommand_error(argv[1], names)) {
      std::cerr << "error: " << *e << "\n";
      return 2;
    }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;  // --help and --version exit 0; every usage error exits 2
  }
  try {
    if (*run) return cmd_run(run_path, seed, out_dir, run_detections, dis_cli, fidelity);
    if (*track) return cmd_track(track_path, track_truth, track_scenario, track_out);
    if (*mc) return cmd_mc(mc_path, runs, threads, seed, mc_out, fidelity, &argc, &argv);
    if (*sweep) return cmd_sweep(sweep_path, sweep_params, sweep_runs, threads, seed, sweep_out, fidelity, &argc, &argv);
    if (*compare) return compare_cli.run();
    if (*wta) return wta_cli.run();
    if (*coverage) return skyshield::cmd_coverage(cov_path, cov_pd, cov_alt_km, cov_radar, cov_out);
    // Data the user did not name is found next to the program, not in the current folder.
    if (*envelope) {
      if (env_scenario_opt->count() == 0) env_scenario = skyshield::find_data("scenarios/default.yaml", "the default scenario", "--scenario FILE");
      return skyshield::cmd_envelope(env_class, env_scenario, env_opt, env_out, env_target);
    }
    if (*validate) return skyshield::cmd_validate(validate_path);
    if (*siting) return siting_cli.run();
    if (*schema) {
      std::vector<std::string> shown = schema_paths;
      if (schema_paths.empty()) {  // every shipped scenario, named relative to the data folder (machine-independent text)
        const std::filesystem::path dir = skyshield::find_data("scenarios", "the scenarios folder", "SCENARIO arguments");
        for (const auto& e : std::filesystem::directory_iterator(dir))
          if (e.path().extension() == ".yaml" && e.path().filename().string()[0] != '.') schema_paths.push_back(e.path().string());
        std::sort(schema_paths.begin(), schema_paths.end());
        for (const std::string& p : schema_paths) shown.push_back("scenarios/" + std::filesystem::path(p).filename().string());
      }
      return skyshield::cmd_schema(schema_paths, shown);
    }
    if (*view) {
      if (viewer_opt->count() == 0) view_opt.viewer_dir = skyshield::data_path("viewer/dist");  // serve_viewer says when it is not built
      return skyshield::serve_viewer(view_opt);
    }
    if (*bench) {
      if (bench_scenario_opt->count() == 0) bench_opt.scenario = skyshield::find_data("scenarios/saturation.yaml", "the saturation scenario", "a SCENARIO argument");
      return skyshield::cmd_bench(bench_opt);
    }
  } catch (const skyshield::InputError& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 2;
  } catch (const skyshield::Interrupted& e) {
    std::cerr << "\ninterrupted: " << e.what() << "\n";
    return 130;
  } catch (const skyshield::OutputError& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  } catch (const skyshield::NumericalError& e) {
    std::cerr << "numerical error: " << e.what() << "\n";
    return 3;
  } catch (const std::exception& e) {
    std::cerr << "internal error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
