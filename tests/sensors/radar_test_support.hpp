#pragma once
// Shared fixtures of the radar tests: a plain rotating radar, targets placed in its frame, and a
// tally of detection opportunities over consecutive looks.
#include <span>
#include <vector>

#include "sensors/radar.hpp"

namespace skyshield {

inline const Geodetic kSite{-25.0, 135.0, 100.0};

inline RadarParams rotating() {
  RadarParams p;
  p.scan = ScanKind::Rotating;
  p.scan_period_s = 4.0;
  p.pfa = 1e-12;  // practically no false alarms unless a test asks for them
  p.instrumented_range_m = 200e3;
  p.antenna_height_m = 10.0;
  return p;
}

inline TruthView target(const LocalFrame& f, const Vec3& enu, double rcs) {
  TruthView t;
  t.id = 7;
  t.pos_ecef = f.to_ecef(enu);
  t.rcs = RcsPattern::isotropic(rcs);
  t.swerling = Swerling::Case1;
  return t;
}

// Counts detection opportunities and detections over n consecutive 0.05 s slices.
struct Tally {
  int opportunities = 0, detections = 0, batch_detections = 0;
  double pd = 0.0;
};
inline Tally sweep(Radar& r, const std::vector<TruthView>& tv, int slices, std::span<const Vec3> dwells = {}) {
  Tally out;
  std::vector<DetectionRecord> log;
  for (int k = 0; k < slices; ++k) {
    log.clear();
    const MeasurementBatch b = r.look(0.05 * k, 0.05 * (k + 1), tv, dwells, &log);
    out.batch_detections += static_cast<int>(b.detections.size());
    for (const DetectionRecord& d : log) {
      ++out.opportunities;
      out.detections += d.detected;
      out.pd = d.pd;
    }
  }
  return out;
}

}  // namespace skyshield
