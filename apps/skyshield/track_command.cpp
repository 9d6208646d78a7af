#include "track_command.hpp"

#include "output_dir.hpp"
#include "wording.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "core/error.hpp"
#include "core/interrupt.hpp"
#include "record/summary.hpp"
#include "record/writers.hpp"
#include "scenario/loader.hpp"
#include "tracking/file_tracking.hpp"

int cmd_track(const std::string& detections, const std::string& truth_path, const std::string& scenario,
              const std::string& out_dir) {
  using namespace skyshield;
  TrackerParams params;
  TrackMetricsParams metrics;
  if (!scenario.empty()) {   // the tracker settings of its first battalion, and its scoring settings
    const Scenario s = load_scenario(scenario);
    params = s.battalions.front().tracker;
    metrics = s.track_metrics;
  }
  const DetectionFile d = read_detection_csv(detections);
  TruthFile truth;
  if (!truth_path.empty()) truth = read_truth_csv(truth_path);
  std::size_t n = 0;
  for (const MeasurementBatch& b : d.batches) n += b.detections.size();
  std::cout << fmt::format("{}: {} detections in {} batches from {} sensors\n", detections, n, d.batches.size(), d.sensors.size());

  install_interrupt_handler();  // Ctrl-C: stop before the next batch, write nothing
  const std::optional<std::int64_t> test_at = test_interrupt_at_batch();
  std::int64_t batch = 0;
  const auto should_stop = [&] {
    if (test_at && ++batch == *test_at) raise_test_interrupt();
    return interrupt_requested();
  };
  const FileTrackingResult r = track_detection_file(d, truth_path.empty() ? nullptr : &truth, params, metrics.ospa, should_stop);
  if (r.interrupted) {
    std::cerr << "interrupted: the tracking is incomplete, no outputs written\n";
    return 130;
  }
  const std::filesystem::path dir = make_output_dir(out_dir);
  write_file_atomically((dir / "tracks.csv").string(), r.tracks_csv);
  std::cout << fmt::format("{} tracks confirmed (the numbers in tracks.csv): {} merged into another, {} ended, {} held at the end; "
                           "{} tentative tracks started\n",
                           r.confirmed, r.merged, r.ended, r.confirmed - r.merged - r.ended, r.stats.started);
  std::cout << fmt::format("{} gated pairs in {} clusters (largest {})\n", r.stats.gated_pairs, r.stats.clusters, r.stats.largest_cluster);
  if (truth_path.empty()) {
    std::cout << fmt::format("\nWrote {}/tracks.csv\n", out_dir);
    return 0;
  }
  std::vector<TrackScoreRow> rows;
  for (const TrackQualitySample& s : r.scores) rows.push_back({"tracker", s});
  write_file_atomically((dir / "track_metrics.csv").string(), track_metrics_csv(rows));
  // Over time: every instant, or about 40 evenly spaced ones (all of them are in track_metrics.csv).
  std::cout << fmt::format("\n{:>9} {:>7} {:>7} {:>8} {:>9} {:>7} {:>7}\n", "t s", "truths", "tracks", "OSPA m", "GOSPA m", "missed",
                           "false");
  const std::size_t stride = std::max<std::size_t>(1, (r.scores.size() + 39) / 40);
  for (std::size_t i = 0; i < r.scores.size(); i += stride) {
    const TrackQualitySample& s = r.scores[i];
    std::cout << fmt::format("{:>9.2f} {:>7} {:>7} {:>8.0f} {:>9.0f} {:>7} {:>7}\n", s.t, s.truths, s.tracks, s.ospa,
                             s.gospa.distance, s.gospa.missed_count, s.gospa.false_count);
  }
  if (stride > 1) std::cout << fmt::format("(every {} of {} instants)\n", ordinal(static_cast<long long>(stride)), r.scores.size());
  std::cout << track_quality_table(metrics.ospa, {{"tracker", r.quality}});
  std::cout << fmt::format("\nWrote {0}/tracks.csv, {0}/track_metrics.csv\n", out_dir);
  return 0;
}
