// Detection and truth files (tracking/detection_file.hpp): a written batch reads back as it was;
// bad files give one-line errors naming file, line and column; and the tracker run on a file of two
// straight-flying targets (noise from the stated sigmas) holds one track per target.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <numbers>
#include <map>
#include <random>
#include <sstream>

#include "core/error.hpp"
#include "tracking/detection_file.hpp"
#include "tracking/file_tracking.hpp"

namespace skyshield {
namespace {

const std::string kData = SKYSHIELD_SOURCE_DIR "/tests/tracking/data";

std::string temp_file(const std::string& name, const std::string& content) {
  const std::string path = (std::filesystem::temp_directory_path() / name).string();
  std::ofstream(path) << content;
  return path;
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(DetectionFile, WrittenRowsReadBack) {
  const Geodetic antenna{-25.0, 135.0, 125.0};
  MeasurementBatch b;
  b.t0 = 12.5;
  Measurement m;
  m.rae = {81234.5, 1.25, 0.05};
  m.sigma_range_m = 30.0;
  m.sigma_az_rad = 0.002;
  m.sigma_el_rad = 0.003;
  b.detections.push_back(m);
  m.has_range_rate = true;
  m.range_rate_mps = -250.5;
  m.sigma_range_rate_mps = 1.5;
  b.detections.push_back(m);
  const std::string path = temp_file("skyshield_detections_roundtrip.csv", std::string(kDetectionCsvHeader) + "\n" +
                                                                           detection_csv_rows("bn/sr", antenna, b));
  const DetectionFile d = read_detection_csv(path);
  ASSERT_EQ(d.sensors, std::vector<std::string>{"bn/sr"});
  ASSERT_EQ(d.batches.size(), 1u);   // same sensor, same time: one batch
  const MeasurementBatch& r = d.batches[0];
  EXPECT_FALSE(r.coverage.known);
  EXPECT_DOUBLE_EQ(r.t0, 12.5);
  EXPECT_NEAR(r.radar_frame.origin().alt_m, 125.0, 1e-9);
  ASSERT_EQ(r.detections.size(), 2u);
  EXPECT_NEAR(r.detections[0].rae.range_m, 81234.5, 1e-6);
  EXPECT_NEAR(r.detections[0].rae.az_rad, 1.25, 1e-7);
  EXPECT_NEAR(r.detections[0].sigma_el_rad, 0.003, 1e-8);
  EXPECT_FALSE(r.detections[0].has_range_rate);
  EXPECT_TRUE(r.detections[1].has_range_rate);
  EXPECT_NEAR(r.detections[1].range_rate_mps, -250.5, 1e-9);
  EXPECT_NEAR(r.detections[1].sigma_range_rate_mps, 1.5, 1e-9);
}

TEST(DetectionFile, BadFilesNameFileLineAndColumn) {
  const std::string number = kData + "/bad_detection_number.csv";
  EXPECT_EQ(error_of([&] { read_detection_csv(number); }), number + ":4: column 'el_deg': 'one' is not a decimal number");
  const std::string header = kData + "/bad_detection_header.csv";
  EXPECT_EQ(error_of([&] { read_detection_csv(header); }).rfind(header + ":1: the header must be", 0), 0u);
  const std::string h = std::string(kDetectionCsvHeader) + "\n";
  const std::string back = temp_file("skyshield_back.csv", h + "5,sr,-25,135,0,1000,0,1,,10,0.1,0.1,\n4,sr,-25,135,0,1000,0,1,,10,0.1,0.1,\n");
  EXPECT_EQ(error_of([&] { read_detection_csv(back); }), back + ":3: column 't_s': times must not decrease (4 after 5)");
  const std::string rr = temp_file("skyshield_rr.csv", h + "5,sr,-25,135,0,1000,0,1,12,10,0.1,0.1,\n");
  EXPECT_EQ(error_of([&] { read_detection_csv(rr); }), rr + ":2: column 'sigma_range_rate_mps': range rate and its sigma go together (both or neither)");
  const std::string moved = temp_file("skyshield_moved.csv", h + "5,sr,-25,135,0,1000,0,1,,10,0.1,0.1,\n6,sr,-25.1,135,0,1000,0,1,,10,0.1,0.1,\n");
  EXPECT_EQ(error_of([&] { read_detection_csv(moved); }).rfind(moved + ":3: column 'lat_deg': a sensor's position must not change", 0), 0u);
  const std::string cols = temp_file("skyshield_cols.csv", h + "5,sr,-25,135\n");
  EXPECT_EQ(error_of([&] { read_detection_csv(cols); }), cols + ":2: 4 columns, expected 13");
  EXPECT_EQ(error_of([&] { read_detection_csv(kData + "/no_such_file.csv"); }), kData + "/no_such_file.csv: cannot open the file");
  const std::string truth = temp_file("skyshield_truth.csv", std::string(kTruthCsvHeader) + "\n1,a,-25,135,x\n");
  EXPECT_EQ(error_of([&] { read_truth_csv(truth); }), truth + ":2: column 'alt_m': 'x' is not a decimal number");
}

TEST(DetectionFile, TrackerHoldsTwoTargetsFromAFile) {
  // One sensor, 1 s scans, 200 s; two aircraft 20 km apart flying north-east at 250 m/s, 8 km up.
  // Measurement noise drawn with the sigmas written in the file; no clutter.
  const Geodetic site{-25.0, 135.0, 100.0};
  const LocalFrame f(site);
  std::mt19937 gen(3);
  std::normal_distribution<double> n(0.0, 1.0);
  const double sr = 50.0, sa = 0.002;   // m, rad
  std::string det = std::string(kDetectionCsvHeader) + "\n", truth = std::string(kTruthCsvHeader) + "\n";
  for (int k = 0; k <= 200; ++k) {
    const double t = k;
    MeasurementBatch b;
    b.t0 = t;
    for (int j = 0; j < 2; ++j) {
      const Vec3 p(-60e3 + 20e3 * j + 176.8 * t, 40e3 + 176.8 * t, 8000.0);
      const Geodetic g = geodetic_from_ecef(f.to_ecef(p));
      truth += std::to_string(t) + ",jet-" + std::to_string(j) + "," + std::to_string(g.lat_deg) + "," +
               std::to_string(g.lon_deg) + "," + std::to_string(g.alt_m) + "\n";
      Measurement m;
      m.rae = range_az_el_from_enu(p);
      m.rae.range_m += sr * n(gen);
      m.rae.az_rad += sa * n(gen);
      m.rae.el_rad += sa * n(gen);
      m.sigma_range_m = sr;
      m.sigma_az_rad = m.sigma_el_rad = sa;
      b.detections.push_back(m);
    }
    det += detection_csv_rows("sr", site, b);
  }
  const DetectionFile d = read_detection_csv(temp_file("skyshield_two.csv", det));
  const TruthFile tf = read_truth_csv(temp_file("skyshield_two_truth.csv", truth));
  const FileTrackingResult r = track_detection_file(d, &tf, TrackerParams{}, OspaParams{});
  EXPECT_EQ(r.confirmed, 2);
  EXPECT_EQ(r.quality.identity_switches, 0);
  EXPECT_EQ(r.quality.track_breaks, 0);
  EXPECT_GT(r.quality.continuity, 0.97);   // the first instants, before confirmation, are misses
  EXPECT_EQ(r.quality.mean_false, 0.0);
  // Cross-range sigma at ~75 km is 150 m per axis: the filtered error stays well below it.
  EXPECT_LT(r.quality.rms_localisation_m, 150.0);
  EXPECT_EQ(r.scores.size(), 201u);
  EXPECT_GT(std::count(r.tracks_csv.begin(), r.tracks_csv.end(), '\n'), 300);
}

TEST(DetectionFile, TracksFileHoldsEveryTracksBirthUpdatesAndEnd) {
  // Two aircraft as above; the second is no longer detected after 100 s, so its track coasts out
  // (max_coast_s, 40 s) and ends. tracks.csv must hold the numbers `skyshield track` counts, each
  // starting with its `confirmed` row, and the ended one closing with its `ended` row.
  const Geodetic site{-25.0, 135.0, 100.0};
  const LocalFrame f(site);
  std::mt19937 gen(5);
  std::normal_distribution<double> n(0.0, 1.0);
  const double sr = 50.0, sa = 0.002;
  std::string det = std::string(kDetectionCsvHeader) + "\n";
  for (int k = 0; k <= 200; ++k) {
    MeasurementBatch b;
    b.t0 = k;
    for (int j = 0; j < (k <= 100 ? 2 : 1); ++j) {
      const Vec3 p(-60e3 + 20e3 * j + 176.8 * k, 40e3 + 176.8 * k, 8000.0);
      Measurement m;
      m.rae = range_az_el_from_enu(p);
      m.rae.range_m += sr * n(gen);
      m.rae.az_rad += sa * n(gen);
      m.rae.el_rad += sa * n(gen);
      m.sigma_range_m = sr;
      m.sigma_az_rad = m.sigma_el_rad = sa;
      b.detections.push_back(m);
    }
    det += detection_csv_rows("sr", site, b);
  }
  const DetectionFile d = read_detection_csv(temp_file("skyshield_end.csv", det));
  const FileTrackingResult r = track_detection_file(d, nullptr, TrackerParams{}, OspaParams{});
  std::istringstream in(r.tracks_csv);
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, kTrackCsvHeader);
  std::map<int, std::vector<std::string>> events;   // track -> its events in order
  while (std::getline(in, line)) {
    std::istringstream row(line);
    std::string t, track, event;
    std::getline(row, t, ',');
    std::getline(row, track, ',');
    std::getline(row, event, ',');
    events[std::stoi(track)].push_back(event);
  }
  EXPECT_EQ(r.confirmed, 2);
  EXPECT_EQ(static_cast<int>(events.size()), r.confirmed);
  EXPECT_EQ(r.ended, 1);
  EXPECT_EQ(r.merged, 0);
  int ended = 0;
  for (const auto& [track, ev] : events) {
    ASSERT_FALSE(ev.empty());
    EXPECT_EQ(ev.front(), "confirmed") << track;
    for (std::size_t i = 1; i + 1 < ev.size(); ++i) EXPECT_EQ(ev[i], "update") << track;
    ended += ev.back() == "ended";
  }
  EXPECT_EQ(ended, 1);
}

}  // namespace
}  // namespace skyshield
