#pragma once
// A track: the tracker's estimate of one object, in the tracker's local ENU frame
// (state = [e, n, u, ve, vn, vu], metres and metres per second).
#include <Eigen/Core>
#include <cstdint>

#include "core/threat_class.hpp"

namespace skyshield {

using Vec6 = Eigen::Matrix<double, 6, 1>;
using Mat6 = Eigen::Matrix<double, 6, 6>;

enum class TrackStatus { Tentative, Confirmed };

struct Track {
  int id = -1;                 // stable track number, never reused within a run
  TrackStatus status = TrackStatus::Tentative;
  double t = 0.0;              // time of the state estimate (last update or prediction)
  Vec6 x = Vec6::Zero();
  Mat6 P = Mat6::Identity();
  int hits = 0;                // updates received
  int consecutive_misses = 0;  // covered looks without an associated detection, in a row
  std::uint32_t history = 0;   // bit i = hit on the i-th most recent covered look (for M-of-N)
  double first_t = 0.0;        // time of initiation
  double last_update_t = 0.0;
  ThreatClass classified = ThreatClass::Aircraft;  // kinematic classification (tracking/classify.hpp)

  Eigen::Vector3d position() const { return x.head<3>(); }
  Eigen::Vector3d velocity() const { return x.tail<3>(); }
};

}  // namespace skyshield
