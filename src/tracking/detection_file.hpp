#pragma once
// Plain-text exchange of radar detections and truth, so the tracker can run on data from elsewhere
// (`skyshield track`) and a run's detections can be fed to other trackers (`skyshield run
// --detections`). Comma-separated, one header line with exactly these columns, '#' lines ignored:
//
//   detections: t_s,sensor,lat_deg,lon_deg,alt_m,range_m,az_deg,el_deg,range_rate_mps,
//               sigma_range_m,sigma_az_deg,sigma_el_deg,sigma_range_rate_mps
//     t_s       scan time of the detection, s (rows of one sensor with the same t_s form one batch;
//               rows in non-decreasing t_s)
//     sensor    sensor name; lat/lon/alt: its antenna (WGS-84, alt above the ellipsoid)
//     range, az (clockwise from north), el (above the local horizontal) in the antenna's ENU frame
//     range_rate_mps, sigma_range_rate_mps: radial velocity (positive opening) and its sigma, both
//               empty when not measured
//   truth:      t_s,object,lat_deg,lon_deg,alt_m
//
// Limits, so that any file is read in bounded memory and tracked in bounded time (a file beyond one
// is refused with an error naming the limit, file and line): lines of at most kMaxCsvLineBytes,
// at most kMaxCsvLines lines (blank and '#' lines included), names (sensor, object) of at most
// kMaxCsvNameBytes bytes of UTF-8 without control characters, at most kMaxSensors sensors and
// kMaxTruthObjects truth objects, kMaxDetections detections in a file and kMaxDetectionsPerBatch of
// one sensor at one time (the tracker's work grows with the square of a scan's detections when they
// crowd together: 250 at one spot take ~0.2 GB, 1000 ~2 GB). Numbers are decimal (no hexadecimal,
// no inf/nan), whatever the locale. For scale: the layered scenario's --detections file holds ~593,000
// detections of 10 sensors, at most 30 per scan.
//
// A detection file says nothing about the volume each scan covered: the tracker treats every track
// as a candidate and counts no misses (tracks end by coasting or covariance growth).
#include <cstddef>
#include <string>
#include <vector>

#include "sensors/measurement.hpp"

namespace skyshield {

inline constexpr const char* kDetectionCsvHeader =
    "t_s,sensor,lat_deg,lon_deg,alt_m,range_m,az_deg,el_deg,range_rate_mps,sigma_range_m,sigma_az_deg,sigma_el_deg,"
    "sigma_range_rate_mps";
inline constexpr const char* kTruthCsvHeader = "t_s,object,lat_deg,lon_deg,alt_m";
inline constexpr std::size_t kMaxCsvLineBytes = 4096;
inline constexpr long long kMaxCsvLines = 4'000'000;
inline constexpr std::size_t kMaxCsvNameBytes = 64;
inline constexpr std::size_t kMaxSensors = 64;
inline constexpr std::size_t kMaxTruthObjects = 1000;
inline constexpr std::size_t kMaxDetections = 2'000'000;
inline constexpr std::size_t kMaxDetectionsPerBatch = 200;

struct DetectionFile {
  std::vector<std::string> sensors;          // in order of first appearance
  std::vector<Geodetic> sensor_sites;
  std::vector<MeasurementBatch> batches;     // radar_index into sensors; coverage unknown
};

struct TruthPoint {
  double t = 0.0;
  int object = -1;                           // index into TruthFile::objects
  Geodetic position;
};

struct TruthFile {
  std::vector<std::string> objects;
  std::vector<TruthPoint> points;            // in file order (non-decreasing t)
};

// Read a file; bad content throws InputError naming the file, line and column.
DetectionFile read_detection_csv(const std::string& path);
TruthFile read_truth_csv(const std::string& path);

// The rows of one batch (its detections stamped with the batch time t0).
std::string detection_csv_rows(const std::string& sensor, const Geodetic& antenna, const MeasurementBatch& batch);

}  // namespace skyshield
