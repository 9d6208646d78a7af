#pragma once
// Test helper: one look of radar 0 covering the full circle (to 500 km, elevations -0.1 to 1.5 rad) at
// time t, each given range/azimuth/elevation a detection with 30 m range and 1 mrad angle sigmas.
// Shared by the tracker tests (tracking/, scenario/, c2/) that feed hand-made detections.
#include <vector>

#include "sensors/measurement.hpp"
#include "tracking/tracker.hpp"

namespace skyshield::test {

inline MeasurementBatch full_circle_look(const LocalFrame& frame, double t, const std::vector<RangeAzEl>& dets = {}) {
  MeasurementBatch b;
  b.radar_index = 0;
  b.t0 = t;
  b.t1 = t + 0.05;
  b.radar_frame = frame;
  b.coverage.full_circle = true;
  b.coverage.max_range_m = 500e3;
  b.coverage.min_el_rad = -0.1;
  b.coverage.max_el_rad = 1.5;
  for (const RangeAzEl& r : dets) {
    Measurement m;
    m.t = t;
    m.rae = r;
    m.sigma_range_m = 30.0;
    m.sigma_az_rad = 1e-3;
    m.sigma_el_rad = 1e-3;
    b.detections.push_back(m);
  }
  return b;
}

}  // namespace skyshield::test
