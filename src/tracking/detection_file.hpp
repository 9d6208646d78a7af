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
// A detection file says nothing about the volume each scan covered: the tracker treats every track
// as a candidate and counts no misses (tracks end by coasting or covariance growth).
#include <string>
#include <vector>

#include "sensors/measurement.hpp"

namespace skyshield {

inline constexpr const char* kDetectionCsvHeader =
    "t_s,sensor,lat_deg,lon_deg,alt_m,range_m,az_deg,el_deg,range_rate_mps,sigma_range_m,sigma_az_deg,sigma_el_deg,"
    "sigma_range_rate_mps";
inline constexpr const char* kTruthCsvHeader = "t_s,object,lat_deg,lon_deg,alt_m";

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
