// Hostile detection and truth files (issue 27), each made here: refused up front with an error that
// names the file, the line and the limit, never read forever, never a bad_alloc in the tracker.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include "core/error.hpp"
#include "tracking/detection_file.hpp"
#include "tracking/file_tracking.hpp"

namespace skyshield {
namespace {

std::string temp_path(const std::string& name) { return (std::filesystem::temp_directory_path() / name).string(); }

// Writes the header and `rows` rows made by row(i).
std::string detection_file(const std::string& name, long rows, const std::function<std::string(long)>& row) {
  const std::string path = temp_path(name);
  std::ofstream out(path);
  out << kDetectionCsvHeader << "\n";
  for (long i = 0; i < rows; ++i) out << row(i) << "\n";
  return path;
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

const std::string kRowTail = ",50,10,100,50000,45,2,,50,0.1,0.1,";  // lat..sigma_range_rate of one detection

TEST(DetectionFileLimits, FortyThousandDetectionsAtOneSpotAreRefused) {
  // The reported case: one scan of 40,000 detections at one spot (bad_alloc in the tracker).
  const std::string path = detection_file("skyshield_spot.csv", 40000, [](long) { return "0,r" + kRowTail; });
  EXPECT_EQ(error_of([&] { read_detection_csv(path); }),
            path + ":202: column 't_s': more than the limit of 200 detections of one sensor at one time (sensor 'r', t 0 s)");
  // At the limit it reads.
  const std::string ok = detection_file("skyshield_spot_ok.csv", 200, [](long) { return "0,r" + kRowTail; });
  EXPECT_EQ(read_detection_csv(ok).batches.at(0).detections.size(), 200u);
}

TEST(DetectionFileLimits, AHundredThousandSensorNamesAreRefused) {
  const std::string path = detection_file("skyshield_sensors.csv", 100000, [](long i) { return "0,s" + std::to_string(i) + kRowTail; });
  EXPECT_EQ(error_of([&] { read_detection_csv(path); }), path + ":66: column 'sensor': more than the limit of 64 sensors");
}

TEST(DetectionFileLimits, DevZeroIsRefusedAtOnce) {
  EXPECT_EQ(error_of([] { read_detection_csv("/dev/zero"); }), "/dev/zero:1: a NUL byte: not a text file");
  EXPECT_EQ(error_of([] { read_truth_csv("/dev/zero"); }), "/dev/zero:1: a NUL byte: not a text file");
}

TEST(DetectionFileLimits, AnEndlessLineIsRefusedAtTheLimit) {
  const std::string path = temp_path("skyshield_long_line.csv");
  std::ofstream(path) << kDetectionCsvHeader << "\n" << std::string(1 << 20, '7') << "\n";
  EXPECT_EQ(error_of([&] { read_detection_csv(path); }), path + ":2: the record is longer than the limit of 4096 bytes");
}

TEST(DetectionFileLimits, NumbersAreDecimalOnly) {
  // strtod reads "0x10" as 16 and "0x1p4" as 16 (C11 7.22.1.3): a range of 16 m, silently.
  for (const std::string bad : {"0x10", "0x1p4", "1e400", "inf", "nan", " 5", "5 ", "1,5"}) {
    const std::string path = detection_file("skyshield_hex.csv", 1, [&](long) {
      return "0,r,50,10,100," + bad + ",45,2,,50,0.1,0.1,";
    });
    const std::string e = error_of([&] { read_detection_csv(path); });
    EXPECT_TRUE(e.find("column 'range_m'") != std::string::npos || e.find("columns, expected 13") != std::string::npos)
        << "'" << bad << "' gave: " << e;
  }
  const std::string path = detection_file("skyshield_plus.csv", 1, [](long) { return "+0.5,r,50,10,100,1.5e4,45,2,,50,0.1,0.1,"; });
  const DetectionFile d = read_detection_csv(path);
  EXPECT_EQ(d.batches.at(0).t0, 0.5);
  EXPECT_EQ(d.batches.at(0).detections.at(0).rae.range_m, 15000.0);
}

TEST(DetectionFileLimits, NamesMustBeCleanUtf8) {
  const std::string path = detection_file("skyshield_name.csv", 1, [](long) { return "0,r\xff" + kRowTail; });
  EXPECT_EQ(error_of([&] { read_detection_csv(path); }),
            path + ":2: column 'sensor': 'r\\xff' is not UTF-8 text (or holds control characters)");
  const std::string utf8 = detection_file("skyshield_name_ok.csv", 1, [](long) { return "0,\xd0\xa0\xd0\x9b\xd0\xa1" + kRowTail; });
  EXPECT_EQ(read_detection_csv(utf8).sensors.at(0), "\xd0\xa0\xd0\x9b\xd0\xa1");  // "РЛС" (radar, Russian) in UTF-8
  const std::string truth = temp_path("skyshield_truth_name.csv");
  std::ofstream(truth) << kTruthCsvHeader << "\n0," << std::string(65, 'o') << ",50,10,100\n";
  EXPECT_EQ(error_of([&] { read_truth_csv(truth); }), truth + ":2: column 'object': 65 bytes, longer than the limit of 64");
}

TEST(DetectionFileLimits, TrackingStopsBeforeTheNextBatchWhenAsked) {
  // Ten scans of one detection each; the stop flag rises when asked the fourth time.
  const std::string path = detection_file("skyshield_stop.csv", 10, [](long i) { return std::to_string(i * 5) + ",r" + kRowTail; });
  const DetectionFile d = read_detection_csv(path);
  int asked = 0;
  const FileTrackingResult r = track_detection_file(d, nullptr, TrackerParams{}, OspaParams{}, [&] { return ++asked > 3; });
  EXPECT_TRUE(r.interrupted);
  EXPECT_EQ(asked, 4);  // three batches tracked, then stopped: not asked again
  EXPECT_EQ(r.stats.batches, 3);
  EXPECT_FALSE(track_detection_file(d, nullptr, TrackerParams{}, OspaParams{}).interrupted);
}

}  // namespace
}  // namespace skyshield
